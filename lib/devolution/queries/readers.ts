// Reads of the devolution area that the bench measures too, so they take the database client
// as an argument instead of importing the app's (queries.ts wraps them for pages).
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db, Tx } from "@/lib/db/client";
import type { DevolutionDecision, DevolutionResponse, LetterStatus } from "@/lib/generated/prisma/enums";
import { EMPTY_COUNTS, ratio, withRates, type Counts, type Progress, type Rates } from "../rates";
import { rowState, STATE_SQL, type RowState } from "../state";
import type { ItemFilter } from "../schema";
import { likeEscape } from "@/lib/lists/text";

export type Reader = Db | Tx;

const n = (v: unknown) => Number(v ?? 0);

/** The same counts summed over tally rows (alias `t`). */
const TALLY_SUMS = Prisma.sql`
  sum(t.total)::int AS total, sum(t.accepted)::int AS accepted, sum(t.deferred)::int AS deferred, sum(t.declined)::int AS declined,
  sum(t.settled)::int AS settled, sum(t.disputed)::int AS disputed, sum(t.awaiting_proposal)::int AS awaiting_proposal,
  sum(t.awaiting_response)::int AS awaiting_response, sum(t.unassigned)::int AS unassigned, sum(t.accepted_penalty)::int AS accepted_penalty`;

type CountRow = {
  total: number; accepted: number; deferred: number; declined: number; settled: number; disputed: number;
  awaiting_proposal: number; awaiting_response: number; unassigned: number;
};

function toCounts(r: CountRow | undefined): Counts {
  if (!r) return { ...EMPTY_COUNTS };
  return {
    total: n(r.total), accepted: n(r.accepted), deferred: n(r.deferred), declined: n(r.declined), settled: n(r.settled),
    disputed: n(r.disputed), awaitingProposal: n(r.awaiting_proposal), awaitingResponse: n(r.awaiting_response), unassigned: n(r.unassigned),
  };
}

/* ------------------------------------------------------------------ rounds */

export type DevolutionRoundSummary = {
  id: number; title: string; status: "OPEN" | "CLOSED"; deadline: Date; editionTitle: string; streets: number; createdAt: Date;
  counts: Rates; lettersConfirmed: number;
};

/**
 * Whose rows a read covers: one department's, one street's, or (a district 编办, lib/auth/scope.ts)
 * the streets of one district; nothing set is the whole city.
 */
export type DevolutionScope = { departmentId?: number; streetId?: number; streetIds?: number[] };

/** `column IN (ids)`, or FALSE for no ids. */
function inIds(column: string, ids: number[]): Prisma.Sql {
  return ids.length ? Prisma.sql`${Prisma.raw(column)} IN (${Prisma.join(ids)})` : Prisma.sql`FALSE`;
}

/** Rounds the scope takes part in, newest first, with their counts within the scope. */
export async function listDevolutionRounds(db: Reader, scope: DevolutionScope = {}): Promise<DevolutionRoundSummary[]> {
  const where = scope.departmentId
    ? Prisma.sql`WHERE t.department_id = ${scope.departmentId}`
    : scope.streetId
      ? Prisma.sql`WHERE t.street_id = ${scope.streetId}`
      : scope.streetIds
        ? Prisma.sql`WHERE ${inIds("t.street_id", scope.streetIds)}`
        : Prisma.empty;
  const letterWhere = scope.departmentId
    ? Prisma.sql`AND l.department_id = ${scope.departmentId}`
    : scope.streetId
      ? Prisma.sql`AND l.street_id = ${scope.streetId}`
      : scope.streetIds
        ? Prisma.sql`AND ${inIds("l.street_id", scope.streetIds)}`
        : Prisma.empty;
  const [counts, letters, rounds] = await Promise.all([
    // A department's counts need its pairs; any other scope sums the street rows (1 in ~20 as many).
    scope.departmentId
      ? db.$queryRaw<(CountRow & { round_id: number })[]>`SELECT t.round_id, ${TALLY_SUMS} FROM devolution_pair_tally t ${where} GROUP BY t.round_id HAVING sum(t.total) > 0`
      : db.$queryRaw<(CountRow & { round_id: number })[]>`SELECT t.round_id, ${TALLY_SUMS} FROM devolution_street_tally t ${where} GROUP BY t.round_id HAVING sum(t.total) > 0`,
    db.$queryRaw<{ round_id: number; confirmed: number }[]>`
      SELECT l.round_id, count(*)::int AS confirmed FROM confirmation_letter l WHERE l.status = 'CONFIRMED' ${letterWhere} GROUP BY l.round_id`,
    db.devolutionRound.findMany({
      orderBy: [{ status: "asc" }, { createdAt: "desc" }],
      select: { id: true, title: true, status: true, deadline: true, createdAt: true, edition: { select: { title: true } }, _count: { select: { streets: true } } },
    }),
  ]);
  const byRound = new Map(counts.map((c) => [c.round_id, c]));
  const confirmed = new Map(letters.map((l) => [l.round_id, n(l.confirmed)]));
  return rounds
    .filter((r) => !(scope.departmentId || scope.streetId || scope.streetIds) || byRound.has(r.id))
    .map((r) => ({
      id: r.id, title: r.title, status: r.status, deadline: r.deadline, createdAt: r.createdAt, editionTitle: r.edition.title, streets: r._count.streets,
      counts: withRates(toCounts(byRound.get(r.id))), lettersConfirmed: confirmed.get(r.id) ?? 0,
    }));
}

