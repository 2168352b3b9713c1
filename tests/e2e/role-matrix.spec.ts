import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, request as playwrightRequest, test, type APIRequestContext, type Browser } from "@playwright/test";
import { DEMO_ACCOUNTS } from "../../prisma/demo-accounts";
import { db, signInAs } from "./support";

// The permanent role matrix (issue 10, "Keep it proven"): every page (app/**/page.tsx) and route
// handler (app/**/route.ts) found on disk is requested as each demo account and anonymously, and
// the answers are compared with role-matrix.expected.json. A new page or route that is not in
// the table fails this test, so nobody adds one without deciding who may see it.
//
// After a deliberate change (a new page, a role given access), review the difference this test
// prints, then rewrite the table from a run:
//   ROLE_MATRIX_WRITE=1 npx tsx scripts/e2e.ts tests/e2e/role-matrix.spec.ts
// and read the table's diff before committing it. ROLE_MATRIX_DEBUG=1 prints each request's time.
//
// Answers are "200", "403", "404", "405", … and, for redirects, "307 /login" (the target's path):
// a page that sends the visitor elsewhere must send them to the right place.

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, "../..");
const EXPECTED_FILE = path.join(HERE, "role-matrix.expected.json");
const ANONYMOUS = "anonymous";
const IDENTITIES = [ANONYMOUS, ...DEMO_ACCOUNTS.map((a) => a.username)];

type Route = { pattern: string; kind: "page" | "route"; methods: string[] };

/** app/(workspace)/admission/[id]/page.tsx -> /admission/[id]; route groups and private folders leave no trace in the URL. */
function discoverRoutes(): Route[] {
  const out: Route[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!entry.name.startsWith("_")) walk(full);
        continue;
      }
      const kind = entry.name === "page.tsx" ? "page" : entry.name === "route.ts" ? "route" : null;
      if (!kind) continue;
      const segments = path
        .relative(path.join(ROOT, "app"), dir)
        .split(path.sep)
        .filter((s) => s && !/^\(.*\)$/.test(s));
      const pattern = "/" + segments.join("/");
      let methods = ["GET"];
      if (kind === "route") {
        const source = fs.readFileSync(full, "utf8");
        methods = [...new Set([...source.matchAll(/export\s+(?:async\s+)?(?:function|const)\s+(GET|POST|PUT|PATCH|DELETE)\b|\bas\s+(GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1] ?? m[2]))];
        // A handler without GET is asked with the method it has (an empty body): it must refuse strangers too.
        methods = methods.includes("GET") ? ["GET"] : methods.slice(0, 1);
      }
      out.push({ pattern, kind, methods });
    }
  };
  walk(path.join(ROOT, "app"));
  return out.sort((a, b) => a.pattern.localeCompare(b.pattern));
}

