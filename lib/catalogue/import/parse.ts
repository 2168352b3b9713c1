/**
 * Parser for real published 权责清单 spreadsheets (.xlsx, .xls, .csv, and mislabelled files).
 *
 * It models meaning, not rows. A main item (事项, numbered by 序号) may span several rows, one
 * per sub-item (子项) or per implementation level (自治区级 / 地州市级 / 县市区级); those rows
 * belong to their main item. A sheet's stated count (「行政许可（3项）」) counts main items.
 *
 * Counting, checked against the fixtures (/work/shared/fixtures/real-lists): in 国动办
 * 「行政许可（3项）」 item 1 spans rows 4–7 with two 子项 (rows 4–5 and 6–7), items 2 and 3 one row
 * each: 4 written rows, 2 sub-items, and the sheet says 3 — so the stated count is main items,
 * not rows or sub-items; all five sheet counts of that file match this way. A 序号 written
 * 「2,3」 (or 「2、3」) is one entry standing for two numbered items, so it counts as 2
 * (`seqCount`), is kept as written, and is warned about. No fixture contains such a 序号, so
 * that half rests on the fixtures' README; counting it as 1 would make a sheet that numbers
 * 1, 「2,3」, 4 under 「（4项）」 disagree with its name.
 *
 * Pure: takes bytes, returns data; no database, no file system, never throws on bad input.
 *
 * Pipeline per sheet:
 *  1. grid of cell texts, trailing empty rows/columns trimmed (published files often claim
 *     A1:IV65536);
 *  2. merged cells filled from their top-left cell (a 事项名称 or 序号 spanning its 子项 rows);
 *     cells hidden under a merge are remembered, so rows made only of merge continuations are
 *     folded into the row above instead of becoming sub-items;
 *  3. header row = the row in the first 30 with the most header-synonym hits (must include the
 *     name column), extended up/down over header cells merged across rows and over a second
 *     header row of sub-columns;
 *  4. data rows: title rows above the header are ignored; note rows (备注/注：/说明, one merged
 *     cell across the width, 合计, 落款), column-number rows and repeated headers are skipped and
 *     reported; a short row naming a power type (「一、行政许可」) is a section title that gives
 *     the type to the rows below it;
 *  5. rows are grouped into main items (see `belongsToCurrentItem`), then fields are resolved.
 */
import type * as XLSX from "@e965/xlsx";
import {
  CANONICAL_FIELDS,
  type CanonicalField,
  FIELD_LABELS,
  isCanonicalField,
  lookupPowerType,
  matchHeader,
  matchHeaderRanked,
  normaliseHeader,
  normalisePowerType,
  type PowerType,
} from "./fields";
import { readWorkbookBytes, type DetectedFormat } from "./read";
import { cleanCellText, columnLetter, comparisonKey, looksHardWrapped, shorten, textLines, type WrapMode } from "./text";

export { MAX_IMPORT_BYTES } from "./read";

/* ------------------------------------------------------------------------------------------ */
/* Public types                                                                               */
/* ------------------------------------------------------------------------------------------ */

export type IssueLevel = "error" | "warning";

export interface ImportIssue {
  level: IssueLevel;
  field?: CanonicalField;
  /** Chinese, for the user. */
  message: string;
}

/** Canonical field values as cleaned text. */
export type ItemFields = Partial<Record<CanonicalField, string>>;

export type PowerTypeSource = "column" | "section" | "sheet";

export interface ParsedSubItem extends ItemFields {
  /** First spreadsheet row (1-based) of the sub-item. */
  row: number;
  /** All rows of the sub-item (more than one when its cells are merged over several rows). */
  rows: number[];
  /** Whether `powerType` is one of POWER_TYPES (otherwise it is the raw text). */
  powerTypeKnown: boolean;
  /** Unmapped columns: header → value. */
  extra?: Record<string, string>;
  issues: ImportIssue[];
}

export interface ParsedItem extends ItemFields {
  name: string;
  sheet: string;
  /** First spreadsheet row (1-based). */
  row: number;
  /** Every spreadsheet row (1-based) that belongs to this main item. */
  rows: number[];
  /**
   * How many numbered items this entry stands for: 1, or 2 for a 序号 written 「2,3」.
   * Sheet item counts are the sum of this.
   */
  seqCount: number;
  /** Canonical type if recognised, else the raw text as written (see `powerTypeKnown`). */
  powerType?: string;
  powerTypeKnown: boolean;
  /** The text the type was taken from (a cell, a section title or the sheet name). */
  powerTypeRaw?: string;
  powerTypeSource?: PowerTypeSource;
  /**
   * Sub-items (子项 / per-level rows). Empty for an item written in one row without a 子项
   * name. Fields that differ between sub-items live only on the sub-items; the main item
   * carries the fields they share.
   */
  subItems: ParsedSubItem[];
  /** Unmapped columns of the item's first row: header → value. */
  extra?: Record<string, string>;
  issues: ImportIssue[];
}

export interface SheetColumn {
  /** 0-based column index (A = 0); the key used by `options.columnMap`. */
  index: number;
  /** Header text as written (rows of a multi-row header joined with 「/」). */
  header: string;
  field: CanonicalField | null;
}

export interface SkippedRow {
  row: number;
  reason: string;
}

export interface SheetResult {
  name: string;
  /** First header row (1-based), null when no header was found. */
  headerRow: number | null;
  /** Number of header rows (2 for a two-row header). */
  headerRowCount: number;
  columns: SheetColumn[];
  /** Data rows read below the header (rows of items plus skipped rows; blank rows not counted). */
  rows: number;
  /** Main items, a 「2,3」 序号 counted as 2. */
  items: number;
  /** Sub-item rows. */
  subItems: number;
  parsedItems: ParsedItem[];
  warnings: string[];
  skipped: SkippedRow[];
  /** The count stated in the sheet name (「行政许可（3项）」 → 3), if any. */
  statedCount: number | null;
  /** The power type named by the sheet name, if any. */
  sheetPowerType: PowerType | null;
  /** "skipped": empty sheet, hidden sheet or no recognisable header (see `skipReason`). */
  status: "parsed" | "skipped";
  skipReason?: string;
}

