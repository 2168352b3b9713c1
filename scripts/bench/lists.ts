// Power lists at province scale: 3,100 published street lists of 330–340 items, 3 versions
// each (about 3.2 million version items), generated with set-based SQL in seconds. Times the
// public list page's reads, the list JSON, the cross-list search (bigram GIN index, with pg_trgm
// and a plain scan for comparison), publishing a 340-item version and a diff of two versions.
// With a production build (`npm run build`) it also serves the portal with `next start` on the
// generated data and measures the list page's server time and its throughput under concurrent
// requests.
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import type { CommandContext } from "../../lib/action";
import type { SessionUser } from "../../lib/auth/types";
import { writeAudit } from "../../lib/audit/write";
import { publishList } from "../../lib/lists/commands";
import { countRows, filterRows, pageRows } from "../../lib/portal/items";
import { readDiff, readPublicList, readVersionItems, readVersionRows, searchPublished } from "../../lib/portal/read";
import { freePort } from "../test-db";
import { bareServer, load, stop } from "./load";
import { ms, percentile, timeRuns, type BenchSuite, type Figure } from "./types";
import { today as todayInChina } from "../../lib/dates";

// Sichuan alone has about 3,100 townships and streets: the largest province (issue 14 §2).
const LISTS = 3100;
const DISTRICTS = 100;

const SUBJECTS = [
  "违法建设", "占道经营", "乱倒垃圾", "噪声扰民", "食品摊贩", "消防通道", "户外广告", "燃气使用", "餐厨垃圾", "建筑垃圾",
  "城市绿化", "市容环境", "生猪屠宰", "农药经营", "森林防火", "河道采砂", "地质灾害", "安全生产", "劳动用工", "人口普查",
  "社会救助", "养老服务", "残疾人证", "退役军人", "殡葬管理", "文物保护", "网吧经营", "娱乐场所", "校外培训", "药品零售",
  "诊所执业", "生活饮用水", "大气污染", "水土保持", "渔业捕捞", "动物防疫", "种子经营", "粮食收购", "房屋租赁", "物业管理",
];
const SUFFIXES = ["行为的处罚", "的监督检查", "的强制措施", "的确认", "的给付", "的登记", "的备案", "的审核"];
const TYPES = ["行政处罚", "行政检查", "行政强制", "行政确认", "行政给付", "其他行政权力", "公共服务", "行政处罚"];
const LAWS = [
  "城乡规划法", "食品安全法", "消防法", "安全生产法", "土地管理法", "森林法", "水法", "大气污染防治法", "动物防疫法", "种子法",
  "治安管理处罚法", "广告法", "文物保护法", "劳动合同法", "社会保险法", "老年人权益保障法", "残疾人保障法", "药品管理法", "统计法", "防洪法",
];
const CATEGORIES = ["统筹区域发展", "组织公共服务", "实施综合管理", "维护公共安全", "指导基层自治", "加强行政执法"];

const arr = (xs: string[]) => `ARRAY[${xs.map((x) => `'${x}'`).join(",")}]`;

