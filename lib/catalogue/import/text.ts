/**
 * Text clean-up for cell values of published lists (pure functions).
 *
 * Real lists are typed into narrow, hand-sized columns, so the text is full of visual line
 * breaks («对拒绝\n配合统\n计调查»), stray spaces («规范 ，也可结合»), zero-width characters and
 * CR/LF mixtures. Names are made single-line; long texts keep their real paragraphs.
 */

const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/g;

const CJK_OR_FULLWIDTH = /[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u3000-\u303f\u2018-\u201d\u2026]/;

function isCjk(ch: string | undefined): boolean {
  return ch !== undefined && CJK_OR_FULLWIDTH.test(ch);
}

/** Join two fragments of one wrapped text: no space between CJK characters, else one space. */
function joinFragments(a: string, b: string): string {
  if (!a) return b;
  if (!b) return a;
  return isCjk(a[a.length - 1]) || isCjk(b[0]) ? a + b : `${a} ${b}`;
}

/**
 * Remove ASCII spaces next to CJK characters («【 法律】», «12 月8 日»), collapse other runs of
 * spaces to one. A full-width space (U+3000) is deliberate typography («第十五条　公众…») and
 * stays as one space.
 */
export function collapseInlineSpaces(text: string): string {
  const s = text.replace(/[\t\n\r\f\v ]+/g, " ").trim();
  let out = "";
  let i = 0;
  while (i < s.length) {
    const ch = s[i];
    if (ch !== " " && ch !== "\u3000") {
      out += ch;
      i++;
      continue;
    }
    let j = i;
    let fullWidth = false;
    while (j < s.length && (s[j] === " " || s[j] === "\u3000")) {
      if (s[j] === "\u3000") fullWidth = true;
      j++;
    }
    const before = out[out.length - 1];
    const after = s[j];
    if (before !== undefined && after !== undefined && (fullWidth || !(isCjk(before) || isCjk(after)))) out += " ";
    i = j;
  }
  return out;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * Lines of a text that was hard-wrapped to a narrow column (several lines, most of them a few
 * characters long) are fragments of one paragraph, not real lines.
 */
export function looksHardWrapped(lineLengths: number[], minLines = 3, maxMedian = 6): boolean {
  return lineLengths.length >= minLines && median(lineLengths) <= maxMedian;
}

/** A line that starts a new list entry or a new legal source: keep the break before it. */
const LIST_START = /^(?:\d+[.、．)）]|[（(][\d一二三四五六七八九十]+[)）]|[①-⑳]|[一二三四五六七八九十]+、|第[一二三四五六七八九十百零\d]+条|【)/;

/** Non-empty, trimmed lines of a cell text. */
export function textLines(raw: string): string[] {
  return raw
    .replace(INVISIBLE, "")
    .replace(/_x000[dD]_/g, "")
    .replace(/\r\n?/g, "\n")
    .replace(/\u00a0/g, " ")
    .split("\n")
    .map((line) => line.replace(/^[\s\u3000]+|[\s\u3000]+$/g, ""))
    .filter((line) => line.length > 0);
}

/**
 * How line breaks of a cell are treated:
 * - "single": names, types, codes, sequence numbers: every break is a visual wrap;
 * - "unwrap": the column is known to be hard-wrapped: join fragments, keep list breaks;
 * - "auto": keep paragraphs unless this cell itself looks hard-wrapped.
 */
export type WrapMode = "single" | "unwrap" | "auto";

/** Clean a cell text (see {@link WrapMode}); spaces next to CJK characters are removed. */
export function cleanCellText(raw: string, mode: WrapMode | boolean): string {
  if (!raw) return "";
  const wrap: WrapMode = mode === true ? "single" : mode === false ? "auto" : mode;
  const lines = textLines(raw);
  if (!lines.length) return "";
  if (wrap === "single") return collapseInlineSpaces(lines.reduce(joinFragments, ""));
  if (wrap === "unwrap" || looksHardWrapped(lines.map((l) => l.length))) {
    const paragraphs: string[] = [];
    for (const line of lines) {
      if (paragraphs.length && !LIST_START.test(line)) {
        paragraphs[paragraphs.length - 1] = joinFragments(paragraphs[paragraphs.length - 1], line);
      } else paragraphs.push(line);
    }
    return paragraphs.map(collapseInlineSpaces).join("\n");
  }
  return lines.map(collapseInlineSpaces).join("\n");
}

/** Comparison key: NFKC, no whitespace, lower-case. */
export function comparisonKey(text: string | undefined | null): string {
  return String(text ?? "")
    .normalize("NFKC")
    .replace(INVISIBLE, "")
    .replace(/\s+/g, "")
    .toLowerCase();
}

/** Excel-style column letter of a 0-based column index (0 → A, 26 → AA). */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Shorten a text for messages. */
export function shorten(text: string, max = 24): string {
  const single = text.replace(/\s+/g, " ");
  return single.length > max ? `${single.slice(0, max)}…` : single;
}
