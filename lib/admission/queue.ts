// The queue query, without "server-only" so that the benchmark script can time it as the page runs it.
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { AdmissionStatus } from "@/lib/generated/prisma/enums";
import { dbDate, today } from "@/lib/dates";
import { OPEN_STATUSES } from "./state";
import type { QueueFilter } from "./schema";

export const PAGE_SIZE = 20;

/** The queue: paged on the server, oldest deadline first among open ones. */
export async function listAdmissions(db: Pick<PrismaClient, "admission">, scope: Prisma.AdmissionWhereInput, filter: QueueFilter) {
  const where: Prisma.AdmissionWhereInput = { ...scope };
  if (filter.status === "OPEN") where.status = { in: OPEN_STATUSES };
  else if (filter.status === "OVERDUE") Object.assign(where, { status: { in: OPEN_STATUSES }, stageDueOn: { lt: dbDate(today()) } });
  else if (filter.status) where.status = filter.status as AdmissionStatus;
  if (filter.q) where.OR = [{ title: { contains: filter.q } }, { code: { contains: filter.q } }, { applicantUnitName: { contains: filter.q } }];
  const [rows, total, counts] = await Promise.all([
    db.admission.findMany({
      where,
      orderBy: [{ stageDueOn: { sort: "asc", nulls: "last" } }, { id: "desc" }],
      skip: (filter.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: { id: true, code: true, title: true, kind: true, level: true, status: true, stage: true, stageDueOn: true, applicantUnitName: true, submittedAt: true, fundingAmount: true, _count: { select: { targets: true } } },
    }),
    db.admission.count({ where }),
    db.admission.groupBy({ by: ["status"], where: scope, _count: { _all: true } }),
  ]);
  return { rows, total, counts: Object.fromEntries(counts.map((c) => [c.status, c._count._all])) as Partial<Record<AdmissionStatus, number>> };
}

