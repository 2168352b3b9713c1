// Text written into exported spreadsheets and CSV files, and the name they download under.

/**
 * Spreadsheet programs run a cell that starts with = + - @ (or a tab / carriage return that
 * hides one) as a formula. Exported text is data: such cells get a leading single quote.
 */
export function neutraliseCell(value: string | null | undefined): string {
  const text = value ?? "";
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** The same for a cell of any type: only text can be taken for a formula. */
export function neutraliseValue<T>(value: T): T | string {
  return typeof value === "string" ? neutraliseCell(value) : value;
}

/** One CSV field: neutralised, and quoted when it holds a quote, a comma or a line break. */
export function csvField(value: string): string {
  const text = neutraliseCell(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV of rows of fields, with a UTF-8 BOM (so Excel reads the Chinese) and CRLF line ends. */
export function csvText(rows: string[][]): string {
  return `\ufeff${rows.map((row) => row.map(csvField).join(",")).join("\r\n")}\r\n`;
}

/** Content-Disposition with an ASCII fallback and the real (Chinese) name as RFC 5987 UTF-8. */
export function contentDisposition(fileName: string, fallback: string): string {
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback.replace(/[^\x20-\x7e]|"/g, "_")}"; filename*=UTF-8''${encoded}`;
}