/** Fills the database with the province: districts, streets, lists, versions, items, search rows. */
export async function generate(prisma: PrismaClient) {
  const started = performance.now();
  await prisma.$executeRawUnsafe(`INSERT INTO org_unit (name, kind, sort_order, updated_at) VALUES ('基准省', 'CITY', 1, now())`);
  const [{ id: province }] = await prisma.$queryRawUnsafe<{ id: number }[]>(`SELECT id FROM org_unit WHERE name = '基准省'`);
  await prisma.$executeRawUnsafe(`
    INSERT INTO org_unit (name, kind, parent_id, sort_order, updated_at)
    SELECT '基准第' || d || '区', 'DISTRICT', ${province}, d, now() FROM generate_series(1, ${DISTRICTS}) d`);
  await prisma.$executeRawUnsafe(`
    INSERT INTO org_unit (name, kind, parent_id, sort_order, code, updated_at)
    SELECT '基准第' || s || '街道办事处', CASE WHEN s % 3 = 0 THEN 'TOWNSHIP'::"OrgKind" ELSE 'STREET'::"OrgKind" END,
           (SELECT id FROM org_unit WHERE name = '基准第' || (1 + s % ${DISTRICTS}) || '区'), s, 'BENCH' || s, now()
    FROM generate_series(1, ${LISTS}) s`);
  await prisma.$executeRawUnsafe(`
    INSERT INTO power_list (unit_id, form, title, status, version_count, next_item_key, created_by_name, updated_at)
    SELECT id, 'POWER', name || '职权清单', 'PUBLISHED', 3, 400, '基准', now() FROM org_unit WHERE code LIKE 'BENCH%'`);
  await prisma.$executeRawUnsafe(`
    INSERT INTO power_list_version (list_id, version_no, form, title, unit_name, document_number, published_at, effective_at,
                                    publisher_name, publisher_unit, item_count)
    SELECT l.id, v, 'POWER', l.title, u.name, '基准编发〔202' || (3 + v) || '〕' || l.id || '号', now() - ((4 - v) * interval '200 days'),
           (now() - ((4 - v) * interval '200 days'))::date, '基准', '基准编办', 330 + l.id % 11
    FROM power_list l JOIN org_unit u ON u.id = l.unit_id CROSS JOIN generate_series(1, 3) v`);
  // Items k = 1 .. 330 + id % 11 per version; version 2 drops key 7 and adds key 900; every
  // version rewrites the basis of one key in fifty. Positions follow the category order, as
  // publishing numbers a snapshot (section, category, then draft order). The search text is
  // what the app writes: name, code, type, department and cited law titles, lower-case, one
  // per line.
  await prisma.$executeRawUnsafe(`
    INSERT INTO power_list_version_item (version_id, list_id, item_key, position, category, category_order, section, source,
        source_label, code, name, power_type, legal_basis, handling_section, department_name, search_text)
    SELECT v.id, v.list_id, x.key, row_number() OVER (PARTITION BY v.id ORDER BY x.k % 6, x.k), c.cat, 1 + x.k % 6, 'BASIC', CASE WHEN x.k % 4 = 0 THEN 'GENERAL' ELSE 'DEVOLVED' END::"ListItemSource",
           '基准数据', x.code, x.name, x.type, x.basis, '综合行政执法队', '基准市城市管理局',
           lower(x.name || E'\\n' || x.code || E'\\n' || x.type || E'\\n基准市城市管理局\\n中华人民共和国' || x.law || E'\\n' || x.law)
    FROM power_list_version v
    CROSS JOIN LATERAL generate_series(1, v.item_count) AS g(n)
    CROSS JOIN LATERAL (
      SELECT n AS k,
             CASE WHEN v.version_no >= 2 AND n = 7 THEN '900' ELSE n::text END AS key,
             'SL-' || v.list_id || '-' || n AS code,
             CASE WHEN v.list_id = 77 AND n = 5 THEN '对擅自饲养信鸽扰民的处罚'
                  ELSE '对' || (${arr(SUBJECTS)})[1 + (n * 7 + v.list_id) % ${SUBJECTS.length}] || (${arr(SUFFIXES)})[1 + n % ${SUFFIXES.length}] END AS name,
             (${arr(TYPES)})[1 + n % ${TYPES.length}] AS type,
             (${arr(LAWS)})[1 + n % ${LAWS.length}] AS law,
             '【法律】《中华人民共和国' || (${arr(LAWS)})[1 + n % ${LAWS.length}] || '》第' || (n % 90 + 1) || '条：违反本法规定的，由有关主管部门责令改正，'
               || '没收违法所得，并处罚款；情节严重的，依法吊销许可证件。'
               || CASE WHEN n % 50 = v.version_no THEN '（' || v.version_no || '年修订）' ELSE '' END AS basis
    ) x
    CROSS JOIN LATERAL (SELECT (${arr(CATEGORIES)})[1 + x.k % 6] AS cat) c`);
  await prisma.$executeRawUnsafe(`
    UPDATE power_list l SET current_version_id = v.id, indexed_version_id = v.id FROM power_list_version v WHERE v.list_id = l.id AND v.version_no = 3`);
  // Search rows of the current versions; the index is built once after the bulk load.
  await prisma.$executeRawUnsafe(`DROP INDEX power_list_search_bigrams_idx`);
  await prisma.$executeRawUnsafe(`
    INSERT INTO power_list_search (item_id, list_id, version_id, text)
    SELECT i.id, i.list_id, i.version_id, i.search_text FROM power_list_version_item i JOIN power_list l ON l.current_version_id = i.version_id`);
  const indexStarted = performance.now();
  await prisma.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(`SET LOCAL maintenance_work_mem = '256MB'`);
      await tx.$executeRawUnsafe(`CREATE INDEX "power_list_search_bigrams_idx" ON "power_list_search" USING gin (qingdan_bigrams("text"))`);
    },
    { timeout: 600_000 },
  );
  const indexMs = performance.now() - indexStarted;
  await prisma.$executeRawUnsafe(`ANALYZE`);
  const [counts] = await prisma.$queryRawUnsafe<{ items: number; search: number; size: string }[]>(
    `SELECT (SELECT count(*)::int FROM power_list_version_item) AS items, (SELECT count(*)::int FROM power_list_search) AS search,
            pg_size_pretty(pg_relation_size('power_list_search_bigrams_idx')) AS size`,
  );
  return { ...counts, seconds: (performance.now() - started) / 1000, indexSeconds: indexMs / 1000 };
}

