/** A cell that a spreadsheet would run as a formula gets a leading apostrophe. */
export function safeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