/** Ids from the seeded demo city, chosen among records the other browser tests leave alone. */
async function seedIds() {
  const one = async (label: string, text: string, values: unknown[] = []) => {
    const rows = await db<{ id: number | string }>(text, values);
    if (rows[0]?.id == null) throw new Error(`role matrix: no seeded ${label} (query: ${text})`);
    return String(rows[0].id);
  };
  return {
    unit: await one("unit", `SELECT id FROM org_unit WHERE name = '东湖街道办事处'`),
    user: await one("user", `SELECT id FROM app_user WHERE username = 'jiedao'`),
    // 辖区犬只登记信息采集: returned to 城管局 for revision, so its applicant may still edit it.
    admission: await one("admission", `SELECT id FROM admission WHERE title = '辖区犬只登记信息采集'`),
    // The seed has no attachments and other specs upload some while this one runs, so an id
    // that never exists keeps the table the same whatever ran first (role gate, then 404).
    admissionAttachment: 2147483647,
    // The seeded draft edition (2025年修订稿): 编办 edits it, everyone else is refused.
    edition: await one("draft catalogue edition", `SELECT id FROM catalogue_edition WHERE title = '示例省赋权事项指导清单（2025年修订稿）'`),
    editionItem: await one("catalogue item", `SELECT min(i.id) AS id FROM catalogue_item i JOIN catalogue_edition e ON e.id = i.edition_id WHERE e.title = '示例省赋权事项指导清单（2025年修订稿）'`),
    round: await one("devolution round", `SELECT id FROM devolution_round WHERE title = '示例市2026年街道（乡镇）赋权承接确认'`),
    roundRow: await one("devolution row", `SELECT d.id FROM devolution d WHERE d.round_id = (SELECT min(id) FROM devolution_round) ORDER BY d.id LIMIT 1`),
    letter: await one("confirmation letter", `SELECT id FROM confirmation_letter ORDER BY id LIMIT 1`),
    dispatch: await one("dispatch case", `SELECT id FROM dispatch ORDER BY id LIMIT 1`),
    dispatchAttachment: 2147483647,
    evaluation: await one("evaluation round", `SELECT id FROM evaluation_round ORDER BY id LIMIT 1`),
    adjustment: await one("list adjustment", `SELECT id FROM power_list_adjustment ORDER BY id LIMIT 1`),
    list: await one("published power list", `SELECT min(list_id) AS id FROM power_list_version`),
    // 凤凰街道's list, seeded under review.
    draftList: await one("power list under review", `SELECT min(l.id) AS id FROM power_list l JOIN org_unit u ON u.id = l.unit_id WHERE u.name = '凤凰街道办事处' AND l.form = 'POWER'`),
    draftListItem: await one("power list item", `SELECT min(i.id) AS id FROM power_list_item i JOIN power_list l ON l.id = i.list_id JOIN org_unit u ON u.id = l.unit_id WHERE u.name = '凤凰街道办事处' AND l.form = 'POWER'`),
    localDutyUnit: await one("unit with a local-duty list", `SELECT unit_id AS id FROM local_duty_list_version ORDER BY unit_id LIMIT 1`),
    appraisal: await one("appraisal round", `SELECT id FROM appraisal_round ORDER BY id LIMIT 1`),
    // 清河镇's seeded, published 县镇跨部门信息共享清单 and its type (tests/e2e/list-types.spec.ts leaves them alone).
    typedList: await one("published typed list", `SELECT l.id FROM typed_list l JOIN list_type t ON t.id = l.type_id WHERE t.code = 'xz-info-sharing' ORDER BY l.id LIMIT 1`),
    listType: await one("list type", `SELECT id FROM list_type WHERE code = 'xz-info-sharing'`),
    // 东湖区's seeded 备案 (its edition of the guidance catalogue): the city and 东湖区 read it, 西山县 gets 404.
    filing: await one("filing", `SELECT f.id FROM filing f JOIN catalogue_edition e ON e.id = f.subject_id WHERE f.kind = 'CATALOGUE_EDITION' AND e.title = '东湖区赋权事项指导清单（2025年版）'`),
    // Only a hash of a survey token is stored, so this is an unknown one (a real one shows the form).
    survey: "unknown-token-0000000000",
  };
}

type Ids = Awaited<ReturnType<typeof seedIds>>;

