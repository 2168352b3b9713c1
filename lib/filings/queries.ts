import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { FilingKind } from "@/lib/generated/prisma/enums";
import { prisma } from "@/lib/db/client";
import { mayEnter } from "@/lib/auth/policy";
import { areaOf } from "@/lib/auth/scope";
import type { SessionUser } from "@/lib/auth/types";
import type { TodoItem } from "@/lib/todo";
import type { FilingFilter } from "./schema";

export const FILING_PAGE_SIZE = 20;

/** The filings a user may see: a district 编办 its own district's, the city 编办 every district's. */
function scopeWhere(user: SessionUser): Prisma.FilingWhereInput {
  const area = areaOf(user);
  return area ? { districtId: area.districtId } : {};
}

const listSelect = {
  id: true, kind: true, subjectId: true, versionId: true, title: true, status: true, submittedByName: true, submittedAt: true,
  reviewedByName: true, reviewedAt: true, opinion: true,
  district: { select: { id: true, name: true } },
} satisfies Prisma.FilingSelect;

export async function listFilings(user: SessionUser, filter: FilingFilter & { status: NonNullable<FilingFilter["status"]> }) {
  const scope = scopeWhere(user);
  const where: Prisma.FilingWhereInput = { ...scope, ...(filter.status === "ALL" ? {} : { status: filter.status }) };
  const [total, rows, byStatus] = await Promise.all([
    prisma.filing.count({ where }),
    prisma.filing.findMany({
      where,
      orderBy: [{ submittedAt: "desc" }, { id: "desc" }],
      skip: (filter.page - 1) * FILING_PAGE_SIZE,
      take: FILING_PAGE_SIZE,
      select: listSelect,
    }),
    prisma.filing.groupBy({ by: ["status"], where: scope, _count: { _all: true } }),
  ]);
  const counts = { PENDING: 0, FILED: 0, RETURNED: 0, ALL: 0 };
  for (const g of byStatus) {
    counts[g.status] = g._count._all;
    counts.ALL += g._count._all;
  }
  return { total, rows, counts };
}

/** One filing, or null when it does not exist or lies outside the user's district. */
export async function getFiling(id: number, user: SessionUser) {
  return prisma.filing.findFirst({ where: { id, ...scopeWhere(user) }, select: listSelect });
}

/** 工作台: the city 编办's waiting 备案. */
export async function filingTodos(user: SessionUser): Promise<TodoItem[]> {
  if (!mayEnter(user, "filing.review")) return [];
  const waiting = await prisma.filing.count({ where: { status: "PENDING" } });
  return waiting ? [{ area: "区县备案", title: "区县编办报送、待审查的备案", href: "/filings", count: waiting }] : [];
}

/**
 * The latest filing of one filed object (an edition, a list's version, a round), for its own
 * page: null when there is none, or when the user may not read filings or not this district's.
 */
export async function filingOfSubject(user: SessionUser, kind: FilingKind, subjectId: number, versionId: number | null = null) {
  if (!mayEnter(user, "filing.read")) return null;
  return prisma.filing.findFirst({ where: { kind, subjectId, versionId, ...scopeWhere(user) }, orderBy: { id: "desc" }, select: listSelect });
}
