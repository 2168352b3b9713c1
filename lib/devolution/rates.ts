/** Counts of one group of devolution rows (a street, a power type, a domain, or all). */
export type Counts = {
  total: number;
  accepted: number;
  deferred: number;
  declined: number;
  /** Settled rows: accepted + deferred + declined. */
  settled: number;
  disputed: number;
  awaitingProposal: number;
  awaitingResponse: number;
  unassigned: number;
};

export const EMPTY_COUNTS: Counts = {
  total: 0, accepted: 0, deferred: 0, declined: 0, settled: 0, disputed: 0, awaitingProposal: 0, awaitingResponse: 0, unassigned: 0,
};

/** n / d, or null when there is nothing to divide by. */
export function ratio(n: number, d: number): number | null {
  return d > 0 ? n / d : null;
}

/** 「98.1%」; 「—」 when there is no rate yet. A part never shows as 100% and a little never as 0%. */
export function formatRate(r: number | null, digits = 1): string {
  if (r == null) return "—";
  const step = 1 / 10 ** digits;
  let shown = Math.round(r * 100 * 10 ** digits) / 10 ** digits;
  if (r < 1) shown = Math.min(shown, 100 - step);
  if (r > 0) shown = Math.max(shown, step);
  return `${shown.toFixed(digits)}%`;
}

export type Rates = Counts & {
  /** 承接率: accepted among decided items (the live rate; equals accepted / total once all are decided). */
  acceptanceRate: number | null;
  deferRate: number | null;
  declineRate: number | null;
  /** Decided items among all items. */
  progress: number | null;
};

export function withRates(c: Counts): Rates {
  return {
    ...c,
    acceptanceRate: ratio(c.accepted, c.settled),
    deferRate: ratio(c.deferred, c.settled),
    declineRate: ratio(c.declined, c.settled),
    progress: ratio(c.settled, c.total),
  };
}

export function addCounts(a: Counts, b: Counts): Counts {
  const out = { ...a };
  for (const k of Object.keys(out) as (keyof Counts)[]) out[k] = a[k] + b[k];
  return out;
}

/** The share of one power type (e.g. 行政处罚) among accepted items. */
export function shareOfAccepted(acceptedOfType: number, accepted: number): number | null {
  return ratio(acceptedOfType, accepted);
}

/** Street x department pairs: how many are fully settled and how many letters are confirmed. */
export type Progress = { pairs: number; settledPairs: number; lettersPending: number; lettersConfirmed: number };

export function progressRates(p: Progress) {
  return { settledPairRate: ratio(p.settledPairs, p.pairs), letterRate: ratio(p.lettersConfirmed, p.pairs) };
}

/** 认领率: active claims over streets x items of the general list. */
export function claimRate(claimed: number, streets: number, items: number): number | null {
  return ratio(claimed, streets * items);
}

/** Counts of rows given their fields, the same rules the SQL aggregates apply (used by tests and small sets). */
export function countRows(
  rows: { departmentId: number | null; proposal: string | null; response: string | null; decision: string | null; settled: boolean }[],
): Counts {
  const c = { ...EMPTY_COUNTS };
  for (const r of rows) {
    c.total++;
    if (r.settled) {
      c.settled++;
      if (r.decision === "ACCEPT") c.accepted++;
      else if (r.decision === "DEFER") c.deferred++;
      else if (r.decision === "DECLINE") c.declined++;
    } else if (r.departmentId == null) c.unassigned++;
    else if (r.proposal == null) c.awaitingProposal++;
    else if (r.response === "DISAGREE") c.disputed++;
    else c.awaitingResponse++;
  }
  return c;
}