export interface ParseOptions {
  /** Per sheet name: 0-based column index → field (null = ignore the column). Overrides detection. */
  columnMap?: Record<string, Record<number, CanonicalField | null>>;
  /** Raw power-type text → canonical type, for types the dictionary does not know. */
  typeMap?: Record<string, string>;
}

export interface ParseResult {
  fileName: string;
  ok: boolean;
  /** Chinese, when `ok` is false. */
  error?: string;
  /** Set when the parse was stopped (parse-in-worker.ts): over time, over memory, or the worker died. */
  aborted?: "timeout" | "memory" | "crash";
  /** Format detected from the content. */
  format?: DetectedFormat;
  /** File-level notes (e.g. an .xlsx that is really an .xls). */
  notices: string[];
  sheets: SheetResult[];
  /** All parsed items of all sheets, in order. */
  items: ParsedItem[];
  /** Sum of sheet item counts. */
  itemCount: number;
  /** Sum of sheet sub-item counts. */
  subItemCount: number;
}

/* ------------------------------------------------------------------------------------------ */
/* Helpers exported for reuse and tests                                                       */
/* ------------------------------------------------------------------------------------------ */

/**
 * What a 序号 stands for. 「3」 → 1 item; 「2,3」「2，3」「2、3」 → 2 items written in one row;
 * 「2~4」「2至4」 → 3 items. Anything else (「1-1」, 「一」) counts as 1.
 */
export function parseSeq(seq: string | undefined | null): { numbers: number[]; count: number } {
  const s = String(seq ?? "")
    .normalize("NFKC")
    .replace(/\s+/g, "")
    .replace(/[.、]$/, "");
  if (/^\d+$/.test(s)) return { numbers: [Number(s)], count: 1 };
  if (/^\d+([,，、;；/]\d+)+$/.test(s)) {
    const numbers = s.split(/[,，、;；/]/).map(Number);
    return { numbers, count: numbers.length };
  }
  const range = /^(\d+)[~～至](\d+)$/.exec(s);
  if (range) {
    const from = Number(range[1]);
    const to = Number(range[2]);
    if (to > from && to - from < 1000) {
      return { numbers: Array.from({ length: to - from + 1 }, (_, i) => from + i), count: to - from + 1 };
    }
  }
  return { numbers: [], count: 1 };
}

/** Count and power type stated in a sheet name: 「行政许可（3项）」 → { 行政许可, 3 }. */
export function parseSheetName(name: string, typeMap?: Record<string, string>): { powerType: PowerType | null; statedCount: number | null } {
  const s = name.normalize("NFKC");
  const count = /(\d+)\s*(?:项|个|条)/.exec(s);
  return { powerType: normalisePowerType(s, typeMap), statedCount: count ? Number(count[1]) : null };
}

/**
 * Power type named by a short section-title row (「一、行政许可（3项）」「行政处罚类」「其他职权」).
 * Exact dictionary match only: an item name may well contain a type name.
 */
function sectionTitleType(text: string, typeMap?: Record<string, string>): PowerType | null {
  if (text.length > 30) return null;
  return lookupPowerType(text, typeMap);
}

/* ------------------------------------------------------------------------------------------ */
/* Grid                                                                                       */
/* ------------------------------------------------------------------------------------------ */

interface Grid {
  rowCount: number;
  width: number;
  /** Cell texts as written (raw, uncleaned); undefined for empty cells. */
  text: (string | undefined)[][];
  /** Same, with merged regions filled from their top-left cell. */
  filled: (string | undefined)[][];
  /** Per row, sparse: for a cell hidden under a merge, (top row of the merge) + 1. */
  hidden: (number | undefined)[][];
  /** Something was dropped (content beyond the last column, implausible merges). */
  notes: string[];
  merges: XLSX.Range[];
  /** Rows covered by a merge spanning at least half of the width: row → [first col, last col]. */
  wideMerge: Map<number, [number, number]>;
}

function cellText(cell: XLSX.CellObject | undefined): string {
  if (!cell) return "";
  switch (cell.t) {
    case "s":
      return typeof cell.v === "string" ? cell.v : String(cell.v ?? "");
    case "n": {
      // As displayed (dates, 「001」 formats), except that General-format long numbers such as
      // codes would display in scientific notation.
      const v = cell.v as number;
      if (cell.w && !/e[+-]?\d/i.test(cell.w)) return cell.w;
      return Number.isInteger(v) && Math.abs(v) < 1e21 ? v.toFixed(0) : String(v);
    }
    case "b":
      return cell.v ? "是" : "否";
    case "d":
      return cell.w ?? (cell.v instanceof Date ? cell.v.toISOString().slice(0, 10) : String(cell.v ?? ""));
    case "e":
    case "z":
      return "";
    default:
      return cell.v == null ? "" : String(cell.v);
  }
}

/** Widest sheet read (Excel 97–2003's limit); real lists have a few dozen columns. */
const MAX_COLUMNS = 256;
/** Merges larger than this are not list layout (a corrupt or whole-sheet merge); ignored. */
const MAX_MERGE_CELLS = 50_000;

