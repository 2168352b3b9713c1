/**
 * Canonical item fields of a 权责清单 and the header texts that real published lists use for
 * them, plus the power-type (权力类型) dictionary.
 *
 * Pure data + pure functions: no I/O.
 */

/** Zero-width characters and BOMs that sometimes hide inside cells. */
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/g;

/** Long-text fields of an item, in the order the detail page and the export show them. */
export const DETAIL_FIELDS = [
  "legalBasis",
  "exerciseSubject",
  "handlingSection",
  "implementationLevel",
  "departmentDuty",
  "responsibilities",
  "responsibilityBasis",
  "accountableParties",
  "accountabilityGrounds",
  "statutoryTimeLimit",
  "promisedTimeLimit",
  "chargesFee",
  "supervisionPhone",
  "remarks",
] as const;

export const CANONICAL_FIELDS = ["seq", "code", "name", "subItemName", "powerType", "domain", "department", ...DETAIL_FIELDS] as const;

export type CanonicalField = (typeof CANONICAL_FIELDS)[number];

const CANONICAL_FIELD_SET: ReadonlySet<string> = new Set(CANONICAL_FIELDS);

export function isCanonicalField(value: unknown): value is CanonicalField {
  return typeof value === "string" && CANONICAL_FIELD_SET.has(value);
}

/** Chinese display label of each field (for UIs, reports and messages). */
export const FIELD_LABELS: Record<CanonicalField, string> = {
  seq: "序号",
  code: "事项编码",
  name: "事项名称",
  subItemName: "子项名称",
  powerType: "权力类型",
  domain: "所属领域",
  department: "实施部门",
  legalBasis: "实施依据",
  exerciseSubject: "行使主体",
  handlingSection: "承办机构",
  implementationLevel: "实施层级及权限",
  departmentDuty: "部门职责",
  responsibilities: "责任事项内容",
  responsibilityBasis: "责任事项依据",
  accountableParties: "追责对象范围",
  accountabilityGrounds: "追责情形",
  statutoryTimeLimit: "法定时限",
  promisedTimeLimit: "承诺时限",
  chargesFee: "是否收费",
  supervisionPhone: "监督电话",
  remarks: "备注",
};

/**
 * Header synonyms, written in normalised form (see {@link normaliseHeader}: no whitespace,
 * half-width characters, parenthesised parts removed).
 */
export const HEADER_SYNONYMS: Record<CanonicalField, readonly string[]> = {
  seq: ["序号", "序", "顺序号", "排序号", "序列号", "no", "no.", "#"],
  code: [
    "事项编码", "编码", "权力编码", "职权编码", "权力事项编码", "事项编号", "权力编号", "职权编号",
    "基本编码", "清单编码", "目录编码", "实施编码", "事项代码", "编号", "代码", "权责事项编码",
  ],
  name: [
    "事项名称", "项目名称", "权力名称", "权力事项名称", "职权名称", "职权事项名称", "权责事项名称",
    "清单事项名称", "主项名称", "主项", "事项", "权力事项", "职权事项", "权责事项", "项目", "名称",
    "基本事项名称", "职责事项", "职责事项名称", "履职事项", "履职事项名称", "履行职责事项",
    "事项名称主项", "权力事项主项名称", "行政权力名称", "行政权力事项名称", "行政职权名称",
  ],
  subItemName: [
    "子项", "子项名称", "子项事项名称", "子项目", "子项目名称", "子事项", "子事项名称", "事项子项",
    "权力事项子项", "子项权力名称", "子项名称如有",
  ],
  powerType: [
    "权力类型", "事项类型", "权力类别", "职权类型", "职权类别", "事项类别", "类型", "类别",
    "权力分类", "职权分类", "权责类型", "权力种类", "行政职权类型", "行政权力类型", "权责事项类型",
    "职责类型", "权力事项类型", "事项分类",
  ],
  domain: ["领域", "所属领域", "行业领域", "执法领域", "业务领域", "所属行业", "职能领域", "事项领域", "所属类别领域"],
  department: [
    "实施部门", "原实施部门", "部门", "部门名称", "责任部门", "主管部门", "业务主管部门", "行业主管部门",
    "原行使部门", "行使部门", "职能部门", "实施单位", "原实施单位", "单位名称", "原实施主体部门",
  ],
  legalBasis: [
    "实施依据", "设定依据", "法律依据", "设定和实施依据", "设定及实施依据", "设定依据和实施依据",
    "实施依据和设定依据", "依据", "法定依据", "法律法规依据", "法律法规及文件依据", "法律法规规章依据",
    "政策依据", "权力依据", "职权依据", "行使依据", "依据及条款", "设定依据及实施依据",
  ],
  exerciseSubject: ["行使主体", "实施主体", "责任主体", "实施机关", "行使机关", "执法主体", "主体", "行权主体"],
  handlingSection: [
    "承办机构", "承办科室", "承办处室", "承办股室", "内设机构", "承办单位", "具体承办机构", "承办部门",
    "责任科室", "责任股室", "承办机构科室",
  ],
  implementationLevel: [
    "实施层级及权限", "实施层级", "行使层级", "层级", "实施层级和权限", "行使层级及权限", "行使层级和权限",
    "层级及权限", "权限划分", "实施层级与权限",
  ],
  departmentDuty: ["部门职责", "区级部门职责", "县级部门职责", "市级部门职责", "部门职责边界"],
  responsibilities: ["责任事项", "责任事项内容", "责任内容", "责任事项及内容"],
  responsibilityBasis: ["责任事项依据", "责任事项的依据", "责任依据"],
  accountableParties: ["追责对象范围", "追责对象", "问责对象", "责任追究对象", "追责对象及范围"],
  accountabilityGrounds: ["追责情形", "问责情形", "责任追究情形", "追责情形及依据", "追责情况"],
  statutoryTimeLimit: ["法定时限", "法定办结时限", "法定期限", "法定办理时限", "法定办结期限", "办理时限", "办结时限", "时限"],
  promisedTimeLimit: ["承诺时限", "承诺办结时限", "承诺期限", "承诺办理时限", "承诺办结期限"],
  chargesFee: [
    "是否收费", "收费", "收费标准", "收费依据", "收费依据和标准", "收费依据及标准", "收费情况",
    "收费标准及依据", "收费项目",
  ],
  supervisionPhone: ["监督电话", "投诉电话", "监督投诉电话", "投诉举报电话", "监督举报电话", "投诉监督电话"],
  remarks: ["备注", "说明", "备注说明", "附注"],
};

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
