/**
 * Canonical item fields of a 权责清单 and the header texts that real published lists use for
 * them, plus the power-type (权力类型) dictionary.
 *
 * Pure data + pure functions: no I/O.
 */

import { CANONICAL_FIELDS, HEADER_SYNONYMS, type CanonicalField } from "../fields";

/** Zero-width characters and BOMs that sometimes hide inside cells. */
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/g;

// The fields themselves (labels, synonyms, limits) are defined once, in lib/catalogue/fields.ts.
export { CANONICAL_FIELDS, DETAIL_FIELDS, FIELD_LABELS, HEADER_SYNONYMS, type CanonicalField } from "../fields";

const CANONICAL_FIELD_SET: ReadonlySet<string> = new Set(CANONICAL_FIELDS);

export function isCanonicalField(value: unknown): value is CanonicalField {
  return typeof value === "string" && CANONICAL_FIELD_SET.has(value);
}

/**
 * Looser patterns, tried (in order) only when no exact synonym matched and the header is
 * short. Order matters: the more specific patterns come first.
 */
const HEADER_PATTERNS: ReadonlyArray<readonly [RegExp, CanonicalField]> = [
  [/子项|子事项/, "subItemName"],
  [/(追责|问责|责任追究).*(对象|范围)/, "accountableParties"],
  [/(追责|问责|责任追究).*(情形|情况)/, "accountabilityGrounds"],
  [/责任.*依据/, "responsibilityBasis"],
  [/责任事项/, "responsibilities"],
  [/部门.*职责/, "departmentDuty"],
  [/收费/, "chargesFee"],
  [/电话/, "supervisionPhone"],
  [/法定.*(时限|期限)/, "statutoryTimeLimit"],
  [/承诺.*(时限|期限)/, "promisedTimeLimit"],
  [/层级/, "implementationLevel"],
  [/(权力|职权|事项|权责|职责).*(类型|类别|分类|种类)/, "powerType"],
  [/(编码|代码)$/, "code"],
  [/(事项|权力|职权|项目|权责|职责).*名称/, "name"],
  [/依据/, "legalBasis"],
  [/(行使|实施|责任|执法)主体/, "exerciseSubject"],
  [/承办/, "handlingSection"],
  [/领域/, "domain"],
  [/(实施|行使|责任|主管)部门/, "department"],
  [/^备注/, "remarks"],
];

/** Normalised synonym → field and rank (position in its list: lower = more specific). */
const SYNONYM_INDEX: ReadonlyMap<string, { field: CanonicalField; rank: number }> = (() => {
  const index = new Map<string, { field: CanonicalField; rank: number }>();
  for (const field of CANONICAL_FIELDS) {
    HEADER_SYNONYMS[field].forEach((synonym, rank) => {
      const key = normaliseHeader(synonym);
      if (!index.has(key)) index.set(key, { field, rank });
    });
  }
  return index;
})();

/**
 * Normalise a header text for matching: NFKC (full-width → half-width), no whitespace or
 * newlines, lower-case ASCII, required-field markers removed, parenthesised parts removed
 * (「法定期限（天/日）」→「法定期限」), trailing colons removed.
 */
export function normaliseHeader(text: string, keepParentheses = false): string {
  let s = String(text ?? "").normalize("NFKC").replace(INVISIBLE, "");
  s = s.replace(/\s+/g, "");
  s = s.replace(/[*★☆※]/g, "");
  if (!keepParentheses) {
    // Repeat to remove nested or consecutive groups.
    let previous = "";
    while (previous !== s) {
      previous = s;
      s = s.replace(/\([^()]*\)|\[[^\[\]]*\]|【[^【】]*】|〔[^〔〕]*〕|<[^<>]*>/g, "");
    }
  }
  s = s.replace(/[:：;；,，、.。]+$/, "");
  return s.toLowerCase();
}

/** Longest header text that is still treated as a possible header (longer texts are data). */
const MAX_HEADER_LENGTH = 24;

/** Rank given to headers matched by a loose pattern rather than an exact synonym. */
export const PATTERN_MATCH_RANK = 1000;

/**
 * The canonical field a header text stands for, with how specific the match is (`rank`: the
 * position of the synonym in {@link HEADER_SYNONYMS}, or {@link PATTERN_MATCH_RANK} for a loose
 * pattern), or null. Exact synonyms first (with and without parenthesised parts), then the
 * looser patterns for short texts.
 */
export function matchHeaderRanked(text: string): { field: CanonicalField; rank: number } | null {
  const raw = String(text ?? "");
  if (!raw.trim() || raw.length > 200) return null;
  const withParens = normaliseHeader(raw, true);
  if (!withParens || withParens.length > MAX_HEADER_LENGTH * 2) return null;
  const exact = SYNONYM_INDEX.get(withParens);
  if (exact) return exact;
  const plain = normaliseHeader(raw);
  if (!plain) return null;
  const exactPlain = SYNONYM_INDEX.get(plain);
  if (exactPlain) return exactPlain;
  if (plain.length > MAX_HEADER_LENGTH) return null;
  // Data, not headers: texts with sentence punctuation or digits only.
  if (/[。；;]/.test(plain) || /^\d+$/.test(plain)) return null;
  for (const [pattern, field] of HEADER_PATTERNS) {
    if (pattern.test(plain)) return { field, rank: PATTERN_MATCH_RANK };
  }
  return null;
}

/** The canonical field a header text stands for, or null (see {@link matchHeaderRanked}). */
export function matchHeader(text: string): CanonicalField | null {
  return matchHeaderRanked(text)?.field ?? null;
}

/* ------------------------------------------------------------------------------------------ */
/* Power types                                                                                */
/* ------------------------------------------------------------------------------------------ */

