import crypto from "node:crypto";
import type { DevolutionDecision } from "@/lib/generated/prisma/enums";
import { DECISION_LABELS } from "./state";
import { formatDateText } from "@/lib/format";

export const LETTER_TITLE = "赋权承接事项确认书";
export const LETTER_SCHEMA = "qingdan.letter/1";

export type LetterItem = {
  seq: number;
  code: string | null;
  name: string;
  powerType: string | null;
  domain: string | null;
  decision: DevolutionDecision;
  reason: string | null;
  streetDuty: string | null;
  departmentDuty: string | null;
  arbitrated: boolean;
};

/** What a letter says. Its canonical JSON is hashed; the hash is printed on the letter. */
export type LetterContent = {
  schema: typeof LETTER_SCHEMA;
  title: typeof LETTER_TITLE;
  documentNumber: string;
  date: string;
  round: { id: number; title: string };
  edition: { id: number; title: string };
  street: { id: number; name: string };
  department: { id: number; name: string };
  counts: { total: number; accepted: number; deferred: number; declined: number };
  items: LetterItem[];
};

/**
 * JSON with object keys sorted at every level and no whitespace: the same content always gives
 * the same text, whatever order it was built in (and whatever order PostgreSQL's jsonb keeps).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") {
    if (typeof value === "number" && !Number.isFinite(value)) throw new Error("canonicalJson: non-finite number");
    return JSON.stringify(value ?? null);
  }
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

export function contentHash(content: unknown): string {
  return crypto.createHash("sha256").update(canonicalJson(content), "utf8").digest("hex");
}

/** 「示例编赋〔2026〕12号」 */
export function documentNumber(prefix: string, year: number, serial: number): string {
  return `${prefix}〔${year}〕${serial}号`;
}

/** 「示例市」 -> 「示例编赋」: the default prefix of a round's letters. */
export function defaultDocumentPrefix(cityName: string | null | undefined): string {
  const place = (cityName ?? "").replace(/(市|区|县|州|盟|自治州)$/, "") || "本级";
  return `${place}编赋`;
}

export function countDecisions(items: Pick<LetterItem, "decision">[]) {
  return {
    total: items.length,
    accepted: items.filter((i) => i.decision === "ACCEPT").length,
    deferred: items.filter((i) => i.decision === "DEFER").length,
    declined: items.filter((i) => i.decision === "DECLINE").length,
  };
}

export function buildLetterContent(input: Omit<LetterContent, "schema" | "title" | "counts">): LetterContent {
  return { schema: LETTER_SCHEMA, title: LETTER_TITLE, ...input, counts: countDecisions(input.items) };
}

/** A hash as people read it off paper: groups of eight, case and spaces ignored. */
export function normaliseHash(text: string): string | null {
  const hex = text.replace(/[\s\-:]/g, "").toLowerCase();
  return /^[0-9a-f]{64}$/.test(hex) ? hex : null;
}

export function groupedHash(hash: string): string {
  return hash.match(/.{1,8}/g)?.join(" ") ?? hash;
}

/** The sentence under the table: 「共 12 项，其中承接 10 项、暂缓 1 项、不承接 1 项。」 */
export function countsSentence(c: LetterContent["counts"]): string {
  return `共 ${c.total} 项，其中${DECISION_LABELS.ACCEPT} ${c.accepted} 项、${DECISION_LABELS.DEFER} ${c.deferred} 项、${DECISION_LABELS.DECLINE} ${c.declined} 项。`;
}

/** 「2026年11月23日」 from YYYY-MM-DD. */
export function chineseDate(isoDate: string): string {
  return formatDateText(isoDate);
}

/**
 * The last column of a letter's row: what the department keeps (and any 备注) when accepting, the
 * reason otherwise. An arbitrated row's text is 编办's ruling, printed as 裁决意见.
 */
export function dutyOrReasonCell(i: Pick<LetterItem, "decision" | "departmentDuty" | "reason" | "arbitrated">): string {
  const label = i.arbitrated ? "裁决意见" : i.decision === "ACCEPT" ? "备注" : "理由";
  if (i.decision === "ACCEPT") return (i.departmentDuty ?? "") + (i.reason ? `\n${label}：${i.reason}` : "");
  return `${label}：${i.reason ?? ""}`;
}

/** The line each side signs and stamps on the paper copy. */
export const SIGNATURE_LINE = "负责人签字：＿＿＿＿  （盖章）  日期：＿＿年＿＿月＿＿日";

/** The signing sides at the end of a letter, in the order the letter names them. */
export function signatureBlocks(c: Pick<LetterContent, "department" | "street">): { side: string; name: string; line: string }[] {
  return [
    { side: "甲方（部门）", name: c.department.name, line: SIGNATURE_LINE },
    { side: "乙方（街道、乡镇）", name: c.street.name, line: SIGNATURE_LINE },
  ];
}