/** The URL asked for each pattern with dynamic segments (and for those that need a query). */
function urlsFor(ids: Ids): Record<string, string> {
  return {
    "/account/password": "/account/password",
    "/admin/units/[id]": `/admin/units/${ids.unit}`,
    "/admin/users/[id]": `/admin/users/${ids.user}`,
    "/admin/list-types/[id]": `/admin/list-types/${ids.listType}`,
    "/api/public/typed-lists/[id]": `/api/public/typed-lists/${ids.typedList}`,
    "/api/public/typed-lists/[id]/diff": `/api/public/typed-lists/${ids.typedList}/diff?from=1&to=1`,
    "/typed-lists/[id]": `/typed-lists/${ids.typedList}`,
    "/typed-lists/[id]/download": `/typed-lists/${ids.typedList}/download?format=xlsx`,
    "/typed-lists/manage/[id]": `/typed-lists/manage/${ids.typedList}`,
    "/admission/[id]": `/admission/${ids.admission}`,
    "/admission/[id]/edit": `/admission/${ids.admission}/edit`,
    "/api/admission/attachments/[id]": `/api/admission/attachments/${ids.admissionAttachment}`,
    // A returned application: nothing decided and no opinions yet, so readers get 404.
    "/api/admission/[id]/documents": `/api/admission/${ids.admission}/documents?kind=decision&format=pdf`,
    "/api/admission/funding": "/api/admission/funding?year=2026",
    "/api/auth/[...nextauth]": "/api/auth/providers",
    "/api/catalogue/editions/[id]/export": `/api/catalogue/editions/${ids.edition}/export`,
    "/api/devolution/letters/[id]/[format]": `/api/devolution/letters/${ids.letter}/pdf`,
    "/api/devolution/rounds/[id]/export": `/api/devolution/rounds/${ids.round}/export`,
    "/api/dispatch/attachments/[id]": `/api/dispatch/attachments/${ids.dispatchAttachment}`,
    "/api/evaluation/[id]/export": `/api/evaluation/${ids.evaluation}/export`,
    "/api/public/lists/[id]": `/api/public/lists/${ids.list}`,
    "/api/public/lists/[id]/diff": `/api/public/lists/${ids.list}/diff?from=1&to=1`,
    "/api/public/lists/[id]/versions": `/api/public/lists/${ids.list}/versions`,
    "/api/public/local-duties/[unitId]": `/api/public/local-duties/${ids.localDutyUnit}`,
    "/api/public/search": "/api/public/search?q=消防",
    "/catalogue/editions/[id]": `/catalogue/editions/${ids.edition}`,
    "/catalogue/editions/[id]/import": `/catalogue/editions/${ids.edition}/import`,
    "/catalogue/editions/[id]/import/[sessionId]": `/catalogue/editions/${ids.edition}/import/00000000-0000-0000-0000-000000000000`,
    "/catalogue/editions/[id]/items/[itemId]": `/catalogue/editions/${ids.edition}/items/${ids.editionItem}`,
    "/catalogue/editions/[id]/items/[itemId]/edit": `/catalogue/editions/${ids.edition}/items/${ids.editionItem}/edit`,
    "/catalogue/editions/[id]/items/new": `/catalogue/editions/${ids.edition}/items/new`,
    "/filings/[id]": `/filings/${ids.filing}`,
    "/devolution/rounds/[id]": `/devolution/rounds/${ids.round}`,
    "/devolution/rounds/[id]/assignments": `/devolution/rounds/${ids.round}/assignments`,
    "/devolution/rounds/[id]/bulk": `/devolution/rounds/${ids.round}/bulk`,
    "/devolution/rounds/[id]/disputes": `/devolution/rounds/${ids.round}/disputes`,
    "/devolution/rounds/[id]/heatmap": `/devolution/rounds/${ids.round}/heatmap`,
    "/devolution/rounds/[id]/items": `/devolution/rounds/${ids.round}/items`,
    "/devolution/rounds/[id]/items/[rowId]": `/devolution/rounds/${ids.round}/items/${ids.roundRow}`,
    "/devolution/rounds/[id]/letters": `/devolution/rounds/${ids.round}/letters`,
    "/devolution/rounds/[id]/letters/[letterId]": `/devolution/rounds/${ids.round}/letters/${ids.letter}`,
    "/dispatch/[id]": `/dispatch/${ids.dispatch}`,
    "/evaluation/[id]": `/evaluation/${ids.evaluation}`,
    "/evaluation/[id]/rate": `/evaluation/${ids.evaluation}/rate`,
    "/evaluation/[id]/results": `/evaluation/${ids.evaluation}/results`,
    "/lists/[id]": `/lists/${ids.list}`,
    "/lists/[id]/diff": `/lists/${ids.list}/diff?from=1&to=1`,
    "/lists/[id]/download": `/lists/${ids.list}/download?format=xlsx`,
    "/lists/[id]/history": `/lists/${ids.list}/history`,
    "/lists/[id]/items/[itemKey]": `/lists/${ids.list}/items/1`,
    "/lists/[id]/v/[n]": `/lists/${ids.list}/v/1`,
    "/lists/adjustments/[id]": `/lists/adjustments/${ids.adjustment}`,
    "/lists/manage/[id]": `/lists/manage/${ids.draftList}`,
    "/lists/manage/[id]/items/[itemId]": `/lists/manage/${ids.draftList}/items/${ids.draftListItem}`,
    "/lists/manage/[id]/items/new": `/lists/manage/${ids.draftList}/items/new`,
    "/lists/manage/[id]/publish": `/lists/manage/${ids.draftList}/publish`,
    "/lists/manage/[id]/stages": `/lists/manage/${ids.draftList}/stages`,
    "/local-duties/[unitId]": `/local-duties/${ids.localDutyUnit}`,
    "/local-duties/[unitId]/download": `/local-duties/${ids.localDutyUnit}/download?format=xlsx`,
    "/local-duties/manage/[unitId]": `/local-duties/manage/${ids.unit}`,
    "/appraisal/[id]": `/appraisal/${ids.appraisal}`,
    "/appraisal/[id]/export": `/appraisal/${ids.appraisal}/export`,
    "/appraisal/[id]/report": `/appraisal/${ids.appraisal}/report`,
    "/survey/[token]": `/survey/${ids.survey}`,
  };
}

