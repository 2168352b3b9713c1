import "server-only";
import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { PowerListStatus } from "@/lib/generated/prisma/enums";
import type { SessionUser } from "@/lib/auth/types";
import { groupOrder } from "./commands";
import { pendingDevolutions } from "./draft-source";
import { isBianban, listScope, LIST_UNIT_KINDS } from "./policy";
import type { TodoItem } from "@/lib/todo";
import { dbDate, today } from "@/lib/dates";
import { areaIdFilter } from "@/lib/auth/scope";

export type ListFilter = { status?: PowerListStatus; q?: string; page: number };
export const LIST_PAGE_SIZE = 30;

/** Lists the user may see (编办 and departments all, a street or community its own). */
export async function listsFor(user: SessionUser, filter: ListFilter) {
  const scope = listScope(user);
  if (!scope) return { rows: [], total: 0 };
  const where: Prisma.PowerListWhereInput = {
    ...(scope.kind === "unit" ? { unitId: scope.unitId } : scope.kind === "area" ? { unitId: { in: scope.unitIds } } : {}),
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.q ? { OR: [{ title: { contains: filter.q } }, { unit: { name: { contains: filter.q } } }] } : {}),
  };
  const [rows, total] = await Promise.all([
    prisma.powerList.findMany({
      where,
      // Work in progress first (the status enum is in workflow order), then the latest changed.
      orderBy: [{ status: "asc" }, { updatedAt: "desc" }, { id: "desc" }],
      skip: (filter.page - 1) * LIST_PAGE_SIZE,
      take: LIST_PAGE_SIZE,
      select: {
        id: true,
        title: true,
        form: true,
        status: true,
        versionCount: true,
        updatedAt: true,
        unit: { select: { id: true, name: true, kind: true, parent: { select: { name: true } } } },
        currentVersion: { select: { versionNo: true, publishedAt: true, effectiveAt: true, itemCount: true } },
        // The version in force (现行) is the latest whose 施行日期 has come (lib/lists/in-force.ts).
        versions: { where: { effectiveAt: { lte: dbDate(today()) } }, orderBy: { versionNo: "desc" }, take: 1, select: { versionNo: true, publishedAt: true, effectiveAt: true, itemCount: true } },
        stages: { where: { status: "ACTIVE" }, select: { name: true } },
        _count: { select: { items: true } },
        adjustments: { where: { status: { in: ["REVIEWING", "APPROVED", "FILED"] } }, select: { id: true, status: true } },
      },
    }),
    prisma.powerList.count({ where }),
  ]);
  return { rows, total };
}

/** Units that may start a list and have none of that form yet (for the 新建 page). */
export async function unitsWithoutList(user: SessionUser) {
  const scope = listScope(user);
  const units = await prisma.orgUnit.findMany({
    where: { active: true, kind: { in: LIST_UNIT_KINDS }, ...(scope?.kind === "unit" ? { id: scope.unitId } : scope?.kind === "area" ? { id: { in: scope.unitIds } } : {}) },
    orderBy: [{ parentId: "asc" }, { sortOrder: "asc" }],
    select: { id: true, name: true, kind: true, parent: { select: { name: true } }, powerLists: { select: { form: true } } },
  });
  return units.map((u) => ({ id: u.id, name: u.name, kind: u.kind, parentName: u.parent?.name ?? null, forms: u.powerLists.map((l) => l.form) }));
}

export async function getList(listId: number) {
  return prisma.powerList.findUnique({
    where: { id: listId },
    select: {
      id: true,
      title: true,
      form: true,
      status: true,
      version: true,
      reviewRound: true,
      versionCount: true,
      unitId: true,
      submittedAt: true,
      createdByName: true,
      createdAt: true,
      updatedAt: true,
      updatedByName: true,
      unit: { select: { id: true, name: true, kind: true, parent: { select: { name: true } } } },
      currentVersion: { select: { id: true, versionNo: true, publishedAt: true, documentNumber: true, itemCount: true } },
      stages: {
        orderBy: { position: "asc" },
        select: {
          id: true,
          kind: true,
          name: true,
          status: true,
          startedAt: true,
          completedAt: true,
          assignees: { select: { unitId: true, unit: { select: { name: true, shortName: true } } } },
        },
      },
    },
  });
}

