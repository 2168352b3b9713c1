import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/db/client";
import type { TodoItem } from "@/lib/todo";
import type { SessionUser } from "@/lib/auth/types";
import { isBianban } from "../policy";
import { deadlineEnd } from "../state";

const AREA = "赋权承接";

type RoundCounts = {
  round_id: number; title: string; deadline: Date;
  awaiting_proposal: number; awaiting_response: number; disputed: number; unassigned: number;
};

/** Per open round, the counts of rows in the scope that wait for someone (from the tallies). */
async function openRoundCounts(scope: Prisma.Sql) {
  return prisma.$queryRaw<RoundCounts[]>`
    SELECT r.id AS round_id, r.title, r.deadline,
      sum(t.awaiting_proposal)::int AS awaiting_proposal, sum(t.awaiting_response)::int AS awaiting_response,
      sum(t.disputed)::int AS disputed, sum(t.unassigned)::int AS unassigned
    FROM devolution_pair_tally t JOIN devolution_round r ON r.id = t.round_id
    WHERE r.status = 'OPEN' AND ${scope}
    GROUP BY r.id, r.title, r.deadline`;
}

/** Street x department pairs whose items are all settled and that have no letter yet. */
async function readyPairs(scope: Prisma.Sql) {
  return prisma.$queryRaw<{ round_id: number; n: number }[]>`
    SELECT t.round_id, count(*)::int AS n
    FROM devolution_pair_tally t JOIN devolution_round r ON r.id = t.round_id
    WHERE r.status = 'OPEN' AND t.department_id <> 0 AND t.total > 0 AND t.settled = t.total AND ${scope}
      AND NOT EXISTS (SELECT 1 FROM confirmation_letter l WHERE l.round_id = t.round_id AND l.street_id = t.street_id
                      AND l.department_id = t.department_id AND l.status <> 'WITHDRAWN')
    GROUP BY t.round_id`;
}

async function lettersToConfirm(where: Prisma.ConfirmationLetterWhereInput) {
  return prisma.confirmationLetter.groupBy({ by: ["roundId"], where: { status: "PENDING", round: { status: "OPEN" }, ...where }, _count: { _all: true } });
}

export async function devolutionTodos(user: SessionUser): Promise<TodoItem[]> {
  const todos: TodoItem[] = [];
  const base = (roundId: number) => `/devolution/rounds/${roundId}`;
  const roles = user.roles;

  if (isBianban(user)) {
    // A district 编办 arbitrates and assigns only in rounds whose streets all lie in its district
    // (lib/devolution/commands.ts): a city-wide round's work is the city 编办's.
    const ids = user.area?.unitIds;
    const scope = !ids
      ? Prisma.sql`TRUE`
      : ids.length
        ? Prisma.sql`t.street_id IN (${Prisma.join(ids)}) AND NOT EXISTS (SELECT 1 FROM devolution_round_street s WHERE s.round_id = r.id AND s.street_id NOT IN (${Prisma.join(ids)}))`
        : Prisma.sql`FALSE`;
    for (const r of await openRoundCounts(scope)) {
      const dueAt = deadlineEnd(r.deadline);
      if (r.disputed) todos.push({ area: AREA, title: `${r.title}：街道与部门有异议，待编办裁决`, href: `${base(r.round_id)}/disputes`, count: r.disputed, dueAt });
      if (r.unassigned) todos.push({ area: AREA, title: `${r.title}：有事项尚未分派部门`, href: `${base(r.round_id)}/assignments?department=none`, count: r.unassigned, dueAt });
    }
  }

  if (roles.includes("DEPARTMENT")) {
    const scope = Prisma.sql`t.department_id = ${user.unitId}`;
    const [counts, ready, letters] = await Promise.all([openRoundCounts(scope), readyPairs(scope), lettersToConfirm({ departmentId: user.unitId, departmentConfirmedAt: null })]);
    for (const r of counts) {
      const dueAt = deadlineEnd(r.deadline);
      if (r.awaiting_proposal) todos.push({ area: AREA, title: `${r.title}：待提出承接意见的事项`, href: `${base(r.round_id)}/items?state=AWAITING_PROPOSAL`, count: r.awaiting_proposal, dueAt });
      if (r.disputed) todos.push({ area: AREA, title: `${r.title}：街道不同意的事项，请沟通或修改意见`, href: `${base(r.round_id)}/items?state=DISPUTED`, count: r.disputed, dueAt });
    }
    await addLetterTodos(todos, ready, letters, counts);
  }

  if (roles.includes("STREET")) {
    const scope = Prisma.sql`t.street_id = ${user.unitId}`;
    const [counts, ready, letters] = await Promise.all([openRoundCounts(scope), readyPairs(scope), lettersToConfirm({ streetId: user.unitId, streetConfirmedAt: null })]);
    for (const r of counts) {
      const dueAt = deadlineEnd(r.deadline);
      if (r.awaiting_response) todos.push({ area: AREA, title: `${r.title}：待确认部门意见的事项`, href: `${base(r.round_id)}/items?state=AWAITING_RESPONSE`, count: r.awaiting_response, dueAt });
    }
    await addLetterTodos(todos, ready, letters, counts);
    todos.push(...(await claimTodos(user.unitId)));
  }
  return todos;
}

async function addLetterTodos(
  todos: TodoItem[],
  ready: { round_id: number; n: number }[],
  letters: { roundId: number; _count: { _all: number } }[],
  counts: RoundCounts[],
) {
  const rounds = new Map(counts.map((r) => [r.round_id, r]));
  const missing = [...ready.map((r) => r.round_id), ...letters.map((l) => l.roundId)].filter((id) => !rounds.has(id));
  if (missing.length) {
    for (const r of await prisma.devolutionRound.findMany({ where: { id: { in: missing } }, select: { id: true, title: true, deadline: true } })) {
      rounds.set(r.id, { round_id: r.id, title: r.title, deadline: r.deadline, awaiting_proposal: 0, awaiting_response: 0, disputed: 0, unassigned: 0 });
    }
  }
  for (const l of letters) {
    const r = rounds.get(l.roundId)!;
    todos.push({ area: AREA, title: `${r.title}：待我方确认的确认书`, href: `/devolution/rounds/${l.roundId}/letters`, count: l._count._all, dueAt: deadlineEnd(r.deadline) });
  }
  for (const p of ready) {
    const r = rounds.get(p.round_id)!;
    todos.push({ area: AREA, title: `${r.title}：事项已全部一致，可生成确认书`, href: `/devolution/rounds/${p.round_id}`, count: p.n, dueAt: deadlineEnd(r.deadline) });
  }
}

/** Items of the newest issued general list the street has not claimed. */
async function claimTodos(streetId: number): Promise<TodoItem[]> {
  const edition = await prisma.catalogueEdition.findFirst({
    where: { kind: "GENERAL", status: "ISSUED" },
    orderBy: [{ issuedAt: "desc" }, { id: "desc" }],
    select: { id: true, title: true, _count: { select: { items: true } } },
  });
  if (!edition) return [];
  const claimed = await prisma.claim.count({ where: { streetId, editionId: edition.id, active: true } });
  const open = edition._count.items - claimed;
  return open > 0 ? [{ area: "认领", title: `「${edition.title}」待认领的事项`, href: `/devolution/claims?edition=${edition.id}`, count: open }] : [];
}