/* ------------------------------------------------------------------ dashboard */

export type StreetStats = Rates & {
  streetId: number; name: string; district: string | null; acceptedPenalty: number;
  pairs: number; settledPairs: number; lettersConfirmed: number; lettersPending: number;
};
export type GroupStats = Rates & { id: number | null; name: string };
export type Dashboard = {
  overall: Rates & { acceptedPenalty: number };
  progress: Progress;
  streets: StreetStats[];
  powerTypes: GroupStats[];
  domains: GroupStats[];
  penaltyTypeId: number | null;
};

/**
 * Everything the dashboard shows, from the tallies the database keeps: the street rows (each with
 * its pairs counted) and their sum, item rows summed by power type and domain, the letters, and
 * the names.
 */
export async function roundDashboard(db: Reader, roundId: number, streetIds?: number[]): Promise<Dashboard> {
  type Summed = CountRow & { accepted_penalty: number };
  // A district 编办 sees its own district's streets only (lib/auth/scope.ts).
  const streetsOf = (column: string) => (streetIds ? Prisma.sql`AND ${inIds(column, streetIds)}` : Prisma.empty);
  const [streets, byItemGroup, letters, penalty] = await Promise.all([
    // The round's streets with their names and their tally row: one per street (3,100 for a
    // province), not one per street x department (~62,000).
    db.$queryRaw<(Summed & { id: number; name: string; district: string | null; sort: number; psort: number | null; pairs: number; settled_pairs: number })[]>`
      SELECT u.id, u.name, p.name AS district, u.sort_order AS sort, p.sort_order AS psort,
             t.total, t.accepted, t.deferred, t.declined, t.settled, t.disputed, t.awaiting_proposal, t.awaiting_response,
             t.unassigned, t.accepted_penalty, t.pairs, t.settled_pairs
      FROM devolution_round_street s JOIN org_unit u ON u.id = s.street_id LEFT JOIN org_unit p ON p.id = u.parent_id
      LEFT JOIN devolution_street_tally t ON t.round_id = s.round_id AND t.street_id = s.street_id
      WHERE s.round_id = ${roundId} ${streetsOf("s.street_id")}
      ORDER BY COALESCE(p.sort_order, 0), p.name, u.sort_order, u.id`,
    // Each group with its dictionary name and order (the other set's columns are NULL in a set).
    db.$queryRaw<(Summed & { power_type_id: number | null; domain_id: number | null; g: number; group_name: string | null; group_sort: number | null })[]>`
      SELECT i.power_type_id, i.domain_id, GROUPING(i.power_type_id, i.domain_id)::int AS g,
             COALESCE(pt.name, dm.name) AS group_name, COALESCE(pt.sort_order, dm.sort_order) AS group_sort, ${TALLY_SUMS}
      FROM devolution_item_tally t JOIN catalogue_item i ON i.id = t.item_id
      LEFT JOIN dictionary_entry pt ON pt.id = i.power_type_id LEFT JOIN dictionary_entry dm ON dm.id = i.domain_id
      WHERE t.round_id = ${roundId} AND t.total > 0
      GROUP BY GROUPING SETS ((i.power_type_id, pt.name, pt.sort_order), (i.domain_id, dm.name, dm.sort_order))`,
    db.$queryRaw<{ street_id: number | null; confirmed: number; pending: number }[]>`
      SELECT l.street_id, count(*) FILTER (WHERE l.status = 'CONFIRMED')::int AS confirmed, count(*) FILTER (WHERE l.status = 'PENDING')::int AS pending
      FROM confirmation_letter l WHERE l.round_id = ${roundId} ${streetsOf("l.street_id")}
      GROUP BY GROUPING SETS ((l.street_id), ())`,
    db.$queryRaw<{ id: number }[]>`SELECT id FROM dictionary_entry WHERE kind = 'POWER_TYPE' AND code = '行政处罚' LIMIT 1`,
  ]);
  // Rows exist only for a round's own streets (the reference trigger): their sum is the round's.
  const total = { total: 0, accepted: 0, deferred: 0, declined: 0, settled: 0, disputed: 0, awaiting_proposal: 0, awaiting_response: 0, unassigned: 0, accepted_penalty: 0, pairs: 0, settled_pairs: 0 };
  const letterTotal = letters.find((l) => l.street_id === null);
  const letterByStreet = new Map(letters.filter((l) => l.street_id !== null).map((l) => [l.street_id, l]));
  // GROUPING() bits: power type 2, domain 1; a set leaves the other aggregated.
  const group = (g: number, key: "power_type_id" | "domain_id"): GroupStats[] =>
    byItemGroup
      .filter((r) => r.g === g)
      .map((r) => ({ id: r[key], name: r[key] == null ? "未分类" : (r.group_name ?? "未分类"), ...withRates(toCounts(r)), sort: r[key] == null ? 1e9 : (r.group_sort ?? 1e8) }))
      .sort((a, b) => a.sort - b.sort)
      .map(({ sort, ...rest }) => (void sort, rest));
  // The database hands the streets over nearly in order (its collation may order district names
  // apart from localeCompare): this stable sort then only checks, and compares two names only
  // where they differ. One pass then sums the round and builds each street's figures.
  const sorted = streets.sort(
    (a, b) => (a.psort ?? 0) - (b.psort ?? 0) || (a.district === b.district ? 0 : (a.district ?? "").localeCompare(b.district ?? "")) || a.sort - b.sort || a.id - b.id,
  );
  const streetStats: StreetStats[] = new Array(sorted.length);
  for (let i = 0; i < sorted.length; i++) {
    const s = sorted[i];
    const l = letterByStreet.get(s.id);
    const accepted = n(s.accepted), deferred = n(s.deferred), declined = n(s.declined), settled = n(s.settled), all = n(s.total);
    const row = {
      total: all, accepted, deferred, declined, settled, disputed: n(s.disputed), awaiting_proposal: n(s.awaiting_proposal),
      awaiting_response: n(s.awaiting_response), unassigned: n(s.unassigned), accepted_penalty: n(s.accepted_penalty), pairs: n(s.pairs), settled_pairs: n(s.settled_pairs),
    };
    total.total += all; total.accepted += accepted; total.deferred += deferred; total.declined += declined; total.settled += settled;
    total.disputed += row.disputed; total.awaiting_proposal += row.awaiting_proposal; total.awaiting_response += row.awaiting_response;
    total.unassigned += row.unassigned; total.accepted_penalty += row.accepted_penalty; total.pairs += row.pairs; total.settled_pairs += row.settled_pairs;
    streetStats[i] = {
      streetId: s.id, name: s.name, district: s.district,
      total: all, accepted, deferred, declined, settled, disputed: row.disputed, awaitingProposal: row.awaiting_proposal,
      awaitingResponse: row.awaiting_response, unassigned: row.unassigned,
      acceptanceRate: ratio(accepted, settled), deferRate: ratio(deferred, settled), declineRate: ratio(declined, settled), progress: ratio(settled, all),
      acceptedPenalty: row.accepted_penalty, pairs: row.pairs, settledPairs: row.settled_pairs,
      lettersConfirmed: n(l?.confirmed), lettersPending: n(l?.pending),
    };
  }
  return {
    overall: { ...withRates(toCounts(total)), acceptedPenalty: n(total?.accepted_penalty) },
    progress: {
      pairs: n(total?.pairs), settledPairs: n(total?.settled_pairs),
      lettersConfirmed: n(letterTotal?.confirmed), lettersPending: n(letterTotal?.pending),
    },
    streets: streetStats,
    // The item tallies are kept for the whole round, not by street: a district sees none of them.
    powerTypes: streetIds ? [] : group(1, "power_type_id"),
    domains: streetIds ? [] : group(2, "domain_id"),
    penaltyTypeId: penalty[0]?.id ?? null,
  };
}

