// 评议: a duty whose satisfaction is not above half is flagged for revocation (内江).
// satisfaction = (满意 + 基本满意) / all ratings; flagged when it is ≤ 50%.

export type RatingCounts = { satisfied: number; basic: number; dissatisfied: number };

export function satisfaction(c: RatingCounts): number | null {
  const total = c.satisfied + c.basic + c.dissatisfied;
  return total === 0 ? null : (c.satisfied + c.basic) / total;
}

export function isFlagged(c: RatingCounts): boolean {
  const s = satisfaction(c);
  // Compare integers to avoid rounding: (s + b) / total <= 1/2  <=>  2 (s + b) <= total.
  return s !== null && 2 * (c.satisfied + c.basic) <= c.satisfied + c.basic + c.dissatisfied;
}

export function percent(value: number | null): string {
  return value === null ? "—" : `${(value * 100).toFixed(1)}%`;
}
