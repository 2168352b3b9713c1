import type { Tx } from "@/lib/db/client";
import type { FilingKind } from "@/lib/generated/prisma/enums";
import type { AuditEntry } from "@/lib/audit/write";
import type { SessionUser } from "@/lib/auth/types";
import { AppError } from "@/lib/errors";
import { notifyUnits } from "@/lib/notifications/commands";
import { FILING_KIND_LABELS, type FilingSubject } from "./policy";
import type { ReviewFilingInput } from "./schema";

type Ctx = { tx: Tx; user: SessionUser | null; audit: (entry: AuditEntry) => Promise<void> };

export async function filingSubject(input: { id: number }, tx: Tx): Promise<FilingSubject | false> {
  const f = await tx.filing.findUnique({ where: { id: input.id }, select: { districtId: true, status: true } });
  return f ? { type: "filing", districtId: f.districtId, status: f.status } : false;
}

/**
 * Files a district 编办's decision with the city 编办 (备案), inside the transaction that made the
 * decision: the edition's issue, the list's publication, the round's close. The city 编办 finds
 * it in its 备案审查 queue.
 */
export async function createFiling(
  input: { kind: FilingKind; subjectId: number; versionId: number | null; title: string; districtId: number },
  { tx, user, audit }: Ctx,
) {
  const filing = await tx.filing.create({
    data: {
      kind: input.kind,
      subjectId: input.subjectId,
      versionId: input.versionId,
      title: input.title,
      districtId: input.districtId,
      submittedById: user?.id ?? null,
      submittedByName: user?.displayName ?? "系统",
    },
    select: { id: true, kind: true, subjectId: true, versionId: true, title: true, districtId: true, status: true },
  });
  await audit({ action: "filing.submit", subjectType: "filing", subjectId: filing.id, after: filing });
  return filing;
}

/** The district 编办 units of a district: the 编办 directly under it. */
async function districtBianbanUnits(tx: Tx, districtId: number): Promise<number[]> {
  const units = await tx.orgUnit.findMany({ where: { parentId: districtId, kind: "BIANBAN" }, select: { id: true } });
  return units.map((u) => u.id);
}

/**
 * The city 编办 records a waiting 备案 (已备案) or returns it with an opinion; either way the
 * district 编办 is told. A filing is reviewed once: the row is locked and must still be waiting.
 */
export async function reviewFiling(input: ReviewFilingInput, { tx, user, audit }: Ctx & { user: SessionUser }) {
  const rows = await tx.$queryRaw<{ id: number; status: string }[]>`SELECT id, status::text AS status FROM filing WHERE id = ${input.id} FOR UPDATE`;
  if (!rows[0]) throw new AppError("NOT_FOUND", "备案记录不存在。");
  if (rows[0].status !== "PENDING") throw new AppError("INVALID_STATE", "该备案已审查，不能重复审查。");
  const opinion = input.opinion || null;
  const after = await tx.filing.update({
    where: { id: input.id },
    data: { status: input.decision, opinion, reviewedById: user.id, reviewedByName: user.displayName, reviewedAt: new Date() },
    select: { id: true, kind: true, title: true, districtId: true, status: true, opinion: true, reviewedByName: true, reviewedAt: true },
  });
  await audit({
    action: input.decision === "FILED" ? "filing.file" : "filing.return",
    subjectType: "filing",
    subjectId: input.id,
    before: { status: "PENDING" },
    after,
  });
  const what = `${FILING_KIND_LABELS[after.kind]}「${after.title}」`;
  await notifyUnits(
    tx,
    await districtBianbanUnits(tx, after.districtId),
    input.decision === "FILED"
      ? { title: `${what}已备案`, body: `市编办已审查，记录为已备案。${opinion ? `意见：${opinion}` : ""}`, href: `/filings/${after.id}` }
      : { title: `${what}备案被退回`, body: `市编办退回意见：${opinion}`, href: `/filings/${after.id}` },
    ["BIANBAN_ADMIN", "BIANBAN_STAFF"],
  );
  return { id: after.id, status: after.status };
}
