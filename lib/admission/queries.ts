import "server-only";
import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SessionUser } from "@/lib/auth/types";
import { isBianban } from "./policy";
import { jointMembers } from "./commands";

export { listAdmissions, PAGE_SIZE } from "./queue";

/** What a user may see: 编办, reviewers and leaders everything; others their own part. */
export function scopeFor(user: Pick<SessionUser, "roles" | "unitId" | "jointMeetingMember">): Prisma.AdmissionWhereInput {
  if (isBianban(user) || user.roles.includes("REVIEWER") || user.roles.includes("LEADER")) return {};
  if (user.roles.includes("DEPARTMENT")) return { applicantUnitId: user.unitId };
  if (user.roles.includes("STREET") || user.roles.includes("COMMUNITY")) return { targets: { some: { unitId: user.unitId } } };
  return { id: -1 };
}

export async function getAdmission(id: number) {
  const a = await prisma.admission.findUnique({
    where: { id },
    include: {
      targets: { orderBy: { unitName: "asc" } },
      steps: { orderBy: [{ startedAt: "asc" }, { id: "asc" }] },
      opinions: { orderBy: { createdAt: "asc" } },
      attachments: { orderBy: { id: "asc" }, select: { id: true, fileName: true, size: true, mime: true, uploadedByName: true, createdAt: true } },
    },
  });
  if (!a) return null;
  const members = await jointMembers(prisma);
  return { ...a, members };
}

export async function targetCandidates(level: "STREET" | "COMMUNITY" | "ALL" = "ALL") {
  const kinds = level === "STREET" ? ["STREET", "TOWNSHIP"] : level === "COMMUNITY" ? ["COMMUNITY"] : ["STREET", "TOWNSHIP", "COMMUNITY"];
  const units = await prisma.orgUnit.findMany({
    where: { active: true, kind: { in: kinds as ("STREET" | "TOWNSHIP" | "COMMUNITY")[] } },
    orderBy: [{ parentId: "asc" }, { sortOrder: "asc" }],
    select: { id: true, name: true, kind: true, parentId: true, parent: { select: { name: true } } },
  });
  return units.map((u) => ({ id: u.id, name: u.name, level: u.kind === "COMMUNITY" ? ("COMMUNITY" as const) : ("STREET" as const), group: u.parent?.name ?? "" }));
}

export async function attachmentForDownload(id: number) {
  return prisma.admissionAttachment.findUnique({
    where: { id },
    select: { id: true, fileName: true, mime: true, size: true, bytes: true, admission: { select: { id: true, applicantUnitId: true, status: true, targets: { select: { unitId: true } } } } },
  });
}
