import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { expect, test as base, type Browser, type Page, type WorkerInfo } from "@playwright/test";
import { db, signInAndWait, uniqueUsername } from "./support";

// axe-core on the public portal and on the way in to the workspace: no serious or critical
// violation of any rule (WCAG 2.x A/AA and axe's best practices) on any of these pages.
// One test per page (all pages in one test ran past the 60 s limit on a loaded machine). Each
// worker opens one page for the portal and one signed-in page for the workspace and walks them
// from test to test: a new browser context, page and sign-in per page cost more than the check.
// A page takes a few seconds on a quiet machine, but 20–70 s measured with a load average of 30
// on two cores (loading, axe and the screenshot all wait for the CPU), hence an explicit limit of
// two minutes per page.

base.describe.configure({ mode: "parallel", timeout: 120_000 });

// axe-core's own build (the version @axe-core/playwright brings), run in the page with its default
// rule set as AxeBuilder.analyze() runs it. Calling it directly injects it once per page instead of
// twice (AxeBuilder injects, then injects again to configure, then copies the results to a blank
// page to finish the run), and the minified build parses in half the time. The pages have no frames.
const requireHere = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(
  requireHere.resolve("axe-core/axe.min.js", { paths: [path.dirname(requireHere.resolve("@axe-core/playwright"))] }),
  "utf8",
);

type Violation = { id: string; impact?: string | null; help: string; nodes: { target: unknown[]; failureSummary?: string }[] };

/** The options a test's own context gets from the project (viewport, locale, base URL …). */
function contextOptions(info: WorkerInfo) {
  const { baseURL, locale, timezoneId, viewport, userAgent, deviceScaleFactor, isMobile, hasTouch } = info.project.use;
  return { baseURL, locale, timezoneId, viewport, userAgent, deviceScaleFactor, isMobile, hasTouch };
}

async function openPage(browser: Browser, info: WorkerInfo) {
  return (await browser.newContext(contextOptions(info))).newPage();
}

const test = base.extend<object, { portal: Page; staff: Page }>({
  portal: [
    async ({ browser }, use, info) => {
      const page = await openPage(browser, info);
      await use(page);
      await page.context().close();
    },
    { scope: "worker" },
  ],
  // Signed in once per worker, as a 编办 account of its own (another test signing the demo
  // account out or changing it cannot end this session).
  staff: [
    async ({ browser }, use, info) => {
      const username = uniqueUsername("a11y");
      await db(
        `INSERT INTO app_user (username, display_name, password_hash, unit_id, roles, updated_at)
         SELECT $1, '无障碍检查' || $1, password_hash, unit_id, roles, now() FROM app_user WHERE username = 'bianban'`,
        [username],
      );
      const page = await openPage(browser, info);
      await signInAndWait(page, username);
      await use(page);
      await page.context().close();
    },
    { scope: "worker" },
  ],
});

type Ids = { list: number; localUnit: number; typedList: number };
let ids: Promise<Ids> | undefined;
/** The pages' ids from the seeded database, looked up once per worker. */
function seeded(): Promise<Ids> {
  ids ??= (async () => {
    const [list] = await db<{ id: number }>(`SELECT l.id FROM power_list l JOIN org_unit u ON u.id = l.unit_id WHERE u.name = '北门街道办事处' AND l.form = 'POWER'`);
    const [local] = await db<{ unit_id: number }>(`SELECT unit_id FROM local_duty_list_version ORDER BY version_no DESC, id LIMIT 1`);
    const [typed] = await db<{ id: number }>(`SELECT id FROM typed_list WHERE current_version_id IS NOT NULL ORDER BY id LIMIT 1`);
    return { list: list.id, localUnit: local.unit_id, typedList: typed.id };
  })();
  return ids;
}

async function expectNoSeriousViolations(page: Page, name: string) {
  await page.evaluate(AXE_SOURCE);
  // Only violations are collected: axe's passes and incomplete results cost time and are unused.
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: Violation[] }> } }).axe;
    return (await axe.run(document, { resultTypes: ["violations"] })).violations;
  });
  const serious = violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes
      .slice(0, 5)
      .map((n) => `    ${n.target.join(" ")}  ${n.failureSummary?.split("\n").slice(1, 2).join("").trim() ?? ""}`)
      .join("\n")}`);
  await page.screenshot({ path: `test-results/screens/a11y-${name}.png`, fullPage: false });
  expect(serious, `${name} (${page.url()})`).toEqual([]);
}

async function check(page: Page, name: string, url: string) {
  await page.goto(url);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectNoSeriousViolations(page, name);
}

const PORTAL: [string, (ids: Ids) => string][] = [
  ["home", () => "/"],
  ["lists", () => "/lists"],
  ["list", ({ list }) => `/lists/${list}`],
  ["list-filtered", ({ list }) => `/lists/${list}?type=${encodeURIComponent("行政处罚")}`],
  ["list-old-version", ({ list }) => `/lists/${list}/v/1`],
  ["item", ({ list }) => `/lists/${list}/items/1`],
  ["history", ({ list }) => `/lists/${list}/history`],
  ["diff", ({ list }) => `/lists/${list}/diff?from=1&to=2`],
  ["search", () => `/search?q=${encodeURIComponent("消防")}`],
  ["search-paged", () => `/search?q=${encodeURIComponent("处罚")}`],
  ["search-empty", () => "/search"],
  ["local-lists", () => "/lists/local"],
  ["local-list", ({ localUnit }) => `/local-duties/${localUnit}`],
  ["typed-lists", () => "/typed-lists"],
  ["typed-list", ({ typedList }) => `/typed-lists/${typedList}`],
];

for (const [name, url] of PORTAL) {
  test(`portal: ${name} has no serious accessibility violations`, async ({ portal }) => {
    await check(portal, name, url(await seeded()));
  });
}

test("the sign-in page has no serious accessibility violations", async ({ portal }) => {
  await portal.goto("/login");
  await expect(portal.getByRole("button", { name: "登录" })).toBeVisible();
  await expectNoSeriousViolations(portal, "login");
});

// The pages 编办 works in most, each with its own tables and forms.
const WORKSPACE: [string, (ids: Ids) => string][] = [
  ["workspace", () => "/workspace"],
  ["ws-catalogue", () => "/catalogue"],
  ["ws-devolution", () => "/devolution"],
  ["ws-lists", () => "/lists/manage"],
  ["ws-admission", () => "/admission"],
  ["ws-local-duties", () => "/local-duties"],
  ["ws-local-manage", ({ localUnit }) => `/local-duties/manage/${localUnit}`],
  ["ws-evaluation", () => "/evaluation"],
  ["ws-dispatch", () => "/dispatch"],
  ["ws-audit", () => "/admin/audit"],
];

test.describe("workspace", () => {
  for (const [name, url] of WORKSPACE) {
    test(`${name} has no serious accessibility violations`, async ({ staff }) => {
      await check(staff, name, url(await seeded()));
      if (name === "workspace") await expect(staff.getByRole("heading", { name: "待办事项" })).toBeVisible();
    });
  }
});