/* ------------------------------------------------------------------ item lists */

export type ItemRow = {
  id: number; itemId: number; streetId: number; streetName: string; departmentId: number | null; departmentName: string | null;
  seq: string | null; code: string | null; name: string; powerType: string | null; domain: string | null;
  proposal: DevolutionDecision | null; reason: string | null; streetDuty: string | null; departmentDuty: string | null; proposedAt: Date | null;
  response: DevolutionResponse | null; responseReason: string | null; decision: DevolutionDecision | null; settled: boolean;
  arbitrated: boolean; letterId: number | null; lockedAt: Date | null; commentCount: number; state: RowState;
};

type ItemRowFilter = Omit<ItemFilter, "street" | "department" | "page">;

/** 逐项明细 shows this many rows a page. */
export const ITEM_PAGE_SIZE = 100;

function itemConditions(roundId: number, scope: DevolutionScope, filter: ItemRowFilter): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [Prisma.sql`d.round_id = ${roundId}`];
  if (scope.streetId) conditions.push(Prisma.sql`d.street_id = ${scope.streetId}`);
  if (scope.streetIds) conditions.push(inIds("d.street_id", scope.streetIds));
  if (scope.departmentId) conditions.push(Prisma.sql`d.department_id = ${scope.departmentId}`);
  if (filter.type) conditions.push(Prisma.sql`d.power_type_id = ${filter.type}`);
  if (filter.domain) conditions.push(Prisma.sql`d.domain_id = ${filter.domain}`);
  if (filter.state) conditions.push(Prisma.raw(`(${STATE_SQL[filter.state]})`));
  if (filter.q) {
    const like = `%${likeEscape(filter.q)}%`;
    conditions.push(Prisma.sql`(i.name LIKE ${like} OR i.code LIKE ${like})`);
  }
  return conditions;
}