export const POWER_TYPES = [
  "行政许可",
  "行政处罚",
  "行政强制",
  "行政征收",
  "行政给付",
  "行政检查",
  "行政确认",
  "行政奖励",
  "行政裁决",
  "其他行政权力",
  "公共服务",
  "其他",
] as const;

export type PowerType = (typeof POWER_TYPES)[number];

const POWER_TYPE_SET: ReadonlySet<string> = new Set(POWER_TYPES);

export function isPowerType(value: unknown): value is PowerType {
  return typeof value === "string" && POWER_TYPE_SET.has(value);
}

/** Other names for the canonical power types (keys in normalised form). */
export const POWER_TYPE_SYNONYMS: Readonly<Record<string, PowerType>> = {
  许可: "行政许可",
  行政审批: "行政许可",
  审批: "行政许可",
  行政许可审批: "行政许可",
  处罚: "行政处罚",
  强制: "行政强制",
  行政强制措施: "行政强制",
  行政强制执行: "行政强制",
  行政强制措施和行政强制执行: "行政强制",
  行政强制措施及行政强制执行: "行政强制",
  征收: "行政征收",
  行政征收征用: "行政征收",
  给付: "行政给付",
  检查: "行政检查",
  行政监督: "行政检查",
  行政监督检查: "行政检查",
  监督检查: "行政检查",
  行政检查监督: "行政检查",
  确认: "行政确认",
  奖励: "行政奖励",
  裁决: "行政裁决",
  其他权力: "其他行政权力",
  其他职权: "其他行政权力",
  其他行政职权: "其他行政权力",
  其它行政权力: "其他行政权力",
  其它权力: "其他行政权力",
  其它职权: "其他行政权力",
  其它行政职权: "其他行政权力",
  其他类行政权力: "其他行政权力",
  其他行政权利: "其他行政权力",
  公共服务事项: "公共服务",
  其它: "其他",
  其他事项: "其他",
  其它事项: "其他",
};

const POWER_TYPE_INDEX: ReadonlyMap<string, PowerType> = (() => {
  const index = new Map<string, PowerType>();
  for (const type of POWER_TYPES) index.set(type, type);
  for (const [synonym, type] of Object.entries(POWER_TYPE_SYNONYMS)) index.set(normalisePowerTypeKey(synonym), type);
  return index;
})();

/**
 * Synonyms long enough to be searched for inside a longer text (「人防行政许可事项」, a sheet
 * named 「1.行政处罚（5项）」), longest first so that 「行政监督检查」 wins over 「行政监督」.
 */
const CONTAINED_TYPE_NAMES: ReadonlyArray<readonly [string, PowerType]> = [...POWER_TYPE_INDEX.entries()]
  .filter(([key]) => key.length >= 4 && key !== "其他事项" && key !== "其它事项")
  .sort((a, b) => b[0].length - a[0].length);

/** Normalised lookup key of a power-type text. */
export function normalisePowerTypeKey(text: string): string {
  let s = String(text ?? "").normalize("NFKC").replace(INVISIBLE, "").replace(/\s+/g, "");
  let previous = "";
  while (previous !== s) {
    previous = s;
    s = s.replace(/\([^()]*\)|\[[^\[\]]*\]|【[^【】]*】|〔[^〔〕]*〕/g, "");
  }
  // Leading numbering: 「一、」「1.」「(一)」「第一类」.
  s = s.replace(/^(第?[一二三四五六七八九十百零〇\d]+[、.．:：类]?)+/, "");
  s = s.replace(/[:：;；,，、.。]+$/, "");
  // Trailing counts and generic suffixes: 「3项」「类」「事项」「权」「清单」.
  s = s.replace(/(共)?\d+(项|个|条)$/, "");
  s = s.replace(/(类事项|事项清单|权力清单|清单|类|事项)$/, "");
  if (s.length > 3 && s.endsWith("权") && !s.endsWith("行政权") && !s.endsWith("职权")) s = s.slice(0, -1);
  return s;
}

/**
 * The canonical power type a text stands for, or null if it is empty or not recognised.
 * `typeMap` (user-supplied: raw text → canonical type) is consulted first.
 */
export function normalisePowerType(text: string | null | undefined, typeMap?: Record<string, string>): PowerType | null {
  const exact = lookupPowerType(text, typeMap);
  if (exact) return exact;
  const key = normalisePowerTypeKey(String(text ?? ""));
  if (!key) return null;
  // Containment: accept only when every type named in the text is the same one.
  let rest = key;
  const found = new Set<PowerType>();
  for (const [name, type] of CONTAINED_TYPE_NAMES) {
    if (rest.includes(name)) {
      found.add(type);
      rest = rest.split(name).join("|");
    }
  }
  return found.size === 1 ? [...found][0] : null;
}

/**
 * Exact lookup only (user map, canonical names, synonyms, after stripping numbering, counts,
 * parentheses and 「类」「事项」 suffixes): no searching inside longer texts.
 */
export function lookupPowerType(text: string | null | undefined, typeMap?: Record<string, string>): PowerType | null {
  if (text == null) return null;
  const raw = String(text);
  if (!raw.trim()) return null;
  if (typeMap) {
    const mapped = lookupTypeMap(raw, typeMap);
    if (mapped) return mapped;
  }
  const key = normalisePowerTypeKey(raw);
  return key ? (POWER_TYPE_INDEX.get(key) ?? null) : null;
}

function lookupTypeMap(raw: string, typeMap: Record<string, string>): PowerType | null {
  const direct = typeMap[raw] ?? typeMap[raw.trim()];
  if (isPowerType(direct)) return direct;
  const key = normalisePowerTypeKey(raw);
  for (const [from, to] of Object.entries(typeMap)) {
    if (isPowerType(to) && normalisePowerTypeKey(from) === key) return to;
  }
  return null;
}