function buildGrid(ws: XLSX.WorkSheet): Grid {
  const data = (ws["!data"] ?? []) as (XLSX.CellObject | undefined)[][];
  const text: (string | undefined)[][] = [];
  const notes: string[] = [];
  let width = 0;
  let rowCount = 0;
  let beyond = 0;
  for (let r = 0; r < data.length; r++) {
    const row = data[r];
    const out: (string | undefined)[] = [];
    if (row) {
      row.forEach((cell, c) => {
        const t = cellText(cell);
        if (!t || !t.trim()) return;
        if (c >= MAX_COLUMNS) {
          beyond++;
          return;
        }
        out[c] = t;
        if (c + 1 > width) width = c + 1;
        rowCount = r + 1;
      });
    }
    text[r] = out;
  }
  if (beyond) notes.push(`第 ${MAX_COLUMNS} 列之后还有 ${beyond} 个单元格有内容，已忽略`);

  // Rows below the last written cell still belong to the sheet when a merge covers them.
  const merges: XLSX.Range[] = [];
  const contentRows = rowCount;
  let ignoredMerges = 0;
  for (const m of (ws["!merges"] ?? []) as XLSX.Range[]) {
    const sr = m.s.r;
    const sc = m.s.c;
    if (sr >= contentRows || sc >= width) continue;
    const ec = Math.min(m.e.c, width - 1);
    const er = m.e.r;
    if (er < sr || ec < sc) continue;
    if ((er - sr + 1) * (ec - sc + 1) > MAX_MERGE_CELLS) {
      ignoredMerges++;
      continue;
    }
    merges.push({ s: { r: sr, c: sc }, e: { r: er, c: ec } });
    if (er + 1 > rowCount && text[sr]?.[sc]) rowCount = er + 1;
  }
  if (ignoredMerges) notes.push(`忽略了 ${ignoredMerges} 个异常大的合并单元格`);
  text.length = Math.min(text.length, rowCount);
  for (let r = 0; r < rowCount; r++) text[r] ??= [];

  const filled = text.map((row) => row.slice());
  const hidden: (number | undefined)[][] = [];
  const wideMerge = new Map<number, [number, number]>();
  for (const m of merges) {
    const { r: sr, c: sc } = m.s;
    const ec = m.e.c;
    const er = Math.min(m.e.r, rowCount - 1);
    m.e.r = er;
    const value = text[sr][sc];
    for (let r = sr; r <= er; r++) {
      const row = filled[r];
      const hiddenRow = (hidden[r] ??= []);
      for (let c = sc; c <= ec; c++) {
        if (r === sr && c === sc) continue;
        hiddenRow[c] = sr + 1;
        row[c] = value;
      }
    }
    if (ec - sc + 1 >= Math.max(3, Math.ceil(width / 2))) {
      for (let r = sr; r <= er; r++) wideMerge.set(r, [sc, ec]);
    }
  }
  return { rowCount, width, text, filled, hidden, merges, wideMerge, notes };
}

function isHidden(grid: Grid, r: number, c: number): boolean {
  return !!grid.hidden[r]?.[c];
}

/* ------------------------------------------------------------------------------------------ */
/* Header                                                                                     */
/* ------------------------------------------------------------------------------------------ */

const HEADER_SCAN_ROWS = 30;

interface HeaderInfo {
  start: number;
  end: number;
  columns: SheetColumn[];
}

function cleanHeaderText(raw: string | undefined): string {
  return raw ? cleanCellText(raw, true) : "";
}

/** matchHeader with a cache; long texts are data, never headers. */
function cachedHeaderField(raw: string, cache: Map<string, CanonicalField | null>): CanonicalField | null {
  if (raw.length > 60) return null;
  let field = cache.get(raw);
  if (field === undefined) {
    field = matchHeader(raw);
    cache.set(raw, field);
  }
  return field;
}

function rowHeaderHits(grid: Grid, r: number, cache: Map<string, CanonicalField | null>): Map<number, CanonicalField> {
  const hits = new Map<number, CanonicalField>();
  const row = grid.filled[r] ?? [];
  for (let c = 0; c < grid.width; c++) {
    const raw = row[c];
    if (!raw) continue;
    const field = cachedHeaderField(raw, cache);
    if (field) hits.set(c, field);
  }
  return hits;
}

function isNumeric(text: string | undefined): boolean {
  return !!text && /^\d+$/.test(text.normalize("NFKC").trim());
}

function findHeader(
  grid: Grid,
  columnMap: Record<number, CanonicalField | null> | undefined,
  cache: Map<string, CanonicalField | null>,
): HeaderInfo | null {
  const scan = Math.min(grid.rowCount, HEADER_SCAN_ROWS);
  const userNameCols = columnMap ? Object.entries(columnMap).filter(([, f]) => f === "name").map(([c]) => Number(c)) : [];
  const userCols = columnMap ? Object.keys(columnMap).map(Number) : [];
  let best = -1;
  let bestScore = 0;
  for (let r = 0; r < scan; r++) {
    if (grid.wideMerge.has(r) && countOwnCells(grid, r) <= 1) continue; // a title row
    const hits = rowHeaderHits(grid, r, cache);
    const fields = new Set(hits.values());
    const row = grid.filled[r] ?? [];
    let score = fields.size;
    for (const c of userCols) if (row[c] && !hits.has(c)) score++;
    const hasName = fields.has("name") || userNameCols.some((c) => !!row[c]);
    if (hasName && score >= 2 && score > bestScore) {
      best = r;
      bestScore = score;
    }
  }
  if (best < 0) return null;

  // A merge that crosses the boundary between rows a and a+1 inside the header.
  const crosses = (a: number) =>
    grid.merges.some((m) => m.s.r <= a && m.e.r >= a + 1 && m.e.c - m.s.c + 1 < Math.max(3, Math.ceil(grid.width / 2)));
  let start = best;
  let end = best;
  while (start > 0 && best - start < 2 && crosses(start - 1) && !grid.wideMerge.has(start - 1)) start--;
  const bestHits = rowHeaderHits(grid, best, cache);
  const nameCol = [...bestHits.entries()].find(([, f]) => f === "name")?.[0];
  const seqCol = [...bestHits.entries()].find(([, f]) => f === "seq")?.[0];
  while (end + 1 < grid.rowCount && end - start < 2) {
    if (crosses(end)) {
      end++;
      continue;
    }
    if (looksLikeSubHeader(grid, end + 1, end, nameCol, seqCol, cache)) {
      end++;
      continue;
    }
    break;
  }

  const columns: SheetColumn[] = [];
  const ranks: number[] = [];
  for (let c = 0; c < grid.width; c++) {
    const texts: string[] = [];
    for (let r = start; r <= end; r++) {
      const t = cleanHeaderText(grid.filled[r]?.[c]);
      if (t && !texts.includes(t)) texts.push(t);
    }
    let match: { field: CanonicalField; rank: number } | null = null;
    if (texts.length) {
      // Most specific first: the sub-column alone, then parent + sub either way round
      // (「时限」/「承诺」 → 「承诺时限」), then the parent alone.
      const candidates = [texts[texts.length - 1], texts.join(""), [...texts].reverse().join(""), ...texts.slice(0, -1).reverse()];
      for (const candidate of candidates) {
        match = matchHeaderRanked(candidate);
        if (match) break;
      }
    }
    columns.push({ index: c, header: texts.join("/"), field: match?.field ?? null });
    ranks.push(match?.rank ?? Infinity);
  }
  // Two different columns for one identifying field (「项目」 and 「事项名称」): keep the more
  // specific header; the other stays as extra information. Identical headers (a duplicated
  // column) are kept and combined.
  for (const field of SINGLE_LINE_FIELDS) {
    const cols = columns.filter((col) => col.field === field);
    if (cols.length < 2) continue;
    const best = cols.reduce((a, b) => (ranks[b.index] < ranks[a.index] ? b : a));
    const bestKey = normaliseHeader(best.header);
    for (const col of cols) if (normaliseHeader(col.header) !== bestKey) col.field = null;
  }
  return { start, end, columns };
}