/**
 * One page of {@link listItems} and how many rows match in all; a page past the last one gives
 * the last one.
 */
export async function listItemsPage(
  db: Reader,
  roundId: number,
  scope: DevolutionScope,
  filter: ItemRowFilter & { page?: number } = {},
  pageSize = ITEM_PAGE_SIZE,
): Promise<{ rows: ItemRow[]; total: number; page: number; pageSize: number }> {
  const [{ total }] = await db.$queryRaw<{ total: number | bigint }[]>`
    SELECT count(*) AS total
    FROM devolution d
    JOIN catalogue_item i ON i.id = d.item_id
    WHERE ${Prisma.join(itemConditions(roundId, scope, filter), " AND ")}`;
  const count = Number(total);
  const page = Math.min(Math.max(1, filter.page ?? 1), Math.max(1, Math.ceil(count / pageSize)));
  const rows = count ? await listItems(db, roundId, scope, filter, pageSize, (page - 1) * pageSize) : [];
  return { rows, total: count, page, pageSize };
}

/**
 * The rows of one round for a street (all its departments, or one), or for a department (all its
 * streets, or one), filtered. The caller passes the scope it is allowed to see.
 */
export async function listItems(
  db: Reader,
  roundId: number,
  scope: DevolutionScope,
  filter: ItemRowFilter = {},
  limit = 2000,
  offset = 0,
): Promise<ItemRow[]> {
  const conditions = itemConditions(roundId, scope, filter);
  const rows = await db.$queryRaw<
    {
      id: number; item_id: number; street_id: number; street_name: string; department_id: number | null; department_name: string | null;
      seq: string | null; code: string | null; name: string; power_type: string | null; domain: string | null;
      proposal: DevolutionDecision | null; reason: string | null; street_duty: string | null; department_duty: string | null; proposed_at: Date | null;
      response: DevolutionResponse | null; response_reason: string | null; decision: DevolutionDecision | null; settled: boolean;
      arbitrated: boolean; letter_id: number | null; locked_at: Date | null; comment_count: number;
    }[]
  >`
    SELECT d.id, d.item_id, d.street_id, su.name AS street_name, d.department_id, COALESCE(du.short_name, du.name) AS department_name,
           i.seq, i.code, i.name, COALESCE(pt.name, i.power_type_raw) AS power_type, COALESCE(dm.name, i.domain_raw) AS domain,
           d.proposal, d.reason, d.street_duty, d.department_duty, d.proposed_at, d.response, d.response_reason, d.decision, d.settled,
           d.arbitrated_at IS NOT NULL AS arbitrated, d.letter_id, d.locked_at, d.comment_count
    FROM devolution d
    JOIN catalogue_item i ON i.id = d.item_id
    JOIN org_unit su ON su.id = d.street_id
    LEFT JOIN org_unit du ON du.id = d.department_id
    LEFT JOIN dictionary_entry pt ON pt.id = d.power_type_id
    LEFT JOIN dictionary_entry dm ON dm.id = d.domain_id
    WHERE ${Prisma.join(conditions, " AND ")}
    ORDER BY su.sort_order, d.street_id, d.position, d.id
    LIMIT ${limit} OFFSET ${offset}`;
  return rows.map((r) => {
    const row = {
      id: r.id, itemId: r.item_id, streetId: r.street_id, streetName: r.street_name, departmentId: r.department_id, departmentName: r.department_name,
      seq: r.seq, code: r.code, name: r.name, powerType: r.power_type, domain: r.domain,
      proposal: r.proposal, reason: r.reason, streetDuty: r.street_duty, departmentDuty: r.department_duty, proposedAt: r.proposed_at,
      response: r.response, responseReason: r.response_reason, decision: r.decision, settled: r.settled, arbitrated: r.arbitrated,
      letterId: r.letter_id, lockedAt: r.locked_at, commentCount: n(r.comment_count),
    };
    return { ...row, state: rowState(row) };
  });
}

