// Text that leaves the system as a downloaded file: CSV, spreadsheet cells, file names.

/**
 * Spreadsheet programs run a cell that starts with = + - @ (or a tab or carriage return that
 * hides one) as a formula. Exported text is data: such cells get a leading single quote.
 */
export function neutraliseCell(value: string | null | undefined): string {
  const text = value ?? "";
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** One CSV field: neutralised against formula injection, quoted when it must be. */
export function csvField(value: string | number | null | undefined): string {
  const text = neutraliseCell(value == null ? "" : String(value));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV with a UTF-8 BOM (so Excel reads the Chinese correctly) and CRLF line ends. */
export function csvTable(rows: (string | number | null | undefined)[][]): string {
  return `\ufeff${rows.map((r) => r.map(csvField).join(",")).join("\r\n")}\r\n`;
}

/** Content-Disposition with an ASCII fallback and the real (Chinese) name as RFC 5987 UTF-8. */
export function contentDisposition(fileName: string, fallback: string): string {
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback.replace(/[^\x20-\x7e]|"/g, "_")}"; filename*=UTF-8''${encoded}`;
}
