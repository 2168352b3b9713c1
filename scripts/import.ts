// `npm run import -- [--dry-run] [--json] <file>...`: reads published power-list spreadsheets and
// imports each into a new draft guidance edition (titled from the file name), through the same
// commit command as the web import, into the database the app uses. With --dry-run nothing is
// written; with --json stdout carries exactly one JSON object (the import report).
import fs from "node:fs";
import path from "node:path";
import { readFile } from "node:fs/promises";
import type { Report } from "./import-report";
import type { Database } from "./runtime";
// The database side (embedded PostgreSQL, migrations, Prisma) is loaded only when importing, so
// `--dry-run` and `--help` start in a fraction of a second.

const USAGE = `用法：npm run import -- [--dry-run] [--json] <文件>...

  把 Excel（.xlsx/.xls）或 CSV 格式的权责清单导入为新的「赋权事项指导清单」草稿版本
  （每个文件一个版本，以文件名命名），导入后请在网页中核对、发布。

  --dry-run  只解析并报告，不写入数据库
  --json     以 JSON 输出报告（标准输出只有一个 JSON 对象）
  --help     显示本说明`;

type Imported = {
  file: string;
  ok: boolean;
  error: string | null;
  editionId: number | null;
  title: string | null;
  items: number;
  subItems: number;
  skipped: number;
};

function parseArgs(argv: string[]) {
  const flags = new Set(argv.filter((a) => a.startsWith("--")));
  const files = argv.filter((a) => !a.startsWith("--"));
  const unknown = [...flags].filter((f) => !["--dry-run", "--json", "--help"].includes(f));
  return { dryRun: flags.has("--dry-run"), json: flags.has("--json"), help: flags.has("--help"), files, unknown };
}

/** The embedded database may already be serving the app: then connect to it instead of starting it. */
async function connect(): Promise<Database> {
  const { openDatabase, root } = await import("./runtime");
  const { env } = await import("../lib/env");
  const { embeddedUrl, readCredentials } = await import("../lib/db/embedded");
  try {
    return await openDatabase();
  } catch (error) {
    const credentials = path.resolve(root, env.QINGDAN_DATA_DIR, "postgres.json");
    if (env.DATABASE_URL || !fs.existsSync(credentials) || !/已被占用/.test(String((error as Error)?.message))) throw error;
    const { owner, runtime } = readCredentials(path.dirname(credentials));
    const url = embeddedUrl(runtime, env.QINGDAN_PG_PORT, "qingdan");
    const ownerUrl = embeddedUrl(owner, env.QINGDAN_PG_PORT, "qingdan");
    console.log("内置数据库已在运行（系统正在使用），直接连接它导入。");
    return { url, ownerUrl, embedded: false, stop: async () => {} };
  }
}

function titleFromFile(file: string): string {
  const base = path.basename(file).replace(/\.(xlsx|xlsm|xls|csv|txt)$/i, "").trim() || "导入的清单";
  return base.length >= 4 ? base : `${base}（导入）`;
}

async function importFiles(report: Report): Promise<Imported[]> {
  const targets = report.files.filter((f) => f.ok);
  if (targets.length === 0) return [];
  const { generateClient, migrate, root } = await import("./runtime");
  if (!fs.existsSync(path.join(root, "lib/generated/prisma/client.ts"))) await generateClient();
  const db = await connect();
  const results: Imported[] = [];
  try {
    await migrate(db);
    const { createPrismaClient } = await import("../lib/db/client");
    const { writeAudit } = await import("../lib/audit/write");
    const { commitFile, createEdition } = await import("../lib/catalogue/commands");
    const { AppError } = await import("../lib/errors");
    const prisma = createPrismaClient(db.url);
    try {
      for (const entry of targets) {
        const fileName = path.basename(entry.file);
        try {
          const bytes = await readFile(entry.file);
          const base = titleFromFile(entry.file);
          const taken = new Set(
            (await prisma.catalogueEdition.findMany({ where: { kind: "GUIDANCE", title: { startsWith: base } }, select: { title: true } })).map((e) => e.title),
          );
          let title = base;
          for (let n = 2; taken.has(title); n++) title = `${base}（${n}）`;
          const result = await prisma.$transaction(
            async (tx) => {
              const ctx = { tx, user: null, audit: (e: Parameters<typeof writeAudit>[3]) => writeAudit(tx, null, { address: null, userAgent: "qingdan-cli" }, e) };
              const edition = await createEdition({ kind: "GUIDANCE", title, description: `由命令行从文件「${fileName}」导入。` }, ctx);
              const summary = await commitFile({ editionId: edition.id, fileName, bytes, source: "CLI" }, ctx);
              return summary;
            },
            { timeout: 10 * 60_000, maxWait: 60_000 },
          );
          results.push({ file: entry.file, ok: true, error: null, editionId: result.editionId, title, items: result.items, subItems: result.subItems, skipped: result.skipped });
        } catch (error) {
          const message = error instanceof AppError ? error.message : `导入失败：${error instanceof Error ? error.message : String(error)}`;
          results.push({ file: entry.file, ok: false, error: message, editionId: null, title: null, items: 0, subItems: 0, skipped: 0 });
        }
      }
    } finally {
      await prisma.$disconnect();
    }
  } finally {
    await db.stop();
  }
  return results;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  if (args.unknown.length || args.files.length === 0) {
    console.error(args.unknown.length ? `未知选项：${args.unknown.join(" ")}\n` : "请指定要导入的文件。\n");
    console.error(USAGE);
    return 2;
  }
  // With --json, stdout is for the one JSON object: everything else (database start-up,
  // migration messages) goes to stderr.
  const out = process.stdout.write.bind(process.stdout);
  if (args.json) {
    console.log = console.error;
    console.info = console.error;
    console.warn = console.error;
  }

  const { buildReport, formatReportText } = await import("./import-report");
  const report = await buildReport(args.files);
  const imported = args.dryRun ? null : await importFiles(report);
  const failed = report.totals.failed > 0 || (imported ?? []).some((r) => !r.ok);

  if (args.json) {
    out(`${JSON.stringify(imported ? { ...report, imported } : report, null, 2)}\n`);
  } else {
    out(`${formatReportText(report)}\n`);
    if (args.dryRun) out("\n（试运行：未写入数据库。）\n");
    for (const r of imported ?? []) {
      out(
        r.ok
          ? `\n✓ ${r.file}：已导入新草稿「${r.title}」（版本编号 ${r.editionId}），${r.items} 个事项${r.subItems ? `、${r.subItems} 个子项` : ""}${r.skipped ? `，跳过 ${r.skipped} 个相同事项` : ""}。\n`
          : `\n✗ ${r.file}：${r.error}\n`,
      );
    }
    if (imported?.some((r) => r.ok)) out("\n请在网页「赋权事项指导清单」中核对草稿，无误后发布。\n");
  }
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