/* ------------------------------------------------------------------ pairs (street x department) */

export type PairRow = Rates & {
  streetId: number; streetName: string; district: string | null; departmentId: number | null; departmentName: string;
  letter: { id: number; documentNumber: string; status: LetterStatus; departmentConfirmedAt: Date | null; streetConfirmedAt: Date | null } | null;
};

/**
 * One line per street x department in the scope: counts and the current letter, in one query
 * (a department's table is 3,100 lines in a province round) mapped in one pass.
 */
export async function listPairs(db: Reader, roundId: number, scope: DevolutionScope): Promise<PairRow[]> {
  const conditions: Prisma.Sql[] = [Prisma.sql`t.round_id = ${roundId}`, Prisma.sql`t.total > 0`];
  const letterConditions: Prisma.Sql[] = [Prisma.sql`l.round_id = ${roundId}`, Prisma.sql`l.status <> 'WITHDRAWN'`];
  if (scope.streetId) {
    conditions.push(Prisma.sql`t.street_id = ${scope.streetId}`);
    letterConditions.push(Prisma.sql`l.street_id = ${scope.streetId}`);
  }
  if (scope.streetIds) {
    conditions.push(inIds("t.street_id", scope.streetIds));
    letterConditions.push(inIds("l.street_id", scope.streetIds));
  }
  if (scope.departmentId) {
    conditions.push(Prisma.sql`t.department_id = ${scope.departmentId}`);
    letterConditions.push(Prisma.sql`l.department_id = ${scope.departmentId}`);
  }
  // A pair has one letter that is not withdrawn at a time (the letter trigger); the newest, should there be more.
  const rows = await db.$queryRaw<
    (CountRow & {
      street_id: number; department_id: number | null; street_name: string; district: string | null; department_name: string | null;
      letter_id: number | null; document_number: string | null; letter_status: LetterStatus | null; department_confirmed_at: Date | null; street_confirmed_at: Date | null;
    })[]
  >`
    SELECT t.street_id, NULLIF(t.department_id, 0) AS department_id, t.total, t.accepted, t.deferred, t.declined, t.settled, t.disputed,
           t.awaiting_proposal, t.awaiting_response, t.unassigned,
           su.name AS street_name, p.name AS district, COALESCE(du.short_name, du.name) AS department_name,
           l.id AS letter_id, l.document_number, l.status AS letter_status, l.department_confirmed_at, l.street_confirmed_at
    FROM devolution_pair_tally t
    JOIN org_unit su ON su.id = t.street_id
    LEFT JOIN org_unit p ON p.id = su.parent_id
    LEFT JOIN org_unit du ON du.id = t.department_id
    LEFT JOIN (
      SELECT DISTINCT ON (l.street_id, l.department_id) l.id, l.street_id, l.department_id, l.document_number, l.status, l.department_confirmed_at, l.street_confirmed_at
      FROM confirmation_letter l WHERE ${Prisma.join(letterConditions, " AND ")}
      ORDER BY l.street_id, l.department_id, l.id DESC
    ) l ON l.street_id = t.street_id AND l.department_id = t.department_id
    WHERE ${Prisma.join(conditions, " AND ")}
    ORDER BY p.sort_order, su.sort_order, su.id, du.sort_order NULLS LAST, t.department_id`;
  const out: PairRow[] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const g = rows[i];
    const accepted = n(g.accepted), deferred = n(g.deferred), declined = n(g.declined), settled = n(g.settled), total = n(g.total);
    out[i] = {
      streetId: g.street_id, streetName: g.street_name, district: g.district, departmentId: g.department_id,
      departmentName: g.department_name ?? "未分派部门",
      total, accepted, deferred, declined, settled, disputed: n(g.disputed), awaitingProposal: n(g.awaiting_proposal),
      awaitingResponse: n(g.awaiting_response), unassigned: n(g.unassigned),
      acceptanceRate: ratio(accepted, settled), deferRate: ratio(deferred, settled), declineRate: ratio(declined, settled), progress: ratio(settled, total),
      letter:
        g.letter_id != null && g.department_id != null
          ? { id: g.letter_id, documentNumber: g.document_number!, status: g.letter_status!, departmentConfirmedAt: g.department_confirmed_at, streetConfirmedAt: g.street_confirmed_at }
          : null,
    };
  }
  return out;
}

