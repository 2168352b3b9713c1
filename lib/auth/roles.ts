import type { OrgKind, Role } from "@/lib/generated/prisma/enums";

export const ROLES = [
  "BIANBAN_ADMIN",
  "BIANBAN_STAFF",
  "DEPARTMENT",
  "REVIEWER",
  "STREET",
  "COMMUNITY",
  "LEADER",
] as const satisfies readonly Role[];

export const ROLE_LABELS: Record<Role, string> = {
  BIANBAN_ADMIN: "编办管理员",
  BIANBAN_STAFF: "编办工作人员",
  DEPARTMENT: "部门",
  REVIEWER: "联席会议成员单位",
  STREET: "街道（乡镇）",
  COMMUNITY: "社区",
  LEADER: "领导",
};

export const ORG_KINDS = ["CITY", "DISTRICT", "STREET", "TOWNSHIP", "COMMUNITY", "DEPARTMENT", "BIANBAN"] as const satisfies readonly OrgKind[];

export const ORG_KIND_LABELS: Record<OrgKind, string> = {
  CITY: "市",
  DISTRICT: "区（县）",
  STREET: "街道",
  TOWNSHIP: "乡镇",
  COMMUNITY: "社区（村）",
  DEPARTMENT: "部门",
  BIANBAN: "编办",
};

/** Which kinds of unit may sit directly under which. */
export const ALLOWED_PARENT_KINDS: Record<OrgKind, (OrgKind | null)[]> = {
  CITY: [null],
  DISTRICT: ["CITY"],
  STREET: ["DISTRICT", "CITY"],
  TOWNSHIP: ["DISTRICT", "CITY"],
  COMMUNITY: ["STREET", "TOWNSHIP"],
  DEPARTMENT: ["CITY", "DISTRICT"],
  BIANBAN: ["CITY", "DISTRICT"],
};

/** Roles that make sense for a user of a unit of this kind. */
export const ROLES_FOR_KIND: Record<OrgKind, Role[]> = {
  CITY: ["LEADER"],
  DISTRICT: ["LEADER"],
  BIANBAN: ["BIANBAN_ADMIN", "BIANBAN_STAFF", "REVIEWER", "LEADER"],
  DEPARTMENT: ["DEPARTMENT", "REVIEWER", "LEADER"],
  STREET: ["STREET", "LEADER"],
  TOWNSHIP: ["STREET", "LEADER"],
  COMMUNITY: ["COMMUNITY"],
};
