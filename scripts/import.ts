// `npm run import -- [--dry-run] [--json] <file>...`: reads published power-list spreadsheets and
// imports each into a new draft guidance edition (titled from the file name), through the same
// commit command as the web import, into the database the app uses. With --dry-run nothing is
// written; with --json stdout carries exactly one JSON object (the import report).
//
// `npm run import` runs this file compiled to JavaScript (scripts/import-cli.mjs); `tsx
// scripts/import.ts` still runs it from source. The database side (embedded PostgreSQL, migrations, Prisma: scripts/import-database.ts)
// is loaded only when importing, so `--dry-run` and `--help` start in a fraction of a second.

const USAGE = `用法：npm run import -- [--dry-run] [--json] <文件>...

  把 Excel（.xlsx/.xls）或 CSV 格式的权责清单导入为新的「赋权事项指导清单」草稿版本
  （每个文件一个版本，以文件名命名），导入后请在网页中核对、发布。

  --dry-run  只解析并报告，不写入数据库
  --json     以 JSON 输出报告（标准输出只有一个 JSON 对象）
  --help     显示本说明`;

/** The database side. Compiled, this file leaves it out and loads it from source under tsx. */
async function databaseSide(): Promise<typeof import("./import-database")> {
  if (!import.meta.url.endsWith(".ts")) (await import("tsx/esm/api")).register();
  return import("./import-database");
}

function parseArgs(argv: string[]) {
  const flags = new Set(argv.filter((a) => a.startsWith("--")));
  const files = argv.filter((a) => !a.startsWith("--"));
  const unknown = [...flags].filter((f) => !["--dry-run", "--json", "--help"].includes(f));
  return { dryRun: flags.has("--dry-run"), json: flags.has("--json"), help: flags.has("--help"), files, unknown };
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
  const imported = args.dryRun ? null : await (await databaseSide()).importFiles(report);
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