async function answer(api: APIRequestContext, method: string, url: string) {
  const t0 = Date.now();
  const res = await api.fetch(url, { method, maxRedirects: 0, timeout: 60_000, ...(method === "GET" ? {} : { data: "" }) });
  if (process.env.ROLE_MATRIX_DEBUG) console.log(Date.now() - t0, "ms", url, res.status());
  const status = res.status();
  await res.dispose();
  if (status >= 300 && status < 400) {
    const location = res.headers()["location"] ?? "";
    return `${status} ${new URL(location, "http://x").pathname}`;
  }
  return String(status);
}

/** Runs tasks a few at a time: enough to keep the server busy, not so many that it times out under load. */
async function pool<T>(tasks: (() => Promise<T>)[], size: number) {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: size }, async () => {
      while (next < tasks.length) {
        const i = next++;
        results[i] = await tasks[i]();
      }
    }),
  );
  return results;
}

async function clientFor(browser: Browser, identity: string) {
  if (identity === ANONYMOUS) {
    const api = await playwrightRequest.newContext({ baseURL: test.info().project.use.baseURL });
    return { api, close: () => api.dispose() };
  }
  // Signed in through the real form (or this worker's live session of the account, see signInAs);
  // the context's request API then carries its cookies.
  const context = await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  const page = await context.newPage();
  await signInAs(page, identity);
  return { api: context.request, close: () => context.close() };
}

function readExpected(): Record<string, Record<string, string>> {
  return fs.existsSync(EXPECTED_FILE) ? JSON.parse(fs.readFileSync(EXPECTED_FILE, "utf8")) : {};
}

const writing = process.env.ROLE_MATRIX_WRITE === "1";
let idsOnce: Promise<Ids> | null = null;
const routes = discoverRoutes();

test("every page and route handler on disk has a line in the expected table", () => {
  test.skip(writing, "the table is being rewritten");
  const expected = readExpected();
  const missing = routes.filter((r) => !expected[r.pattern]).map((r) => `${r.kind} ${r.pattern}`);
  const gone = Object.keys(expected).filter((p) => !routes.some((r) => r.pattern === p));
  expect(missing, `These pages or route handlers are not in tests/e2e/role-matrix.expected.json. Decide who may see each, add a line for it (see the comment at the top of role-matrix.spec.ts):\n${missing.join("\n")}`).toEqual([]);
  expect(gone, `These entries of role-matrix.expected.json no longer exist on disk; remove them:\n${gone.join("\n")}`).toEqual([]);
  const incomplete = Object.entries(expected).filter(([, row]) => IDENTITIES.some((id) => !row[id])).map(([p]) => p);
  expect(incomplete, `Lines of role-matrix.expected.json without an answer for every identity (${IDENTITIES.join(", ")}):\n${incomplete.join("\n")}`).toEqual([]);
});

// One test per identity (each with its own time budget; they run one after another in one worker).
for (const identity of IDENTITIES) {
  test(`every page and route handler answers ${identity} as the expected table says`, async ({ browser }) => {
    test.setTimeout(300_000);
    idsOnce ??= seedIds();
    const urls = urlsFor(await idsOnce);
    const unresolved = routes.filter((r) => r.pattern.includes("[") && !urls[r.pattern]).map((r) => r.pattern);
    expect(unresolved, `Dynamic routes without a seeded id in urlsFor() of role-matrix.spec.ts:\n${unresolved.join("\n")}`).toEqual([]);

    const { api, close } = await clientFor(browser, identity);
    const answers = await pool(
      routes.map((r) => () => answer(api, r.methods[0], urls[r.pattern] ?? r.pattern)),
      4,
    );
    await close();

    const expected = readExpected();
    if (writing) {
      const table = Object.fromEntries(
        routes.map((r, i) => [r.pattern, Object.fromEntries(IDENTITIES.map((id) => [id, id === identity ? answers[i] : expected[r.pattern]?.[id]]))]),
      );
      fs.writeFileSync(EXPECTED_FILE, JSON.stringify(table, null, 2) + "\n");
      return;
    }
    const differences = routes
      .map((r, i) => ({ r, want: expected[r.pattern]?.[identity], got: answers[i] }))
      .filter((d) => d.want !== undefined && d.want !== d.got)
      .map((d) => `${d.r.methods[0]} ${urls[d.r.pattern] ?? d.r.pattern}: expected ${d.want}, got ${d.got}`);
    expect(differences, `Answers to ${identity} that differ from role-matrix.expected.json:\n${differences.join("\n")}`).toEqual([]);
  });
}
