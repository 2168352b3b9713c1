import { benchLayout, generateCatalogueWorkbook } from "../../lib/catalogue/import/bench-data";
import { writeAudit } from "../../lib/audit/write";
import { commitFile, createEdition, sha256Of } from "../../lib/catalogue/commands";
import { previewFile } from "../../lib/catalogue/importing";
import { queryEditionCounts, queryItems } from "../../lib/catalogue/queries/items";
import { itemFilterSchema } from "../../lib/catalogue/schema";
import { EMPTY_IMPORT_OPTIONS } from "../../lib/catalogue/schema";
import type { Tx } from "../../lib/db/client";
import { ms, percentile, timeRuns, type BenchSuite } from "./types";

const EDITIONS = 10;

export const catalogueBench: BenchSuite = {
  name: "catalogue",
  async run({ prisma }) {
    const ctx = (tx: Tx) => ({ tx, user: null, audit: (e: Parameters<typeof writeAudit>[3]) => writeAudit(tx, null, { address: null, userAgent: "bench" }, e) });

    // 1. Upload → preview of a 5,000-row workbook (parse with SheetJS + our preview), cold each time.
    const rows5k = generateCatalogueWorkbook(5000);
    const base = await prisma.$transaction((tx) => createEdition({ kind: "GUIDANCE", title: "基准版本（导入）" }, ctx(tx)));
    let run = 0;
    const preview = await timeRuns(
      () => previewFile(prisma, { editionId: base.id, fileName: `bench-${run++}.xlsx`, sha256: sha256Of(rows5k), bytes: rows5k, options: EMPTY_IMPORT_OPTIONS }),
      5,
      1,
    );

    // 2. Commit 5,000 items (7,000 rows: every fifth item has three sub-item rows) into a draft,
    // as the web commit runs it right after its preview (the parse is cached by then).
    const rows7k = generateCatalogueWorkbook(7000);
    const layout = benchLayout(7000);
    await previewFile(prisma, { editionId: base.id, fileName: "bench-5000.xlsx", sha256: sha256Of(rows7k), bytes: rows7k, options: EMPTY_IMPORT_OPTIONS });
    const commits: number[] = [];
    let firstId = 0;
    for (let i = 0; i < 3; i++) {
      const edition = await prisma.$transaction((tx) => createEdition({ kind: "GUIDANCE", title: `基准版本 ${i + 1}` }, ctx(tx)));
      const t = performance.now();
      const summary = await prisma.$transaction((tx) => commitFile({ editionId: edition.id, fileName: "bench-5000.xlsx", bytes: rows7k, source: "CLI" }, ctx(tx)), { timeout: 120_000 });
      commits.push(performance.now() - t);
      if (summary.items !== layout.items) throw new Error(`committed ${summary.items} items, expected ${layout.items}`);
      if (i === 0) firstId = edition.id;
      else await prisma.catalogueEdition.delete({ where: { id: edition.id } });
    }
    commits.sort((a, b) => a - b);

    // Domains for the filters (bench-data has none; 11 so they do not line up with the 6 types),
    // then 9 copies: 10 editions × 5,000 items.
    const domains = await prisma.dictionaryEntry.findMany({ where: { kind: "DOMAIN" }, orderBy: { sortOrder: "asc" }, take: 11, select: { id: true } });
    await prisma.$executeRawUnsafe(
      `UPDATE catalogue_item SET domain_id = (ARRAY[${domains.map((d) => d.id).join(",")}])[1 + position % ${domains.length}] WHERE edition_id = $1`,
      firstId,
    );
    const copies: number[] = [];
    for (let i = 1; i < EDITIONS; i++) {
      const t = performance.now();
      await prisma.$transaction((tx) => createEdition({ kind: "GUIDANCE", title: `基准副本 ${i}`, copyFromId: firstId }, ctx(tx)), { timeout: 120_000 });
      copies.push(performance.now() - t);
    }
    copies.sort((a, b) => a - b);
    // The steady state autovacuum keeps: statistics current, visibility map set.
    await prisma.$executeRawUnsafe("VACUUM ANALYZE catalogue_item");
    await prisma.$executeRawUnsafe("VACUUM ANALYZE catalogue_sub_item");
    const total = await prisma.catalogueItem.count();

    // 3. The edition table's queries, exactly as the page calls them.
    const penalty = await prisma.dictionaryEntry.findFirstOrThrow({ where: { kind: "POWER_TYPE", name: "行政处罚" } });
    const target = firstId;
    const filtered = itemFilterSchema.parse({ type: String(penalty.id), domain: String(domains[3].id), q: "国务院令第6" });
    const probe = await queryItems(prisma, target, filtered);
    if (probe.total === 0) throw new Error("the filtered benchmark query matches nothing");
    const table = await timeRuns(() => queryItems(prisma, target, filtered), 50, 5);
    const textOnly = await timeRuns(() => queryItems(prisma, target, itemFilterSchema.parse({ q: "第十届全国人民代表大会常务委员会第7次" })), 50, 5);
    const firstPage = await timeRuns(() => queryItems(prisma, target, itemFilterSchema.parse({})), 50, 5);
    const sorted = await timeRuns(() => queryItems(prisma, target, itemFilterSchema.parse({ sort: "name", page: "100" })), 30, 3);
    const counts = await timeRuns(() => queryEditionCounts(prisma, target), 50, 5);

    return [
      { name: "parse + preview 5,000-row .xlsx, p50", value: ms(percentile(preview, 50)), target: "< 2 s" },
      { name: "parse + preview 5,000-row .xlsx, max", value: ms(preview[preview.length - 1]), target: "< 2 s" },
      { name: `commit ${layout.items} items + ${layout.subItems} sub-items, p50`, value: ms(percentile(commits, 50)), target: "< 2 s" },
      { name: `copy an edition of ${layout.items} items, p50`, value: ms(percentile(copies, 50)), target: "—" },
      { name: `table: type+domain+text over ${total} items, p50`, value: ms(percentile(table, 50)), target: "< 50 ms" },
      { name: `table: type+domain+text over ${total} items, p95`, value: ms(percentile(table, 95)), target: "< 50 ms" },
      { name: "table: text only (whole edition), p95", value: ms(percentile(textOnly, 95)), target: "< 50 ms" },
      { name: "table: first page, no filter, p95", value: ms(percentile(firstPage, 95)), target: "< 50 ms" },
      { name: "table: sorted by name, page 100, p95", value: ms(percentile(sorted, 95)), target: "< 50 ms" },
      { name: "counts by type/domain/department, p95", value: ms(percentile(counts, 95)), target: "< 50 ms" },
    ];
  },
};