const SEARCHES = ["处罚", "违法建设", "城乡规划法", "信鸽扰民", "sl-123-45", "噪声扰民行为", "不存在的事项名称"];

async function searchVariant(prisma: PrismaClient, where: (q: string) => string, q: string) {
  return prisma.$queryRawUnsafe(
    `SELECT s.item_id FROM power_list_search s WHERE ${where(q)} ORDER BY s.item_id LIMIT 20`,
    q,
    `%${q}%`,
  );
}

export const listsBench: BenchSuite = {
  name: "lists",
  async run({ prisma, url }) {
    const figures: Figure[] = [];
    const data = await generate(prisma);
    figures.push({
      name: `generate ${LISTS} lists x 3 versions (${(data.items / 1e6).toFixed(2)}M items)`,
      value: `${data.seconds.toFixed(1)} s`,
      target: `seconds; search index ${data.indexSeconds.toFixed(1)} s, ${data.size}`,
    });
    const lists = await prisma.$queryRawUnsafe<{ id: number }[]>(`SELECT id FROM power_list ORDER BY id`);
    const pick = () => lists[crypto.randomInt(lists.length)].id;

    // The public list page: what app/(public)/lists/[id] reads (header and versions, the
    // version's rows) and does with them, when the rows are not yet in memory.
    const page = await timeRuns(async () => {
      const list = await readPublicList(prisma, pick());
      const rows = await readVersionRows(prisma, list!.version.id);
      countRows(rows);
      pageRows(filterRows(rows, {}), 1, false);
    }, 100, 10);
    figures.push({ name: "public list page reads, p95", value: ms(percentile(page, 95)), target: "< 50 ms (rows not cached yet)" });
    const filtered = await timeRuns(async () => {
      const list = await readPublicList(prisma, pick());
      const rows = await readVersionRows(prisma, list!.version.id);
      countRows(rows);
      pageRows(filterRows(rows, { q: "处罚", type: "行政处罚" }), 1, false);
    }, 50, 5);
    figures.push({ name: "public list page with text filter, p95", value: ms(percentile(filtered, 95)), target: "< 50 ms" });

    // The list JSON: the same reads plus serialisation.
    const json = await timeRuns(async () => {
      const list = await readPublicList(prisma, pick());
      const items = await readVersionItems(prisma, list!.version.id);
      JSON.stringify({ ...list, items });
    }, 100, 10);
    figures.push({ name: "list JSON (current version, ~335 items), p95", value: ms(percentile(json, 95)), target: "< 20 ms" });

    // Search across all current versions, by the app's function (bigram GIN + LIKE).
    const perQuery: string[] = [];
    const all: number[] = [];
    for (const q of SEARCHES) {
      const t = await timeRuns(() => searchPublished(prisma, { q, page: 1, pageSize: 20 }), 15, 2);
      all.push(...t);
      perQuery.push(`${q}=${percentile(t, 95).toFixed(0)}`);
    }
    all.sort((a, b) => a - b);
    figures.push({ name: "cross-list search (bigram GIN), p95 over 7 queries", value: ms(percentile(all, 95)), target: `< 100 ms; ms by query: ${perQuery.join(" ")}` });

    // The alternatives, same queries, page of 20 only: a plain scan, and pg_trgm if installable.
    const scan = async (q: string) => {
      await prisma.$transaction(async (tx) => {
        await tx.$executeRawUnsafe(`SET LOCAL enable_bitmapscan = off`);
        await tx.$queryRawUnsafe(`SELECT s.item_id FROM power_list_search s WHERE s.text LIKE $1 ORDER BY s.item_id LIMIT 20`, `%${q}%`);
      });
    };
    const rare = ["信鸽扰民", "不存在的事项名称"];
    const scanTimes = (await Promise.all(rare.map((q) => timeRuns(() => scan(q), 5, 1)))).flat().sort((a, b) => a - b);
    figures.push({ name: "  comparison: sequential LIKE scan, rare terms, p95", value: ms(percentile(scanTimes, 95)), target: "why an index is needed" });
    const bigramRare = (await Promise.all(rare.map((q) => timeRuns(() => searchVariant(prisma, () => "qingdan_bigrams(s.text) @> qingdan_bigrams($1) AND s.text LIKE $2", q), 10, 2)))).flat().sort((a, b) => a - b);
    figures.push({ name: "  comparison: bigram GIN, rare terms, p95", value: ms(percentile(bigramRare, 95)), target: "(the index chosen)" });
    try {
      await prisma.$executeRawUnsafe(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
      const [trgm] = await prisma.$queryRawUnsafe<{ cjk: string; latin: string; collate: string }[]>(
        `SELECT show_trgm('城市管理')::text AS cjk, show_trgm('abc')::text AS latin, datctype AS collate FROM pg_database WHERE datname = current_database()`,
      );
      const t0 = performance.now();
      await prisma.$executeRawUnsafe(`CREATE INDEX bench_trgm ON power_list_search USING gin (text gin_trgm_ops)`);
      const build = (performance.now() - t0) / 1000;
      await prisma.$executeRawUnsafe(`ANALYZE power_list_search`);
      const trgmTimes = (await Promise.all(rare.map((q) => timeRuns(() => searchVariant(prisma, () => "s.text LIKE $2 AND $1::text IS NOT NULL", q), 5, 1)))).flat().sort((a, b) => a - b);
      figures.push({
        name: "  comparison: pg_trgm GIN, rare terms, p95",
        value: ms(percentile(trgmTimes, 95)),
        target: `ctype ${trgm.collate}: show_trgm('城市管理')=${trgm.cjk}, so no CJK trigrams; built in ${build.toFixed(0)} s`,
      });
      await prisma.$executeRawUnsafe(`DROP INDEX bench_trgm`);
    } catch (e) {
      figures.push({ name: "  comparison: pg_trgm", value: "n/a", target: `extension unavailable: ${(e as Error).message.slice(0, 60)}` });
    }

    // Publishing a 340-item version through the command, in its transaction with the audit row.
    const [bianban] = await prisma.$queryRawUnsafe<{ id: number }[]>(`INSERT INTO org_unit (name, kind, updated_at) VALUES ('基准编办', 'BIANBAN', now()) RETURNING id`);
    const user: SessionUser = {
      id: 0, username: "bench", displayName: "基准", roles: ["BIANBAN_STAFF"], unitId: bianban.id, unitName: "基准编办", unitKind: "BIANBAN",
      unitParentId: null, jointMeetingMember: true, mustChangePassword: false,
    };
    const target = lists[0].id;
    const category = await prisma.powerListCategory.findFirstOrThrow();
    await prisma.$executeRawUnsafe(`
      INSERT INTO power_list_item (list_id, item_key, position, category_id, section, source, code, name, power_type, legal_basis, handling_section, updated_at)
      SELECT ${target}, (1000 + k)::text, k, ${category.id}, 'BASIC', 'OWN', 'PUB-' || k, '对发布基准事项' || k || '的处罚', '行政处罚',
             '【法律】《中华人民共和国城乡规划法》第' || k || '条：违反本法规定的，由有关主管部门责令改正。', '综合行政执法队', now()
      FROM generate_series(1, 340) k`);
    const publish: number[] = [];
    for (let i = 0; i < 12; i++) {
      const { version } = await prisma.powerList.update({ where: { id: target }, data: { status: "APPROVED" }, select: { version: true } });
      const t = performance.now();
      await prisma.$transaction(async (tx) => {
        const meta = { address: null, userAgent: "bench" };
        const ctx: CommandContext = { tx, user, meta, audit: (e) => writeAudit(tx, user, meta, e) };
        await publishList({ listId: target, version, documentNumber: `基准编发〔2026〕${i}号`, publishDate: todayInChina(), effectiveDate: "2099-01-01", note: null }, ctx);
      });
      if (i >= 2) publish.push(performance.now() - t);
    }
    publish.sort((a, b) => a - b);
    figures.push({ name: "publish a 340-item version (snapshot + search rows), p95", value: ms(percentile(publish, 95)), target: "< 500 ms" });

    // A diff of two 340-item versions (the last two publications, one rewrites the basis).
    const withItems = await prisma.powerListVersion.findMany({ where: { listId: target }, orderBy: { versionNo: "desc" }, take: 2, select: { versionNo: true } });
    const diff = await timeRuns(() => readDiff(prisma, target, withItems[1].versionNo, withItems[0].versionNo), 30, 3);
    const other = pick();
    const diff13 = await timeRuns(() => readDiff(prisma, other, 1, 3), 30, 3);
    figures.push({ name: "diff of two 340-item versions, p95", value: ms(percentile(diff, 95)), target: `< 100 ms; v1→v3 of a generated list ${ms(percentile(diff13, 95))}` });

    figures.push(...(await servePages(url, pick)));
    return figures;
  },
};

/** CPU time a process has used so far, from /proc (Linux); null elsewhere. */
function cpuMs(pid: number | undefined): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(") ") + 2).split(" ");
    // utime and stime, fields 14 and 15 of the whole line, in clock ticks of 10 ms.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

