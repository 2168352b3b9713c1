// Issue 14 §4: the import CLI's start-up and a dry run over 16 real spreadsheets (the six fixture
// files, copied round-robin to 16), each timed as a whole command, as a person runs it: the CLI
// as README names it (`node scripts/import-cli.mjs`, compiled on its first run), and once more
// through `npm run import`, which adds npm's own start-up.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { REAL_LISTS_DIR } from "../../tests/fixtures/paths";
import { ms, percentile, type BenchSuite } from "./types";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");

const cli = [process.execPath, path.join(root, "scripts/import-cli.mjs")];

async function timeCommand([command, ...args]: string[], runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs + 1; i++) {
    const t = performance.now();
    await run(command, args, { cwd: root, maxBuffer: 64 * 1024 * 1024 }).catch((e: { code?: number }) => {
      if (e.code !== 0 && e.code !== 1) throw e; // 1: some file had problems, still a full run
    });
    if (i > 0) times.push(performance.now() - t); // the first run warms the file system cache
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
      // What the first run after a change to the importer's code pays once: compiling it.
      const compile = await timeCommand([...cli, "--build"], 1);
      const startup = await timeCommand([...cli, "--help"], 10);
      const throughNpm = await timeCommand(["npm", "run", "--silent", "import", "--", "--help"], 5);
      const dryRun = await timeCommand([...cli, "--dry-run", "--json", ...files], 3);
      return [
        { name: "import CLI start-up (--help), p50", value: ms(percentile(startup, 50)), target: `< 500 ms; max ${ms(startup[startup.length - 1])}` },
        { name: "  the same through npm run import, p50", value: ms(percentile(throughNpm, 50)), target: "(npm's own start-up added)" },
        { name: "  compiling the CLI (first run after a change)", value: ms(compile[0]), target: "(once)" },
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