export type ListDetail = NonNullable<Awaited<ReturnType<typeof getList>>>;

/** Draft items in display order (section, category, position), with reviewers' comments. */
export async function draftItems(listId: number) {
  const items = await prisma.powerListItem.findMany({
    where: { listId },
    include: {
      category: { select: { id: true, name: true, sortOrder: true } },
      comments: { orderBy: { id: "asc" }, select: { id: true, body: true, stageName: true, unitName: true, authorName: true, createdAt: true } },
    },
  });
  return groupOrder(items.map((i) => ({ ...i, categoryOrder: i.category?.sortOrder ?? 9999 })));
}

export type DraftItem = Awaited<ReturnType<typeof draftItems>>[number];

export async function draftItem(listId: number, itemId: number) {
  return prisma.powerListItem.findFirst({ where: { id: itemId, listId }, include: { category: { select: { name: true } } } });
}

/** Every opinion, newest first, with its item comments. */
export async function listOpinions(listId: number) {
  return prisma.powerListOpinion.findMany({
    where: { listId },
    orderBy: { id: "desc" },
    select: {
      id: true,
      stageId: true,
      round: true,
      unitId: true,
      unitName: true,
      opinion: true,
      body: true,
      meetingNumber: true,
      meetingDate: true,
      authorName: true,
      createdAt: true,
      stage: { select: { name: true } },
      itemComments: { select: { id: true, itemName: true, body: true } },
    },
  });
}

export async function listTimeline(listId: number) {
  return prisma.powerListEvent.findMany({
    where: { listId },
    orderBy: [{ at: "asc" }, { id: "asc" }],
    select: { id: true, at: true, kind: true, stageName: true, actorName: true, unitName: true, note: true },
  });
}

export async function listVersions(listId: number) {
  return prisma.powerListVersion.findMany({
    where: { listId },
    orderBy: { versionNo: "desc" },
    select: { id: true, versionNo: true, documentNumber: true, publishedAt: true, effectiveAt: true, publisherName: true, publisherUnit: true, itemCount: true, note: true, adjustmentId: true },
  });
}

export async function categoryOptions(options: { includeInactive?: boolean } = {}) {
  return prisma.powerListCategory.findMany({
    where: options.includeInactive ? {} : { active: true },
    orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
    select: { id: true, name: true, active: true, sortOrder: true, updatedAt: true, _count: { select: { items: true } } },
  });
}

/** Power types of the catalogue dictionary, for the item form's choices. */
export async function powerTypeOptions() {
  const entries = await prisma.dictionaryEntry.findMany({ where: { kind: "POWER_TYPE", active: true }, orderBy: [{ sortOrder: "asc" }, { id: "asc" }], select: { name: true } });
  return entries.map((e) => e.name);
}

/** Units that can be assigned to review stages: 编办, departments, streets and townships. */
export async function reviewerUnitOptions() {
  const units = await prisma.orgUnit.findMany({
    where: { active: true, kind: { in: ["BIANBAN", "DEPARTMENT", "STREET", "TOWNSHIP"] } },
    orderBy: [{ kind: "asc" }, { sortOrder: "asc" }, { id: "asc" }],
    select: { id: true, name: true, kind: true, jointMeetingMember: true },
  });
  return units;
}

/** Lists where the user's unit is a reviewer of the active stage. */
export async function reviewQueue(user: SessionUser) {
  return prisma.powerList.findMany({
    where: { status: "IN_REVIEW", stages: { some: { status: "ACTIVE", assignees: { some: { unitId: user.unitId } } } } },
    orderBy: { submittedAt: "asc" },
    select: { id: true, title: true, reviewRound: true, stages: { where: { status: "ACTIVE" }, select: { id: true, name: true, startedAt: true } } },
  });
}

