import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// One date format everywhere (issue 12): dates are shown through lib/format.ts (formatDate
// 2026-12-27 for tables and exports, formatDateText 2026年12月27日 for running text). This keeps
// ad-hoc formatting from coming back in app/, components/ and lib/.

const ROOT = path.resolve(import.meta.dirname, "..");
/** Where formatting a date by hand is the point: the shared helpers themselves. */
const HELPERS = new Set(["lib/format.ts", "lib/dates.ts"]);
/** Day arithmetic and parsing, not display (a "YYYY-MM-DD" computed in UTC on purpose). */
const DAY_ARITHMETIC = new Set(["lib/calendar/workdays.ts", "lib/appraisal/commands.ts", "lib/catalogue/import/parse.ts"]);

function sources(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "generated" || e.name === "node_modules" ? [] : sources(rel);
    return /\.(ts|tsx)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [rel] : [];
  });
}

const RULES: { name: string; pattern: RegExp; allowed: Set<string> }[] = [
  { name: "toLocaleDateString / toLocaleTimeString", pattern: /\.toLocale(Date|Time)String\(/, allowed: new Set() },
  { name: "a Date's toLocaleString", pattern: /(Date\(\)|At|On|date|Date)\)?\.toLocaleString\(/, allowed: new Set() },
  { name: "Intl.DateTimeFormat", pattern: /Intl\.DateTimeFormat\(/, allowed: HELPERS },
  { name: "toISOString().slice(0, 10)", pattern: /toISOString\(\)\.slice\(0, ?10\)/, allowed: new Set([...HELPERS, ...DAY_ARITHMETIC]) },
  { name: "a date written out by hand (`${y}年${m}月${d}日`)", pattern: /\$\{[^}]+\}年\$\{[^}]+\}月/, allowed: new Set([...HELPERS, "lib/catalogue/import/bench-data.ts"]) },
];

describe("dates are formatted only by lib/format.ts", () => {
  const files = ["app", "components", "lib"].flatMap(sources);
  for (const rule of RULES) {
    it(`no ${rule.name} outside the helpers`, () => {
      const found = files.filter((f) => !rule.allowed.has(f) && rule.pattern.test(fs.readFileSync(path.join(ROOT, f), "utf8")));
      expect(found).toEqual([]);
    });
  }
});
