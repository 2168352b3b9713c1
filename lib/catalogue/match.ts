import { normalisePowerType, normalisePowerTypeKey } from "@/lib/catalogue/import/fields";
import { normaliseText } from "./item-data";

export type DictionaryOption = { id: number; code: string | null; name: string; synonyms: string[]; active: boolean };
export type DepartmentOption = { id: number; name: string; shortName: string | null };

/**
 * The dictionary power type a text stands for: an entry's name or synonym (after the parser's
 * normalisation: numbering, 「类」「事项」, counts stripped), else what the parser recognises,
 * matched by the entry's code. Inactive entries are not offered for new data.
 */
export function resolvePowerType(text: string | null | undefined, entries: DictionaryOption[]): DictionaryOption | null {
  if (!text || !text.trim()) return null;
  const active = entries.filter((e) => e.active);
  const key = normalisePowerTypeKey(text);
  if (key) {
    const direct = active.find((e) => normalisePowerTypeKey(e.name) === key || e.synonyms.some((s) => normalisePowerTypeKey(s) === key));
    if (direct) return direct;
  }
  const canonical = normalisePowerType(text);
  return canonical ? (active.find((e) => e.code === canonical) ?? null) : null;
}

/** The dictionary domain a text stands for (name or synonym, whitespace and 「领域」 ignored). */
export function resolveDomain(text: string | null | undefined, entries: DictionaryOption[]): DictionaryOption | null {
  const key = domainKey(text);
  if (!key) return null;
  return entries.find((e) => e.active && (domainKey(e.name) === key || e.synonyms.some((s) => domainKey(s) === key))) ?? null;
}

/** Entries that name no field of work (其他), which a name never implies. */
const CATCH_ALL_DOMAINS = new Set(["其他"]);

/**
 * The dictionary domain a department's, sheet's or file's name implies, for a list that has no
 * 领域 column: 「克拉玛依市消防救援支队」→ 消防, 「克拉玛依市人防系统权责清单」→ 人民防空,
 * 「市科技局」→ 科学技术. The texts are tried in order (the item's department first); in each, the
 * entry whose name or synonym is the longest part of the text wins, and a tie between two entries
 * (「公安局交通管理支队」: 公安 or 交通) decides nothing, nor does 「人民政府」 (no 民政). Null when nothing fits.
 */
export function inferDomain(texts: (string | null | undefined)[], entries: DictionaryOption[]): DictionaryOption | null {
  const terms = entries
    .filter((e) => e.active && !CATCH_ALL_DOMAINS.has(e.name))
    .flatMap((e) => [e.name, ...e.synonyms].map((t) => ({ entry: e, term: normaliseText(t) })))
    .filter((t) => t.term.length >= 2);
  for (const raw of texts) {
    // 「人民政府」 is no 民政: a government's name implies no domain.
    const text = normaliseText(raw).replace(/人民政府/g, "|");
    if (!text.replace(/\|/g, "")) continue;
    let best: { entry: DictionaryOption; length: number } | null = null;
    let tied = false;
    for (const { entry, term } of terms) {
      if (!text.includes(term)) continue;
      if (!best || term.length > best.length) {
        best = { entry, length: term.length };
        tied = false;
      } else if (term.length === best.length && entry.id !== best.entry.id) tied = true;
    }
    if (best && !tied) return best.entry;
  }
  return null;
}

function domainKey(text: string | null | undefined): string {
  return normaliseText(text).replace(/(领域|类|方面)$/, "");
}

/** Leading place names (「示例市」「东湖区」「克拉玛依市」) and the 「原」 of 「原实施部门」. */
const PLACE_PREFIX = /^(原)?([\u4e00-\u9fa5]{1,8}?(省|自治区|市|区|县|州|盟|旗))(?=[\u4e00-\u9fa5]{2,})/;

function departmentKey(text: string | null | undefined): string {
  return normaliseText(text).replace(/[（(][^）)]*[）)]/g, "");
}

/**
 * The department unit a free-text department name refers to, or null. Exact name or short
 * name first; then the text without its place prefix (「市场监督管理局」 for
 * 「示例市市场监督管理局」, 「市城管局」 for 「城管局」); a match must be unambiguous.
 */
export function matchDepartment(text: string | null | undefined, units: DepartmentOption[]): DepartmentOption | null {
  const key = departmentKey(text);
  if (key.length < 2) return null;
  const exact = units.filter((u) => departmentKey(u.name) === key || (u.shortName && departmentKey(u.shortName) === key));
  if (exact.length === 1) return exact[0];
  if (exact.length > 1) return null;
  const bare = stripPlace(key);
  const candidates = units.filter((u) => {
    const name = departmentKey(u.name);
    const short = u.shortName ? departmentKey(u.shortName) : "";
    return (
      stripPlace(name) === bare ||
      (short && (short === bare || (bare.endsWith(short) && bare.length - short.length <= 1))) ||
      (bare.length >= 4 && name.endsWith(bare))
    );
  });
  return candidates.length === 1 ? candidates[0] : null;
}

function stripPlace(key: string): string {
  let s = key;
  for (let i = 0; i < 3; i++) {
    const next = s.replace(PLACE_PREFIX, "");
    if (next === s) break;
    s = next;
  }
  return s;
}
