import { CANONICAL_FIELDS, FIELD_LABELS, type CanonicalField } from "@/lib/catalogue/import/fields";
import type { ImportIssue, ParsedItem, ParseResult } from "@/lib/catalogue/import/parse";
import { DETAIL_FIELDS, SUB_ITEM_FIELDS, itemContentHash, type ItemData, type SubItemData } from "./item-data";
import { inferDomain, matchDepartment, resolveDomain, resolvePowerType, type DepartmentOption, type DictionaryOption } from "./match";
import type { ImportOptions } from "./schema";

export type PreviewIssue = { level: "error" | "warning"; message: string };
export type RowStatus = "ok" | "warning" | "error" | "identical" | "excluded";

export type PreviewRow = {
  /** Stable across re-previews: sheet and first row. */
  key: string;
  sheet: string;
  row: number;
  rowsSpanned: number;
  seq: string | null;
  name: string;
  code: string | null;
  typeText: string | null;
  typeId: number | null;
  typeName: string | null;
  domainText: string | null;
  domainName: string | null;
  /** The file names no 领域: it was taken from the department's, sheet's or file's name. */
  domainInferred: boolean;
  departmentText: string | null;
  departmentMatched: string | null;
  legalBasis: string | null;
  subItems: { name: string; typeName: string | null }[];
  issues: PreviewIssue[];
  edited: boolean;
  status: RowStatus;
};

export type PreviewSheet = {
  name: string;
  status: "parsed" | "skipped";
  skipReason: string | null;
  headerRow: number | null;
  items: number;
  subItems: number;
  statedCount: number | null;
  countMismatch: boolean;
  columns: { index: number; header: string; field: CanonicalField | null; overridden: boolean }[];
  skipped: { row: number; reason: string }[];
};

export type Preview = {
  fileName: string;
  notices: string[];
  sheets: PreviewSheet[];
  rows: PreviewRow[];
  /** Power-type and domain texts the dictionary does not know, with how many rows use them. */
  unknownTypes: { text: string; count: number }[];
  unknownDomains: { text: string; count: number }[];
  counts: { rows: number; errors: number; warnings: number; excluded: number; identical: number; toImport: number; subItems: number };
  /** What a commit writes, in file order. */
  items: ItemData[];
  warnings: string[];
};

export type PreviewContext = {
  powerTypes: DictionaryOption[];
  domains: DictionaryOption[];
  departments: DepartmentOption[];
  /** Content hashes of the items already in the edition. */
  existingHashes: Set<string>;
  options: ImportOptions;
};

export function rowKey(item: Pick<ParsedItem, "sheet" | "row">): string {
  return `${item.sheet}!${item.row}`;
}

function text(value: string | undefined | null): string | null {
  const t = value?.trim();
  return t ? t : null;
}

/** Messages about the power type are recomputed here against the managed dictionary. */
function keepParserIssue(issue: ImportIssue): boolean {
  if (issue.field !== "powerType") return true;
  return !issue.message.startsWith("无法识别的权力类型") && issue.message !== "缺少权力类型";
}

/**
 * The import preview: every parsed item with its dictionary matches, problems and status, and
 * the items a commit would write. Pure: the caller supplies the dictionary, the departments
 * and the hashes of the items already in the edition.
 */