function countOwnCells(grid: Grid, r: number): number {
  let n = 0;
  const row = grid.text[r] ?? [];
  row.forEach((t, c) => {
    if (t && !isHidden(grid, r, c)) n++;
  });
  return n;
}

/** A second header row of sub-columns under header cells merged across columns. */
function looksLikeSubHeader(
  grid: Grid,
  r: number,
  headerRow: number,
  nameCol: number | undefined,
  seqCol: number | undefined,
  cache: Map<string, CanonicalField | null>,
): boolean {
  const row = grid.text[r] ?? [];
  const own: number[] = [];
  row.forEach((t, c) => {
    if (t && !isHidden(grid, r, c)) own.push(c);
  });
  if (!own.length) return false;
  if (own.some((c) => cleanHeaderText(row[c]).length > 24)) return false;
  if (seqCol !== undefined && isNumeric(grid.filled[r]?.[seqCol])) return false;
  if (nameCol !== undefined && row[nameCol] && !isHidden(grid, r, nameCol) && cachedHeaderField(row[nameCol]!, cache) === null) return false;
  const hits = rowHeaderHits(grid, r, cache);
  const ownHits = own.filter((c) => hits.has(c)).length;
  const underGroup = own.some((c) =>
    grid.merges.some((m) => m.s.r <= headerRow && m.e.r >= headerRow && m.e.r < r && m.s.c <= c && m.e.c >= c && m.e.c > m.s.c),
  );
  return ownHits >= 1 && (underGroup || ownHits >= 2);
}

/* ------------------------------------------------------------------------------------------ */
/* Rows → items                                                                               */
/* ------------------------------------------------------------------------------------------ */

/** Fields whose line breaks are always visual wraps, and where the first column wins. */
const SINGLE_LINE_FIELDS: ReadonlySet<CanonicalField> = new Set(["seq", "code", "name", "subItemName", "powerType", "supervisionPhone"]);
/** Fields that identify the main item (first non-empty value across its rows). */
const IDENTITY_FIELDS: ReadonlySet<CanonicalField> = new Set(["seq", "name", "powerType"]);
/** Long-text fields whose text may be carried over to the next row. */
const CONTINUED_TEXT_FIELDS: ReadonlySet<CanonicalField> = new Set([
  "legalBasis", "responsibilities", "responsibilityBasis", "accountabilityGrounds", "accountableParties", "departmentDuty", "remarks",
]);
/** Placeholder texts meaning "none". */
const PLACEHOLDER = /^(?:[\/／\\\-－—–_~～·.。]+|无|暂无|空)$/;
/** Fields where 「无」 is a real value (是否收费: 无 = no fee) rather than "none". */
const KEEP_NONE_TEXT: ReadonlySet<CanonicalField> = new Set(["chargesFee", "remarks", "statutoryTimeLimit", "promisedTimeLimit"]);