/* ------------------------------------------------------------------ heat map */

export const HEAT_CODES = ["P", "R", "X", "A", "D", "N", "U"] as const;
/** P awaiting proposal, R awaiting response, X disputed, A/D/N settled accept/defer/decline, U unassigned. */
export type HeatCode = (typeof HEAT_CODES)[number];

export async function heatMap(db: Reader, roundId: number, streetIds: number[]) {
  if (!streetIds.length) return { items: [], cells: new Map<string, HeatCode>() };
  const [items, cells] = await Promise.all([
    db.$queryRaw<{ item_id: number; seq: string | null; name: string; power_type: string | null }[]>`
      SELECT a.item_id, i.seq, i.name, pt.name AS power_type
      FROM devolution_assignment a JOIN catalogue_item i ON i.id = a.item_id LEFT JOIN dictionary_entry pt ON pt.id = i.power_type_id
      WHERE a.round_id = ${roundId} ORDER BY i.position`,
    db.$queryRaw<{ item_id: number; street_id: number; c: HeatCode }[]>`
      SELECT d.item_id, d.street_id,
        CASE WHEN d.settled THEN (CASE d.decision WHEN 'ACCEPT' THEN 'A' WHEN 'DEFER' THEN 'D' ELSE 'N' END)
             WHEN d.department_id IS NULL THEN 'U'
             WHEN d.proposal IS NULL THEN 'P'
             WHEN d.response = 'DISAGREE' THEN 'X'
             ELSE 'R' END AS c
      FROM devolution d WHERE d.round_id = ${roundId} AND d.street_id IN (${Prisma.join(streetIds)})`,
  ]);
  return {
    items: items.map((i) => ({ id: i.item_id, seq: i.seq, name: i.name, powerType: i.power_type })),
    cells: new Map(cells.map((c) => [`${c.item_id}:${c.street_id}`, c.c])),
  };
}