export function buildPreview(parse: ParseResult, ctx: PreviewContext): Preview {
  const { options } = ctx;
  const typesById = new Map(ctx.powerTypes.map((e) => [e.id, e]));
  const domainsById = new Map(ctx.domains.map((e) => [e.id, e]));
  const excluded = new Set(options.excluded);
  const unknownTypes = new Map<string, number>();
  const unknownDomains = new Map<string, number>();

  // Lists repeat the same few texts thousands of times: resolve each distinct text once.
  const memo = <T,>(fn: (text: string) => T) => {
    const cache = new Map<string, T>();
    return (text: string): T => {
      if (!cache.has(text)) cache.set(text, fn(text));
      return cache.get(text)!;
    };
  };
  const lookupType = memo((raw) => resolvePowerType(raw, ctx.powerTypes));
  const lookupDomain = memo((raw) => resolveDomain(raw, ctx.domains));
  const lookupDepartment = memo((raw) => matchDepartment(raw, ctx.departments));
  const lookupInferred = memo((joined) => inferDomain([...joined.split("\u0000"), parse.fileName], ctx.domains));
  const resolveType = (raw: string | null): DictionaryOption | null => {
    if (!raw) return null;
    const mapped = options.typeMap[raw];
    if (mapped != null) return typesById.get(mapped) ?? null;
    return lookupType(raw);
  };

  const rows: PreviewRow[] = [];
  const items: ItemData[] = [];
  const warnings: string[] = [];
  const seenHashes = new Set<string>();
  const counts = { rows: 0, errors: 0, warnings: 0, excluded: 0, identical: 0, toImport: 0, subItems: 0 };

  for (const parsed of parse.items) {
    const key = rowKey(parsed);
    const edit = options.edits[key];
    const issues: PreviewIssue[] = parsed.issues
      .filter(keepParserIssue)
      .filter((i) => !(edit?.name && i.field === "name" && i.level === "error"))
      .map((i) => ({ level: i.level, message: i.message }));
    const name = text(edit?.name) ?? text(parsed.name) ?? "";

    // Power type: the row's fix, else the user's mapping of the text, else the dictionary.
    const typeText = text(parsed.powerTypeRaw) ?? text(parsed.powerType);
    let type: DictionaryOption | null = null;
    if (edit?.powerTypeId != null) type = typesById.get(edit.powerTypeId) ?? null;
    else type = resolveType(typeText) ?? (parsed.powerTypeKnown ? resolveType(text(parsed.powerType)) : null);
    if (!type && edit?.powerTypeId == null) {
      if (typeText) {
        unknownTypes.set(typeText, (unknownTypes.get(typeText) ?? 0) + 1);
        issues.push({ level: "error", message: `无法识别的权力类型「${typeText}」：请在「权力类型对照」中指定它对应的类型，或修改本行` });
      } else {
        issues.push({ level: "warning", message: "缺少权力类型，导入后请补充" });
      }
    }

    const subItems: SubItemData[] = parsed.subItems.map((sub, index) => {
      const subText = text(sub.powerType);
      let subType: DictionaryOption | null = null;
      if (subText && subText !== typeText) {
        subType = resolveType(subText);
        if (!subType) {
          unknownTypes.set(subText, (unknownTypes.get(subText) ?? 0) + 1);
          issues.push({ level: "error", message: `子项「${text(sub.subItemName) ?? index + 1}」的权力类型「${subText}」无法识别` });
        }
      }
      for (const issue of sub.issues) if (keepParserIssue(issue)) issues.push({ level: issue.level, message: `子项：${issue.message}` });
      const fields: SubItemData["fields"] = {};
      for (const f of SUB_ITEM_FIELDS) {
        const v = text(sub[f]);
        if (v) fields[f] = v;
      }
      return {
        name: text(sub.subItemName) ?? `子项${index + 1}`,
        powerTypeId: subType?.id ?? null,
        powerTypeRaw: subType ? null : subText && subText !== typeText ? subText : null,
        fields,
        sourceRow: sub.row,
      };
    });

    const domainText = text(parsed.domain);
    let domain: DictionaryOption | null = null;
    if (domainText) {
      const mapped = options.domainMap[domainText];
      domain = mapped != null ? (domainsById.get(mapped) ?? null) : lookupDomain(domainText);
      if (!domain) {
        unknownDomains.set(domainText, (unknownDomains.get(domainText) ?? 0) + 1);
        issues.push({ level: "warning", message: `领域「${domainText}」不在字典中，将保留原文；可在「领域对照」中指定` });
      }
    }
    const departmentText = text(parsed.department);
    const department = departmentText ? lookupDepartment(departmentText) : null;
    // No 领域 in the file: the department's, the sheet's or the file's name may imply one.
    let domainInferred = false;
    if (!domainText && !domain) {
      domain = lookupInferred(`${departmentText ?? ""}\u0000${text(parsed.exerciseSubject) ?? ""}\u0000${parsed.sheet}`);
      domainInferred = domain !== null;
    }

    const data = {
      seq: text(parsed.seq),
      seqCount: parsed.seqCount,
      code: text(parsed.code),
      name,
      powerTypeId: type?.id ?? null,
      powerTypeRaw: typeText,
      domainId: domain?.id ?? null,
      domainRaw: domainText,
      departmentId: department?.id ?? null,
      departmentName: departmentText,
      extra: parsed.extra && Object.keys(parsed.extra).length ? parsed.extra : null,
      sourceSheet: parsed.sheet,
      sourceRow: parsed.row,
      subItems,
    } as ItemData;
    for (const f of DETAIL_FIELDS) data[f] = text(parsed[f]);

    let status: RowStatus;
    const hasError = issues.some((i) => i.level === "error");
    const hash = hasError ? "" : itemContentHash(data);
    if (excluded.has(key)) status = "excluded";
    else if (hasError) status = "error";
    else if (ctx.existingHashes.has(hash)) {
      status = "identical";
      issues.push({ level: "warning", message: "与本版本中已有的事项完全相同，将跳过" });
    } else if (seenHashes.has(hash)) {
      status = "identical";
      issues.push({ level: "warning", message: "与文件中前面的事项完全相同，将跳过" });
    } else status = issues.length ? "warning" : "ok";

    counts.rows++;
    if (status === "excluded") counts.excluded++;
    else if (status === "error") counts.errors++;
    else if (status === "identical") counts.identical++;
    else {
      if (status === "warning") counts.warnings++;
      counts.toImport++;
      counts.subItems += subItems.length;
      seenHashes.add(hash);
      items.push(data);
      for (const issue of issues) warnings.push(`工作表「${parsed.sheet}」第 ${parsed.row} 行「${name}」：${issue.message}`);
    }

    rows.push({
      key,
      sheet: parsed.sheet,
      row: parsed.row,
      rowsSpanned: parsed.rows.length,
      seq: data.seq,
      name,
      code: data.code,
      typeText,
      typeId: type?.id ?? null,
      typeName: type?.name ?? null,
      domainText,
      domainName: domain?.name ?? null,
      domainInferred,
      departmentText,
      departmentMatched: department?.name ?? null,
      legalBasis: data.legalBasis,
      subItems: subItems.map((s) => ({ name: s.name, typeName: s.powerTypeId ? (typesById.get(s.powerTypeId)?.name ?? null) : (type?.name ?? null) })),
      issues,
      edited: !!edit,
      status,
    });
  }

  const sheets: PreviewSheet[] = parse.sheets.map((s) => {
    const overrides = options.columnMap[s.name] ?? {};
    return {
      name: s.name,
      status: s.status,
      skipReason: s.skipReason ?? null,
      headerRow: s.headerRow,
      items: s.items,
      subItems: s.subItems,
      statedCount: s.statedCount,
      countMismatch: s.status === "parsed" && s.statedCount !== null && s.statedCount !== s.items,
      columns: s.columns.map((c) => ({ ...c, overridden: String(c.index) in overrides })),
      skipped: s.skipped,
    };
  });
  for (const s of sheets) {
    if (s.countMismatch) warnings.unshift(`工作表「${s.name}」名称中写明 ${s.statedCount} 项，实际读到 ${s.items} 项`);
  }

  const byCount = (m: Map<string, number>) => [...m].map(([t, count]) => ({ text: t, count })).sort((a, b) => b.count - a.count);
  return {
    fileName: parse.fileName,
    notices: parse.notices,
    sheets,
    rows,
    unknownTypes: byCount(unknownTypes),
    unknownDomains: byCount(unknownDomains),
    counts,
    items,
    warnings,
  };
}

/** Fields a user may map an unrecognised column to, with their labels. */
export const MAPPABLE_FIELDS = CANONICAL_FIELDS.map((f) => ({ field: f, label: FIELD_LABELS[f] }));
