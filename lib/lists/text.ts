import { normaliseText } from "@/lib/catalogue/item-data";

export { normaliseText };

/** The laws an item cites: 《…》 titles in its legal basis, without the 中华人民共和国 prefix. */
export function citedLaws(legalBasis: string | null | undefined): string[] {
  const out = new Set<string>();
  for (const m of String(legalBasis ?? "").matchAll(/《([^》]{2,60})》/g)) {
    out.add(m[1]);
    const short = m[1].replace(/^中华人民共和国/, "");
    if (short !== m[1] && short.length >= 2) out.add(short);
  }
  return [...out];
}

/**
 * What text search looks in, normalised: name, sub-item, code, power type, department and the
 * titles of the laws cited (not the whole basis, which would make the search index ten times
 * larger for little gain). Parts are separated by a newline so no match spans two of them.
 */
export function itemSearchText(item: {
  name: string;
  subItemName?: string | null;
  code?: string | null;
  powerType?: string | null;
  departmentName?: string | null;
  legalBasis?: string | null;
}): string {
  const parts = [item.name, item.subItemName, item.code, item.powerType, item.departmentName, ...citedLaws(item.legalBasis)];
  return parts.map(normaliseText).filter(Boolean).join("\n");
}

/** A search query as it is matched: normalised, at most 50 characters. */
export function searchQuery(q: string | null | undefined): string {
  return normaliseText(q).slice(0, 50);
}

/** Distinct character bigrams, as the SQL function qingdan_bigrams() computes them. */
export function bigrams(text: string): string[] {
  const chars = [...text];
  const out = new Set<string>();
  for (let i = 0; i < chars.length - 1; i++) {
    const pair = chars[i] + chars[i + 1];
    if (!/\s/.test(pair)) out.add(pair);
  }
  return [...out];
}

/** Escapes LIKE wildcards so the query matches literally. */
export function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
