/*
 * Money in the 费随事转 ledger: integer fen (分) end to end, never floating yuan. Amounts typed by a
 * person are parsed from their decimal text; amounts shown are formatted from fen.
 */

/** The largest amount accepted in one entry: ¥100,000,000.00. */
export const MAX_FEN = 10_000_000_000;

/** "1,234.5" / "¥1234.50" / "-200" → fen, or null when it is not an amount with at most 2 decimals. */
export function yuanToFen(text: string): number | null {
  const t = text.replace(/[,，\s¥￥元]/g, "");
  const m = /^(-)?(\d{1,12})(?:\.(\d{1,2}))?$/.exec(t);
  if (!m) return null;
  const fen = Number(m[2]) * 100 + Number((m[3] ?? "").padEnd(2, "0"));
  return m[1] ? -fen : fen;
}

/** fen → "¥1,234.50" (always two decimals: a ledger shows 分). */
export function formatFen(fen: number): string {
  const sign = fen < 0 ? "-" : "";
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100).toLocaleString("zh-CN");
  return `${sign}¥${yuan}.${String(abs % 100).padStart(2, "0")}`;
}

/** fen → the decimal yuan text a spreadsheet cell can hold as a number without float drift. */
export function fenToYuanNumber(fen: number): number {
  // Two decimals from an integer: the nearest double to e.g. 1234.5, exact to the cent.
  return Number(`${fen < 0 ? "-" : ""}${Math.floor(Math.abs(fen) / 100)}.${String(Math.abs(fen) % 100).padStart(2, "0")}`);
}

export type FundingStatus = "NONE" | "UNPAID" | "PARTLY_PAID" | "PAID";

export const FUNDING_STATUS_LABELS: Record<FundingStatus, string> = {
  NONE: "无经费",
  UNPAID: "未拨付",
  PARTLY_PAID: "部分拨付",
  PAID: "已拨付",
};

/** 未拨付 / 部分拨付 / 已拨付 from what was planned and what was paid (fen). */
export function fundingStatus(plannedFen: number, paidFen: number): FundingStatus {
  if (plannedFen <= 0 && paidFen <= 0) return "NONE";
  if (paidFen <= 0) return "UNPAID";
  if (paidFen < plannedFen) return "PARTLY_PAID";
  return "PAID";
}

/** Days of a year (365 or 366). */
export function daysInYear(year: number): number {
  return (Date.UTC(year + 1, 0, 1) - Date.UTC(year, 0, 1)) / 86_400_000;
}

/**
 * The year's planned amount for a duty of `annualFen` a year: all of it, or — when the duty was
 * revoked during the year — the share of the days it was in force (1 January up to the day
 * before revocation), rounded to the fen. Integer arithmetic in BigInt.
 */
export function plannedFen(annualFen: number, year: number, revokedOn: string | null): { fen: number; proRata: boolean; days: number } {
  const total = daysInYear(year);
  if (!revokedOn || Number(revokedOn.slice(0, 4)) !== year) return { fen: annualFen, proRata: false, days: total };
  const days = Math.round((Date.parse(`${revokedOn}T00:00:00Z`) - Date.UTC(year, 0, 1)) / 86_400_000);
  const n = BigInt(annualFen) * BigInt(days);
  const d = BigInt(total);
  // Round half up: (2n + d) / 2d.
  const fen = Number((2n * n + d) / (2n * d));
  return { fen, proRata: true, days };
}