/**
 * The public list page served by `next start` on the generated data: its server time one
 * request at a time (the issue's p95 < 50 ms), the same for 显示全部, and requests per second
 * with their p95 under 16 concurrent requests. Lists are picked at random among all 3,100, so
 * most requests miss the in-process cache of version rows. Needs a production build; without
 * one the figure says how to get it.
 */
async function servePages(url: string, pick: () => number): Promise<Figure[]> {
  const root = path.resolve(import.meta.dirname, "../..");
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  const name = "public list page throughput (16 concurrent, random lists)";
  if (!fs.existsSync(path.join(root, distDir, "BUILD_ID"))) {
    return [{ name, value: "skipped", target: `no production build in ${distDir}: run \`npm run build\`, then \`npm run bench -- lists\`` }];
  }
  const port = await freePort();
  const app = spawn(process.execPath, [path.join(root, "scripts/server.mjs"), "-p", String(port)], {
    cwd: root,
    stdio: "ignore",
    env: { ...process.env, NODE_ENV: "production", DATABASE_URL: url, NEXTAUTH_SECRET: crypto.randomBytes(24).toString("hex"), NEXTAUTH_URL: `http://localhost:${port}` },
  });
  try {
    const base = `http://localhost:${port}`;
    const end = Date.now() + 60_000;
    for (;;) {
      try {
        if ((await fetch(`${base}/lists/${pick()}`)).status === 200) break;
      } catch {}
      if (Date.now() > end) return [{ name, value: "failed", target: "next start did not answer the list page within 60 s (is the build current?)" }];
      await new Promise((r) => setTimeout(r, 500));
    }
    let errors = 0;
    let bytes = 0;
    const get = async (suffix = "") => {
      const t = performance.now();
      try {
        const r = await fetch(`${base}/lists/${pick()}${suffix}`);
        bytes = (await r.arrayBuffer()).byteLength;
        if (r.status !== 200) errors++;
      } catch {
        errors++;
      }
      return performance.now() - t;
    };
    const oneByOne = async (n: number, suffix = "") => {
      const times: number[] = [];
      for (let i = 0; i < n; i++) times.push(await get(suffix));
      return times.sort((a, b) => a - b);
    };
    await oneByOne(20);
    const cpu0 = cpuMs(app.pid);
    const single = await oneByOne(100);
    const cpu = cpu0 === null ? null : (cpuMs(app.pid)! - cpu0) / single.length;
    const pageBytes = bytes;
    const all = await oneByOne(30, "?all=1");
    const allBytes = bytes;

    const latencies: number[] = [];
    const stopAt = Date.now() + 20_000;
    const started = Date.now();
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (Date.now() < stopAt) latencies.push(await get());
      }),
    );
    const seconds = (Date.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    const kb = (n: number) => `${Math.round(n / 1024)} KB`;
    const sideBySide = [
      ...(await againstBare(`${base}/lists/${pick()}`, "public list page (current version, first page)")),
      ...(await againstBare(`${base}/api/public/lists/${pick()}`, "list JSON /api/public/lists/{id}")),
    ];
    return [
      {
        name: "public list page, one request at a time (HTTP), p95",
        value: ms(percentile(single, 95)),
        target: `< 50 ms; p50 ${ms(percentile(single, 50))}, first 100 of ~335 items, ${kb(pageBytes)} of HTML`,
      },
      {
        name: "  server CPU per request (user + system)",
        value: cpu === null ? "n/a" : ms(cpu),
        target: "what the server itself spends, whatever else the machine runs",
      },
      {
        name: "  the same, 显示全部 (all ~335 items), p95",
        value: ms(percentile(all, 95)),
        target: `p50 ${ms(percentile(all, 50))}, ${kb(allBytes)} of HTML`,
      },
      { name, value: `${(latencies.length / seconds).toFixed(0)} req/s`, target: `${latencies.length} requests in ${seconds.toFixed(0)} s on 2 cores, ${errors} errors in all` },
      { name: "public list page under 16 concurrent requests, p95", value: ms(percentile(latencies, 95)), target: `p50 ${ms(percentile(latencies, 50))} (queueing: 16 in flight)` },
      ...sideBySide,
    ];
  } finally {
    app.kill("SIGTERM");
    await new Promise((r) => (app.exitCode !== null ? r(null) : app.once("exit", r)));
  }
}