const NOTE_PREFIX = /^(?:备注|注|说明|附注|注释|填表说明|填报说明|附件|附：)(?:\d|[:：、.\s(（]|$)/;
const SUMMARY_PREFIX = /^(?:合计|总计|共计|小计)/;
const SIGNATURE_PREFIX = /^(?:制表|填报|填表|审核|负责人|联系人|联系电话|单位负责人|编制单位|报送单位)/;

interface RowRecord {
  row: number; // 0-based
  values: ItemFields;
  extra?: Record<string, string>;
  sectionType: PowerType | null;
  sectionText?: string;
}

interface SubRowDraft {
  record: RowRecord;
  rows: number[]; // 0-based
}

interface ItemDraft {
  subRows: SubRowDraft[];
  rowSet: Set<number>; // 0-based
  seqKey: string;
  nameKey: string;
  issues: ImportIssue[];
  /** The first row is the item's own row above numbered children (「1」 over 「1.1」「1.2」). */
  parentRow: boolean;
}

interface SheetContext {
  sheetName: string;
  typeMap?: Record<string, string>;
  sheetType: PowerType | null;
  hasTypeColumn: boolean;
  hasSeqColumn: boolean;
}

function cleanValue(field: CanonicalField, raw: string, wrappedColumn: boolean): string {
  const mode: WrapMode = SINGLE_LINE_FIELDS.has(field) ? "single" : wrappedColumn ? "unwrap" : "auto";
  const cleaned = cleanCellText(raw, mode);
  if (!cleaned) return "";
  if (PLACEHOLDER.test(cleaned)) {
    // 「/」「—」 mean "none" everywhere; 「无」 too, except where it is an answer (是否收费：无).
    return KEEP_NONE_TEXT.has(field) && /^(无|暂无)$/.test(cleaned) ? cleaned : "";
  }
  if (field === "seq") return cleaned.replace(/\s+/g, "");
  return cleaned;
}

/**
 * Columns typed into a narrow column with manual line breaks («市统\n计局», «负责\n市本\n级…»):
 * judged on the first few hundred data rows, so that even two-line cells get unwrapped.
 */
function detectWrappedColumns(grid: Grid, from: number, colField: (CanonicalField | null)[]): boolean[] {
  const out = new Array<boolean>(grid.width).fill(false);
  const to = Math.min(grid.rowCount, from + 300);
  for (let c = 0; c < grid.width; c++) {
    const field = colField[c];
    if (!field || SINGLE_LINE_FIELDS.has(field)) continue;
    const lengths: number[] = [];
    for (let r = from; r < to; r++) {
      if (isHidden(grid, r, c)) continue;
      const t = grid.text[r]?.[c];
      if (!t || !/[\r\n]/.test(t)) continue;
      const lines = textLines(t);
      if (lines.length > 1) for (const line of lines) lengths.push(line.length);
    }
    out[c] = looksHardWrapped(lengths, 4, 8);
  }
  return out;
}

function combineValues(field: CanonicalField, values: string[]): string | undefined {
  const distinct: string[] = [];
  for (const v of values) {
    if (!v) continue;
    if (distinct.some((d) => d === v || d.includes(v))) continue;
    for (let i = distinct.length - 1; i >= 0; i--) if (v.includes(distinct[i])) distinct.splice(i, 1);
    distinct.push(v);
  }
  if (!distinct.length) return undefined;
  if (SINGLE_LINE_FIELDS.has(field)) return distinct[0];
  return distinct.join("\n");
}

/** A sheet with nothing read yet: what its name says, no header, no items, and "skipped". */
function blankSheet(name: string, options: ParseOptions): SheetResult {
  const { powerType, statedCount } = parseSheetName(name, options.typeMap);
  return {
    name,
    headerRow: null,
    headerRowCount: 0,
    columns: [],
    rows: 0,
    items: 0,
    subItems: 0,
    parsedItems: [],
    warnings: [],
    skipped: [],
    statedCount,
    sheetPowerType: powerType,
    status: "skipped",
  };
}

function skipSheet(sheet: SheetResult, reason: string): SheetResult {
  sheet.skipReason = reason;
  sheet.warnings.push(reason);
  return sheet;
}

function parseSheet(ws: XLSX.WorkSheet, sheetName: string, options: ParseOptions, hidden: boolean): SheetResult {
  const result = blankSheet(sheetName, options);
  const { statedCount, sheetPowerType: sheetType } = result;
  const skip = (reason: string) => skipSheet(result, reason);
  if (hidden) return skip("隐藏的工作表，已跳过（如需导入请先取消隐藏）");

  const grid = buildGrid(ws);
  if (grid.rowCount === 0 || grid.width === 0) return skip("空工作表，已跳过");

  const userColumns = sanitiseColumnMap(options.columnMap?.[sheetName]);
  const headerCache = new Map<string, CanonicalField | null>();
  const header = findHeader(grid, userColumns, headerCache);
  if (!header) {
    return skip(`未识别到表头：前 ${HEADER_SCAN_ROWS} 行中没有包含“事项名称”等列名的行，已跳过该工作表（可手动指定列对应的字段）`);
  }
  if (userColumns) {
    for (const [c, field] of Object.entries(userColumns)) {
      const index = Number(c);
      if (index < header.columns.length) header.columns[index].field = field;
      else if (field) {
        result.warnings.push(`手动指定的第 ${columnLetter(index)} 列超出了表格范围，已忽略`);
      }
    }
  }
  result.columns = header.columns;
  if (!header.columns.some((c) => c.field === "name")) {
    return skip("未识别到“事项名称”列，已跳过该工作表（可手动指定列对应的字段）");
  }
  result.status = "parsed";
  result.warnings.push(...grid.notes);
  result.headerRow = header.start + 1;
  result.headerRowCount = header.end - header.start + 1;

  const colField: (CanonicalField | null)[] = header.columns.map((c) => c.field);
  const fieldCols = new Map<CanonicalField, number[]>();
  colField.forEach((f, c) => {
    if (f) fieldCols.set(f, [...(fieldCols.get(f) ?? []), c]);
  });
  const extraLabel = header.columns.map((c) => (c.header ? c.header.replace(/\//g, "") : `${columnLetter(c.index)}列`));
  const ctx: SheetContext = {
    sheetName,
    typeMap: options.typeMap,
    sheetType,
    hasTypeColumn: fieldCols.has("powerType"),
    hasSeqColumn: fieldCols.has("seq"),
  };

  const unmappedWithData = new Set<number>();
  const drafts: ItemDraft[] = [];
  let cur: ItemDraft | null = null;
  let sectionType: PowerType | null = null;
  let sectionText: string | undefined;
  const skipped = (r: number, reason: string) => result.skipped.push({ row: r + 1, reason });
  const wrappedCols = detectWrappedColumns(grid, header.end + 1, colField);
  const cleanCache = new Map<string, string>();
  const clean = (field: CanonicalField, raw: string, c: number) => {
    const key = `${field}\u0000${wrappedCols[c] ? 1 : 0}\u0000${raw}`;
    let v = cleanCache.get(key);
    if (v === undefined) {
      v = cleanValue(field, raw, wrappedCols[c]);
      cleanCache.set(key, v);
    }
    return v;
  };
  /** The cell at (r, c) continues a merge whose top row belongs to the current item. */
  const continuesCurrent = (r: number, c: number) => {
    const top = grid.hidden[r]?.[c];
    return !!top && !!cur && cur.rowSet.has(top - 1);
  };

  for (let r = header.end + 1; r < grid.rowCount; r++) {
    const orig = grid.text[r] ?? [];
    const fill = grid.filled[r] ?? [];
    const hiddenRow = grid.hidden[r];
    const own: number[] = [];
    let ownMapped = 0;
    let coveredCurrent = false;
    hiddenRow?.forEach((_top, c) => {
      if (colField[c] && fill[c] && continuesCurrent(r, c)) coveredCurrent = true;
    });
    orig.forEach((t, c) => {
      if (!t || hiddenRow?.[c] || !t.trim()) return;
      own.push(c);
      if (colField[c]) ownMapped++;
    });

    if (!own.length) {
      // Blank, or only the hidden part of merged cells: part of the item above.
      if (coveredCurrent && cur) addContinuation(cur, r);
      continue;
    }

    // Section titles, notes, totals and signatures: a cell or two of text, no item name.
    const firstOwn = own[0];
    const wide = grid.wideMerge.get(r);
    const inOneWideMerge = !!wide && own.length === 1 && firstOwn >= wide[0] && firstOwn <= wide[1];
    const hasOwnName = own.some((c) => colField[c] === "name");
    const firstText = cleanCellText(orig[firstOwn]!, true);
    if (own.length <= 2) {
      const texts = own.map((c) => cleanCellText(orig[c]!, true));
      const joined = texts.join("");
      const seqCols = fieldCols.get("seq") ?? [];
      const nonArabicSeq = own.every((c) => !seqCols.includes(c) || !isNumeric(orig[c]));
      const section = nonArabicSeq ? sectionTitleType(own.length === 1 ? joined : texts[texts.length - 1], options.typeMap) : null;
      if (section && (own.length === 1 || seqCols.includes(firstOwn))) {
        sectionType = section;
        sectionText = joined;
        skipped(r, `分类标题行「${shorten(joined)}」，其下事项的权力类型按「${section}」处理`);
        continue;
      }
    }
    if (!hasOwnName && NOTE_PREFIX.test(firstText)) {
      skipped(r, `备注/说明行「${shorten(firstText)}」`);
      continue;
    }
    if (own.length === 1 || inOneWideMerge) {
      if (SUMMARY_PREFIX.test(firstText)) {
        skipped(r, `合计行「${shorten(firstText)}」`);
        continue;
      }
      if (SIGNATURE_PREFIX.test(firstText)) {
        skipped(r, `落款行「${shorten(firstText)}」`);
        continue;
      }
      if (inOneWideMerge) {
        skipped(r, `跨列合并的说明行「${shorten(firstText)}」`);
        continue;
      }
      // Long text alone in a column that never holds long text (unmapped, 序号, 类型…).
      const field = colField[firstOwn];
      if (firstText.length > 15 && (!field || SINGLE_LINE_FIELDS.has(field)) && field !== "name" && field !== "subItemName") {
        skipped(r, `无法归属的说明文字「${shorten(firstText)}」`);
        continue;
      }
    }

    // Column numbering row under the header: 1 2 3 4 …
    if (own.length >= 3 && own.every((c) => isNumeric(orig[c]))) {
      const nums = own.map((c) => Number(orig[c]!.normalize("NFKC").trim()));
      if (nums.every((n, i) => i === 0 || n === nums[i - 1] + 1)) {
        skipped(r, "列序号行");
        continue;
      }
    }

    // Repeated header (multi-page printouts repeat it).
    let headerLike = 0;
    for (const c of own) if (colField[c] && cachedHeaderField(orig[c]!, headerCache) === colField[c]) headerLike++;
    if (headerLike >= 2 && headerLike * 2 >= ownMapped) {
      skipped(r, "重复的表头行");
      continue;
    }

    if (!ownMapped) {
      // Only unmapped columns have content of its own; keep it with the item above.
      if (cur) {
        addContinuation(cur, r);
        for (const c of own) unmappedWithData.add(c);
      } else skipped(r, "没有可识别字段的内容");
      continue;
    }

    // Values (merged cells filled).
    const values: ItemFields = {};
    for (const [field, cols] of fieldCols) {
      const vals: string[] = [];
      for (const c of cols) {
        const raw = fill[c];
        if (raw) vals.push(clean(field, raw, c));
      }
      const v = combineValues(field, vals);
      if (v !== undefined) values[field] = v;
    }
    let extra: Record<string, string> | undefined;
    fill.forEach((raw, c) => {
      if (colField[c] || !raw) return;
      const v = cleanCellText(raw, false);
      if (!v) return;
      unmappedWithData.add(c);
      (extra ??= {})[extraLabel[c]] = v;
    });

    const contentFields = Object.keys(values).filter((f) => f !== "seq");
    if (!contentFields.length) {
      skipped(r, values.seq ? `只有序号「${values.seq}」，没有事项内容` : "没有事项内容");
      continue;
    }

    // A long text carried over to the next row (a legal basis split for printing): only
    // long-text cells of its own, nothing that would make it an item or a sub-item.
    if (cur && own.every((c) => !colField[c] || CONTINUED_TEXT_FIELDS.has(colField[c]!))) {
      const last = cur.subRows[cur.subRows.length - 1];
      for (const c of own) {
        const field = colField[c];
        if (!field) continue;
        const text = clean(field, orig[c]!, c);
        if (!text) continue;
        const before = last.record.values[field];
        last.record.values[field] = before && before !== text ? `${before}\n${text}` : text;
      }
      addContinuation(cur, r);
      continue;
    }

    const record: RowRecord = { row: r, values, extra, sectionType, sectionText };
    const nameCol = (fieldCols.get("name") ?? []).find((c) => !!fill[c]);
    const seqCol = (fieldCols.get("seq") ?? []).find((c) => !!fill[c]);
    const nameCont = nameCol !== undefined && continuesCurrent(r, nameCol);
    const seqCont = seqCol !== undefined && continuesCurrent(r, seqCol);
    const seqKey = values.seq ? comparisonKey(values.seq) : "";
    const nameKey = values.name ? comparisonKey(values.name) : "";

    const decision = belongsToCurrentItem(cur, { nameCont, seqCont, seqKey, nameKey, seqRaw: values.seq ?? "" });
    if (cur && decision.attach) {
      if (decision.nameAsSubItem && values.name && !values.subItemName) {
        values.subItemName = values.name;
        const first = cur.subRows[0].record.values;
        if (decision.childSeq) {
          if (cur.subRows.length === 1 && !first.subItemName) cur.parentRow = true;
        } else if (cur.subRows.length === 1 && !first.subItemName && first.name) {
          // Rows under one merged 序号 with names of their own are peers: each is a sub-item.
          first.subItemName = first.name;
        }
      }
      if (decision.warning) cur.issues.push({ level: "warning", field: "seq", message: decision.warning.replace("{row}", String(r + 1)) });
      cur.subRows.push({ record, rows: [r] });
      cur.rowSet.add(r);
      continue;
    }
    const draft: ItemDraft = { subRows: [{ record, rows: [r] }], rowSet: new Set([r]), seqKey, nameKey, issues: [], parentRow: false };
    if (decision.warning) draft.issues.push({ level: "warning", field: "seq", message: decision.warning });
    if (!values.seq && ctx.hasSeqColumn && values.name) {
      draft.issues.push({ level: "warning", field: "seq", message: "序号为空" });
    }
    drafts.push(draft);
    cur = draft;
  }

  function addContinuation(item: ItemDraft, r: number) {
    item.rowSet.add(r);
    item.subRows[item.subRows.length - 1].rows.push(r);
  }

  for (const draft of drafts) {
    const item = finishItem(draft, ctx);
    result.parsedItems.push(item);
    result.items += item.seqCount;
    result.subItems += item.subItems.length;
    result.rows += item.rows.length;
  }
  result.rows += result.skipped.length;

  if (statedCount !== null && statedCount !== result.items) {
    result.warnings.push(`工作表名称标明 ${statedCount} 项，实际识别到 ${result.items} 项，请核对`);
  }
  if (!ctx.hasTypeColumn && !sheetType && result.parsedItems.some((i) => !i.powerType)) {
    result.warnings.push("未找到“权力类型”列，工作表名称中也没有权力类型");
  }
  const unknownCols = [...unmappedWithData]
    .sort((a, b) => a - b)
    .map((c) => `${columnLetter(c)}「${header.columns[c].header || "无列名"}」`);
  if (unknownCols.length) {
    result.warnings.push(`以下列未对应到标准字段，其内容作为附加信息保留：${unknownCols.join("、")}`);
  }
  return result;
}

/**
 * Does a data row continue the current main item?
 *
 * - its 事项名称 cell is the hidden part of a merge begun in the item → yes;
 * - no name of its own: a new 序号 starts a (nameless) item, otherwise it is a sub-item row;
 * - a name of its own: a merged 序号 from the item → yes (its name becomes the sub-item name);
 *   a different 序号 → new item; the same 序号 and the same name → yes; the same 序号 with
 *   another name → new item (warned); no 序号 → yes only if the name is the same.
 */
function belongsToCurrentItem(
  cur: ItemDraft | null,
  row: { nameCont: boolean; seqCont: boolean; seqKey: string; nameKey: string; seqRaw: string },
): { attach: boolean; nameAsSubItem?: boolean; childSeq?: boolean; warning?: string } {
  if (!cur) return { attach: false };
  if (row.nameCont) {
    if (row.seqKey && !row.seqCont && row.seqKey !== cur.seqKey && !isChildSeq(row, cur.seqKey)) {
      return { attach: true, warning: `第 {row} 行有自己的序号「${row.seqRaw}」，但事项名称单元格与上一行合并，已作为同一事项的子项处理` };
    }
    return { attach: true };
  }
  if (!row.nameKey) {
    if (row.seqKey && !row.seqCont && row.seqKey !== cur.seqKey && !isChildSeq(row, cur.seqKey)) return { attach: false };
    return { attach: true };
  }
  if (row.seqCont) return { attach: true, nameAsSubItem: row.nameKey !== cur.nameKey };
  if (row.seqKey) {
    if (isChildSeq(row, cur.seqKey)) return { attach: true, nameAsSubItem: row.nameKey !== cur.nameKey, childSeq: true };
    if (row.seqKey !== cur.seqKey) return { attach: false };
    if (row.nameKey === cur.nameKey) return { attach: true };
    return { attach: false, warning: "序号与上一事项相同，但事项名称不同，已作为新事项处理" };
  }
  return { attach: row.nameKey === cur.nameKey };
}

/** 「1.1」「1-2」 under item 「1」, or 「(1)」「（1）」「①」 under a numbered item: a sub-item's number. */
function isChildSeq(row: { seqKey: string; seqRaw: string }, parentKey: string): boolean {
  if (!/^\d+$/.test(parentKey)) return false;
  const dotted = /^(\d+)[.\-_－—·](\d+)$/.exec(row.seqKey);
  if (dotted) return dotted[1] === parentKey;
  return /^([(（]\d+[)）]|[\u2460-\u2473])$/.test(row.seqRaw.replace(/\s+/g, ""));
}

interface ResolvedType {
  value?: string;
  known: boolean;
  raw?: string;
  source?: PowerTypeSource;
}

function resolveType(record: RowRecord, ctx: SheetContext): ResolvedType {
  const raw = record.values.powerType;
  if (raw) {
    const canonical = normalisePowerType(raw, ctx.typeMap);
    return canonical ? { value: canonical, known: true, raw, source: "column" } : { value: raw, known: false, raw, source: "column" };
  }
  if (record.sectionType) return { value: record.sectionType, known: true, raw: record.sectionText, source: "section" };
  if (ctx.sheetType) return { value: ctx.sheetType, known: true, raw: ctx.sheetName, source: "sheet" };
  return { known: false };
}

function finishItem(draft: ItemDraft, ctx: SheetContext): ParsedItem {
  const first = draft.subRows[0].record;
  // With a parent row (「1」 above 「1.1」「1.2」) the item's own fields come from that row and
  // only the children are sub-items.
  const subRows = draft.parentRow ? draft.subRows.slice(1) : draft.subRows;
  const fieldRows = draft.parentRow ? [draft.subRows[0]] : subRows;
  const issues = draft.issues;
  const rows = [...draft.rowSet].sort((a, b) => a - b).map((r) => r + 1);
  const types = subRows.map((s) => resolveType(s.record, ctx));
  const name = draft.subRows.map((s) => s.record.values.name).find((n) => !!n) ?? "";
  const seq = draft.subRows.map((s) => s.record.values.seq).find((n) => !!n);

  const item: ParsedItem = {
    name,
    sheet: ctx.sheetName,
    row: rows[0],
    rows,
    seqCount: 1,
    powerTypeKnown: false,
    subItems: [],
    issues,
  };
  if (seq) item.seq = seq;

  // Fields shared by all sub-rows belong to the main item.
  for (const field of CANONICAL_FIELDS) {
    if (IDENTITY_FIELDS.has(field) || field === "subItemName") continue;
    const v0 = first.values[field];
    if (fieldRows.every((s) => s.record.values[field] === v0) && v0 !== undefined) item[field] = v0;
  }
  if (first.extra) item.extra = first.extra;

  const ownType = resolveType(first, ctx);
  const mainType = draft.parentRow && ownType.value ? ownType : (types.find((t) => t.value) ?? types[0]);
  if (mainType.value) {
    item.powerType = mainType.value;
    item.powerTypeKnown = mainType.known;
    if (mainType.raw) item.powerTypeRaw = mainType.raw;
    item.powerTypeSource = mainType.source;
  }

  // Sub-items.
  const hasSubItems = draft.parentRow || subRows.length > 1 || !!first.values.subItemName;
  if (hasSubItems) {
    item.subItems = subRows.map((s, i) => {
      const { seq: _seq, name: _name, powerType: _type, ...own } = s.record.values;
      const t = types[i];
      const sub: ParsedSubItem = {
        ...own,
        row: s.rows[0] + 1,
        rows: s.rows.map((r) => r + 1),
        powerTypeKnown: t.known,
        issues: [],
      };
      if (t.value) sub.powerType = t.value;
      if (s.record.extra) sub.extra = s.record.extra;
      if (!t.known && t.value && t.value !== item.powerType) {
        sub.issues.push({ level: "warning", field: "powerType", message: unknownTypeMessage(t.value) });
      }
      return sub;
    });
    const distinctTypes = [...new Set(types.map((t) => t.value).filter(Boolean))];
    if (distinctTypes.length > 1) {
      issues.push({ level: "warning", field: "powerType", message: `各子项的权力类型不一致：${distinctTypes.join("、")}` });
    }
  }

  // 序号.
  if (seq) {
    const parsed = parseSeq(seq);
    item.seqCount = parsed.count;
    if (parsed.count > 1) {
      issues.push({
        level: "warning",
        field: "seq",
        message: `序号「${seq}」表示 ${parsed.count} 个事项合写在同一行，按 ${parsed.count} 项计数，导入后请核实是否需要拆分`,
      });
    }
  }

  // Checks.
  if (!name) issues.push({ level: "error", field: "name", message: "缺少事项名称" });
  if (!mainType.value) {
    issues.push({ level: "warning", field: "powerType", message: "缺少权力类型" });
  } else if (!mainType.known) {
    issues.push({ level: "warning", field: "powerType", message: unknownTypeMessage(mainType.value) });
  } else if (mainType.source === "column" && ctx.sheetType && mainType.value !== ctx.sheetType) {
    issues.push({
      level: "warning",
      field: "powerType",
      message: `权力类型「${mainType.value}」与工作表名称「${ctx.sheetName}」中的「${ctx.sheetType}」不一致`,
    });
  }
  return item;
}

function unknownTypeMessage(raw: string): string {
  return `无法识别的权力类型「${shorten(raw, 30)}」，已保留原文；请指定它对应的标准权力类型`;
}

function sanitiseColumnMap(map: Record<number, CanonicalField | null> | undefined): Record<number, CanonicalField | null> | undefined {
  if (!map) return undefined;
  const out: Record<number, CanonicalField | null> = {};
  for (const [k, v] of Object.entries(map)) {
    const index = Number(k);
    if (!Number.isInteger(index) || index < 0) continue;
    if (v === null || isCanonicalField(v)) out[index] = v;
  }
  return out;
}

/* ------------------------------------------------------------------------------------------ */
/* File level                                                                                 */
/* ------------------------------------------------------------------------------------------ */

function duplicateKeys(item: ParsedItem): string[] {
  const base = `${comparisonKey(item.name)}|`;
  const type = `|${item.powerType ?? ""}`;
  if (!item.subItems.length) return [`${base}${type}`];
  return [...new Set(item.subItems.map((s) => `${base}${comparisonKey(s.subItemName)}${type}`))];
}

/** Same name + sub-item + type twice within the file: warn on the later one. */
function markDuplicates(sheets: SheetResult[]): void {
  const seen = new Map<string, ParsedItem>();
  for (const sheet of sheets) {
    for (const item of sheet.parsedItems) {
      if (!item.name) continue;
      for (const key of duplicateKeys(item)) {
        const previous = seen.get(key);
        if (!previous) {
          seen.set(key, item);
          continue;
        }
        const where = previous.sheet === item.sheet ? `第 ${previous.row} 行` : `工作表「${previous.sheet}」第 ${previous.row} 行`;
        const sub = key.split("|")[1];
        item.issues.push({
          level: "warning",
          field: "name",
          message: `与${where}的事项重复（事项名称${sub ? "、子项" : ""}和权力类型相同）`,
        });
        break;
      }
    }
  }
}

function issueLine(row: number, name: string, issue: ImportIssue): string {
  const label = name ? `「${shorten(name)}」` : "";
  const level = issue.level === "error" ? "【错误】" : "";
  return `第 ${row} 行${label}：${level}${issue.message}`;
}

/**
 * Parse a published power-list spreadsheet.
 *
 * @param buffer   file content (xlsx, xls, csv…; the format is detected from the bytes)
 * @param fileName original name, used for messages and to notice mislabelled files
 * @param options  user corrections: column mapping per sheet, power-type mapping
 */
export function parseWorkbook(buffer: Buffer | Uint8Array, fileName: string, options: ParseOptions = {}): ParseResult {
  const result: ParseResult = { fileName, ok: false, notices: [], sheets: [], items: [], itemCount: 0, subItemCount: 0 };
  let read;
  try {
    read = readWorkbookBytes(buffer, fileName);
  } catch (error) {
    result.error = `无法读取文件：${error instanceof Error ? error.message : String(error)}`;
    return result;
  }
  if (!read.ok) {
    result.error = read.error;
    result.format = read.format;
    return result;
  }
  result.format = read.format;
  result.notices = read.notices;
  const wb = read.workbook;
  if (!wb.SheetNames?.length) {
    result.error = "工作簿中没有工作表。";
    return result;
  }
  try {
    wb.SheetNames.forEach((sheetName, index) => {
      const ws = wb.Sheets[sheetName];
      const hidden = !!wb.Workbook?.Sheets?.[index]?.Hidden;
      result.sheets.push(ws ? parseSheet(ws, sheetName, options, hidden) : skipSheet(blankSheet(sheetName, options), "空工作表，已跳过"));
    });
  } catch (error) {
    result.error = `解析表格时出错：${error instanceof Error ? error.message : String(error)}`;
    return result;
  }

  markDuplicates(result.sheets);
  for (const sheet of result.sheets) {
    for (const item of sheet.parsedItems) {
      for (const issue of item.issues) sheet.warnings.push(issueLine(item.row, item.name, issue));
      for (const sub of item.subItems) {
        for (const issue of sub.issues) sheet.warnings.push(issueLine(sub.row, sub.subItemName ?? item.name, issue));
      }
    }
    result.items.push(...sheet.parsedItems);
    result.itemCount += sheet.items;
    result.subItemCount += sheet.subItems;
  }

  if (!result.sheets.some((s) => s.status === "parsed")) {
    const allEmpty = result.sheets.every((s) => s.skipReason?.startsWith("空工作表"));
    result.error = allEmpty
      ? "工作簿中所有工作表都是空的，没有可导入的内容。"
      : "未能在任何工作表中识别到表头。清单需要有包含“事项名称”（或“项目名称”“权力名称”等）列名的表头行。";
    return result;
  }
  result.ok = true;
  return result;
}

/** Chinese label of a field, for UIs (re-exported for convenience). */
export function fieldLabel(field: CanonicalField): string {
  return FIELD_LABELS[field];
}
