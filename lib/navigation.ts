import { can, type Permission } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/types";

export type NavItem = { href: string; label: string; permission: Permission; group: string };

// Each area adds its entries here; the shell shows only what the user's roles allow.
export const NAV_ITEMS: NavItem[] = [
  { href: "/workspace", label: "工作台", permission: "workspace.view", group: "" },
  { href: "/catalogue/guidance", label: "赋权事项指导清单", permission: "catalogue.read", group: "清单目录" },
  { href: "/catalogue/general", label: "通用权责清单", permission: "catalogue.read", group: "清单目录" },
  { href: "/admin/users", label: "用户管理", permission: "user.read", group: "系统管理" },
  { href: "/admin/units", label: "组织机构", permission: "unit.read", group: "系统管理" },
  { href: "/admin/audit", label: "审计日志", permission: "audit.read", group: "系统管理" },
];

export function navigationFor(user: SessionUser): NavItem[] {
  return NAV_ITEMS.filter((item) => can(user, item.permission));
}