/**
 * Issue 14 §1: one URL served by the app at 64 connections, then the same bytes by a bare Node
 * server, in the same run; the app's requests per second as a share of the bare server's.
 */
async function againstBare(url: string, label: string): Promise<Figure[]> {
  const first = await fetch(url, { headers: { "Accept-Encoding": "identity" } });
  const body = Buffer.from(await first.arrayBuffer());
  const type = first.headers.get("content-type") ?? "text/html";
  await load(url, { connections: 64, seconds: 3 }); // warm-up
  const app = await load(url, { connections: 64, seconds: 10 });
  const port = await freePort();
  const bare = await bareServer(body, type, port);
  let base;
  try {
    await load(`http://127.0.0.1:${port}/`, { connections: 64, seconds: 3 });
    base = await load(`http://127.0.0.1:${port}/`, { connections: 64, seconds: 10 });
  } finally {
    await stop(bare);
  }
  const ratio = app.rps / base.rps;
  return [
    {
      name: `${label}, 64 connections: app ÷ bare Node`,
      value: `${(ratio * 100).toFixed(0)}%`,
      target: `≥ 50%; app ${app.rps.toFixed(0)} req/s, bare Node ${base.rps.toFixed(0)} req/s, ${Math.round(body.length / 1024)} KB each, ${app.errors + base.errors} errors`,
    },
    { name: `  ${label}, 64 connections, p99`, value: ms(app.p99), target: `< 100 ms; p50 ${ms(app.p50)}; bare Node p99 ${ms(base.p99)}` },
  ];
}
