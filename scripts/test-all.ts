// `npm test`: unit, integration and browser suites in turn; ends with one plain line,
// "N passed, N failed", summed over every suite, and a non-zero exit on any failure.
import fs from "node:fs";
import path from "node:path";
import { bin, generateClient, root, run } from "./runtime";
import { ensureBrowserDeps } from "./browser-deps";

type Tally = { suite: string; passed: number; failed: number; note?: string };

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Vitest's and Playwright's JSON reports, read loosely
function readJson(file: string): any | null {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

async function vitest(project: "unit" | "integration"): Promise<Tally> {
  const out = path.join(root, "test-results", `${project}.json`);
  fs.rmSync(out, { force: true });
  const code = await run(bin("vitest"), ["run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${out}`]);
  const report = readJson(out);
  if (!report) return { suite: project, passed: 0, failed: 1 };
  const failed = report.numFailedTests + (code !== 0 && report.numFailedTests === 0 ? 1 : 0);
  return { suite: project, passed: report.numPassedTests, failed };
}

async function e2e(): Promise<Tally> {
  // Chromium, CJK fonts and poppler: installed here when we can (root, apt-get), else one line.
  const browser = ensureBrowserDeps();
  if (!browser.ok) {
    console.log(browser.message);
    return { suite: "e2e", passed: 0, failed: 1, note: browser.message };
  }
  const out = path.join(root, "test-results", "e2e-report.json");
  fs.rmSync(out, { force: true });
  const code = await run("node", [path.join(root, "node_modules", "tsx", "dist", "cli.mjs"), "scripts/e2e.ts"]);
  const report = readJson(out);
  if (!report) return { suite: "e2e", passed: 0, failed: 1 };
  const s = report.stats ?? {};
  const failed = (s.unexpected ?? 0) + (code !== 0 && !s.unexpected ? 1 : 0);
  return { suite: "e2e", passed: (s.expected ?? 0) + (s.flaky ?? 0), failed };
}

async function main() {
  fs.mkdirSync(path.join(root, "test-results"), { recursive: true });
  await generateClient();
  const only = process.argv.slice(2);
  const want = (s: string) => only.length === 0 || only.includes(s);
  const tallies: Tally[] = [];
  if (want("unit")) tallies.push(await vitest("unit"));
  if (want("integration")) tallies.push(await vitest("integration"));
  if (want("e2e")) tallies.push(await e2e());
  console.log("");
  for (const t of tallies) console.log(`  ${t.suite.padEnd(12)} ${t.passed} passed, ${t.failed} failed${t.note ? ` (${t.note})` : ""}`);
  const passed = tallies.reduce((n, t) => n + t.passed, 0);
  const failed = tallies.reduce((n, t) => n + t.failed, 0);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  console.log("0 passed, 1 failed");
  process.exit(1);
});
