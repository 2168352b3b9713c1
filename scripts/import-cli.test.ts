import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { HANGING_XLS, REAL_LISTS_DIR } from "@/tests/fixtures/paths";

// `npm run import` runs scripts/import-cli.mjs: the CLI compiled into node_modules/.cache, not
// TypeScript under tsx. These run it as a person does and check it answers from the compiled files.
const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "..");
const cacheDir = path.join(root, "node_modules/.cache/qingdan-import");
const current = () => JSON.parse(fs.readFileSync(path.join(cacheDir, "current.json"), "utf8")) as { dir: string; inputs: Record<string, string> };
const cli = (...args: string[]) => run(process.execPath, [path.join(root, "scripts/import-cli.mjs"), ...args], { cwd: root, maxBuffer: 16 * 1024 * 1024 });
const cliWithEnv = (env: Record<string, string>, ...args: string[]) =>
  run(process.execPath, [path.join(root, "scripts/import-cli.mjs"), ...args], { cwd: root, env: { ...process.env, ...env }, maxBuffer: 16 * 1024 * 1024 });
const FALLBACK = "改为直接运行源码";

describe("the compiled import CLI", () => {
  it("prints its usage from the compiled files", async () => {
    const { stdout, stderr } = await cli("--help");
    expect(stdout).toContain("用法：npm run import -- [--dry-run] [--json] <文件>...");
    expect(stderr).not.toContain(FALLBACK);
    const build = current();
    expect(fs.readdirSync(path.join(cacheDir, build.dir))).toEqual(expect.arrayContaining(["import.mjs", "parse-worker.mjs"]));
    // Its inputs are the CLI's own sources, the parser and the packages it bundles, never the database side.
    expect(Object.keys(build.inputs)).toEqual(expect.arrayContaining(["scripts/import.ts", "scripts/import-report.ts", "lib/catalogue/import/parse.ts", "scripts/import-cli.mjs"]));
    expect(Object.keys(build.inputs).filter((f) => /generated\/prisma|scripts\/runtime|lib\/db\//.test(f))).toEqual([]);
    // Unknown options still answer with the usage and exit code 2.
    await expect(cli("--frobnicate")).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining("未知选项：--frobnicate") });
  }, 60_000);

  it("parses a real spreadsheet in a compiled parse worker (--dry-run --json)", async () => {
    const file = path.join(REAL_LISTS_DIR, "karamay-civil-air-defence-office.xlsx");
    const { stdout, stderr } = await cli("--dry-run", "--json", file);
    expect(stderr).not.toContain(FALLBACK);
    const report = JSON.parse(stdout);
    expect(report.totals).toEqual({ files: 1, failed: 0, items: 17, subItems: 2 });
    expect(report.files[0]).toMatchObject({ file, ok: true, error: null });
    expect(report.files[0].sheets.map((s: { name: string }) => s.name)).toContain("行政许可（3项）");
  }, 60_000);

  it("keeps the parse time limit in its compiled workers: a never-ending file is stopped and reported", async () => {
    // Only the never-ending file: under a 1 s limit a good file could also run out of time on a busy machine.
    const failed = await cliWithEnv({ QINGDAN_IMPORT_PARSE_TIMEOUT_SECONDS: "1" }, "--dry-run", "--json", HANGING_XLS).catch((e: { code: number; stdout: string }) => e);
    expect(failed).toMatchObject({ code: 1 });
    const report = JSON.parse((failed as { stdout: string }).stdout);
    expect(report.totals).toEqual({ files: 1, failed: 1, items: 0, subItems: 0 });
    expect(report.files[0]).toMatchObject({ ok: false, error: expect.stringContaining("文件解析超时（超过 1 秒）") });
  }, 60_000);

  it("compiles again when a source file changes", async () => {
    await cli("--help");
    const before = current();
    const source = path.join(root, "scripts/import-report.ts");
    const { atime, mtime } = fs.statSync(source);
    try {
      fs.utimesSync(source, atime, new Date(mtime.getTime() + 1000));
      const { stdout } = await cli("--dry-run", path.join(REAL_LISTS_DIR, "karamay-2025-statistics-bureau.xlsx"));
      expect(stdout).toContain("合计：1 个文件（失败 0 个），3 个事项，0 个子项。");
      expect(current().dir).not.toBe(before.dir);
    } finally {
      fs.utimesSync(source, atime, mtime);
    }
  }, 60_000);

  it("is what npm run import runs", async () => {
    const scripts = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")).scripts;
    expect(scripts.import).toBe("node scripts/import-cli.mjs");
    const { stdout } = await run("npm", ["run", "--silent", "import", "--", "--help"], { cwd: root });
    expect(stdout).toContain("--dry-run  只解析并报告，不写入数据库");
  }, 60_000);
});
