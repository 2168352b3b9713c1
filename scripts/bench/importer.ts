// Issue 14 §4: the import CLI's start-up and a dry run over 16 real spreadsheets (the six fixture
// files, copied round-robin to 16), each timed as a whole command, as a person runs it.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { REAL_LISTS_DIR } from "../../tests/fixtures/paths";
import { ms, percentile, type BenchSuite } from "./types";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");

async function timeCommand(args: string[], runs: number): Promise<number[]> {
  const tsx = path.join(root, "node_modules/.bin/tsx");
  const times: number[] = [];
  for (let i = 0; i < runs + 1; i++) {
    const t = performance.now();
    await run(tsx, [path.join(root, "scripts/import.ts"), ...args], { cwd: root, maxBuffer: 64 * 1024 * 1024 }).catch((e: { code?: number }) => {
      if (e.code !== 0 && e.code !== 1) throw e; // 1: some file had problems, still a full run
    });
    if (i > 0) times.push(performance.now() - t); // the first run warms tsx's compile cache
  }
  return times.sort((a, b) => a - b);
}

export const importerBench: BenchSuite = {
  name: "importer",
  async run() {
    const fixtures = fs.readdirSync(REAL_LISTS_DIR).filter((f) => /\.(xlsx|xls)$/.test(f)).sort();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "qingdan-import-bench-"));
    try {
      const files = Array.from({ length: 16 }, (_, i) => {
        const source = fixtures[i % fixtures.length];
        const target = path.join(dir, `${String(i + 1).padStart(2, "0")}-${source}`);
        fs.copyFileSync(path.join(REAL_LISTS_DIR, source), target);
        return target;
      });
      const bytes = files.reduce((n, f) => n + fs.statSync(f).size, 0);
      const startup = await timeCommand(["--help"], 5);
      const dryRun = await timeCommand(["--dry-run", "--json", ...files], 3);
      return [
        { name: "import CLI start-up (--help), p50", value: ms(percentile(startup, 50)), target: "< 500 ms" },
        {
          name: "import --dry-run of 16 real files, p50",
          value: ms(percentile(dryRun, 50)),
          target: `< 3 s; ${Math.round(bytes / 1024)} KB, ${os.availableParallelism()} cores, max ${ms(dryRun[dryRun.length - 1])}`,
        },
      ];
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