const TODO_AREA = "职权清单";

/** Drafts to submit or fix, stages waiting for the user's unit, lists and adjustments waiting for 编办. */
export async function listTodos(user: SessionUser): Promise<TodoItem[]> {
  const todos: TodoItem[] = [];
  if (user.roles.includes("STREET") || user.roles.includes("COMMUNITY")) {
    const own = await prisma.powerList.findMany({ where: { unitId: user.unitId, status: { in: ["DRAFTING", "RETURNED"] } }, select: { id: true, title: true, status: true } });
    for (const l of own) todos.push({ area: TODO_AREA, title: l.status === "RETURNED" ? `「${l.title}」被退回，请修改后重新提交` : `「${l.title}」草案待提交审核`, href: `/lists/manage/${l.id}` });
  }
  // Stages where this unit is a reviewer and has not yet given its opinion in this round.
  const waiting = await prisma.powerList.findMany({
    where: { status: "IN_REVIEW", stages: { some: { status: "ACTIVE", assignees: { some: { unitId: user.unitId } } } } },
    select: { id: true, title: true, reviewRound: true, stages: { where: { status: "ACTIVE" }, select: { id: true, name: true, opinions: { where: { unitId: user.unitId }, select: { round: true } } } } },
  });
  const reviewer = ["BIANBAN_ADMIN", "BIANBAN_STAFF", "DEPARTMENT", "REVIEWER", "STREET", "LEADER"].some((r) => user.roles.includes(r as never));
  if (reviewer) {
    for (const l of waiting) {
      const stage = l.stages[0];
      if (stage && !stage.opinions.some((o) => o.round === l.reviewRound)) {
        todos.push({ area: TODO_AREA, title: `审核「${l.title}」（${stage.name}）`, href: `/lists/manage/${l.id}#review` });
      }
    }
  }
  if (isBianban(user)) {
    // A district 编办 counts its own district's lists only.
    const inArea = areaIdFilter(user);
    const approved = await prisma.powerList.count({ where: { status: "APPROVED", ...(inArea ? { unitId: inArea } : {}) } });
    if (approved) todos.push({ area: TODO_AREA, title: "审核通过、待印发公布的职权清单", href: "/lists/manage?status=APPROVED", count: approved });
    const adjustments = await prisma.powerListAdjustment.groupBy({ by: ["status"], where: { status: { in: ["REVIEWING", "APPROVED", "FILED"] }, ...(inArea ? { list: { unitId: inArea } } : {}) }, _count: { _all: true } });
    const n = (s: string) => adjustments.find((a) => a.status === s)?._count._all ?? 0;
    if (n("REVIEWING")) todos.push({ area: "动态调整", title: "待作出决定的调整申请", href: "/lists/adjustments?status=REVIEWING", count: n("REVIEWING") });
    if (n("APPROVED")) todos.push({ area: "动态调整", title: "已同意、待备案的调整申请", href: "/lists/adjustments?status=APPROVED", count: n("APPROVED") });
    if (n("FILED")) todos.push({ area: "动态调整", title: "已备案、待公布新版本的调整", href: "/lists/adjustments?status=FILED", count: n("FILED") });
  }
  if (user.roles.includes("REVIEWER") && user.jointMeetingMember) {
    const pending = await prisma.powerListAdjustment.count({ where: { status: "REVIEWING", opinions: { none: { unitId: user.unitId } } } });
    if (pending) todos.push({ area: "动态调整", title: "待本单位提出意见的调整申请", href: "/lists/adjustments?status=REVIEWING", count: pending });
  }
  return todos;
}


/** Accepted 承接 items of the list's unit not in the draft because their letter is unsigned (待确认). */
export async function pendingDraftItems(listId: number) {
  const list = await prisma.powerList.findUnique({ where: { id: listId }, select: { unitId: true, items: { select: { sourceItemId: true } } } });
  if (!list) return [];
  return pendingDevolutions(prisma, list.unitId, list.items.flatMap((i) => (i.sourceItemId ? [i.sourceItemId] : [])));
}
