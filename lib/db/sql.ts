/** The user's text inside a LIKE pattern, its wildcards literal (backslash is PostgreSQL's default escape). */
export function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
