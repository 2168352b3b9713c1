import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { db, signInAndWait } from "./support";

// axe-core on the public portal and on the way in to the workspace: no serious or critical
// violation of any rule (WCAG 2.x A/AA and axe's best practices) on any of these pages.

async function beimen() {
  const [list] = await db<{ id: number }>(`SELECT l.id FROM power_list l JOIN org_unit u ON u.id = l.unit_id WHERE u.name = '北门街道办事处' AND l.form = 'POWER'`);
  return list.id;
}

async function localUnit() {
  const [row] = await db<{ unit_id: number }>(`SELECT unit_id FROM local_duty_list_version ORDER BY version_no DESC, id LIMIT 1`);
  return row.unit_id;
}

async function expectNoSeriousViolations(page: Page, name: string) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes
      .slice(0, 5)
      .map((n) => `    ${n.target.join(" ")}  ${n.failureSummary?.split("\n").slice(1, 2).join("").trim() ?? ""}`)
      .join("\n")}`);
  await page.screenshot({ path: `test-results/screens/a11y-${name}.png`, fullPage: false });
  expect.soft(serious, `${name} (${page.url()})`).toEqual([]);
}

test("the public portal has no serious accessibility violations", async ({ page }) => {
  const id = await beimen();
  const pages: [string, string][] = [
    ["home", "/"],
    ["lists", "/lists"],
    ["list", `/lists/${id}`],
    ["list-filtered", `/lists/${id}?type=${encodeURIComponent("行政处罚")}`],
    ["list-old-version", `/lists/${id}/v/1`],
    ["item", `/lists/${id}/items/1`],
    ["history", `/lists/${id}/history`],
    ["diff", `/lists/${id}/diff?from=1&to=2`],
    ["search", `/search?q=${encodeURIComponent("消防")}`],
    ["search-paged", `/search?q=${encodeURIComponent("处罚")}`],
    ["search-empty", "/search"],
    ["local-lists", "/lists/local"],
    ["local-list", `/local-duties/${await localUnit()}`],
  ];
  for (const [name, path] of pages) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoSeriousViolations(page, name);
  }
});

test("signing in and the workspace have no serious accessibility violations", async ({ page }) => {
  await page.goto("/login");
  await expect(page.getByRole("button", { name: "登录" })).toBeVisible();
  await expectNoSeriousViolations(page, "login");
  await signInAndWait(page, "bianban");
  await expect(page.getByRole("heading", { name: "待办事项" })).toBeVisible();
  await expectNoSeriousViolations(page, "workspace");
  // The pages 编办 works in most, each with its own tables and forms.
  const pages: [string, string][] = [
    ["ws-catalogue", "/catalogue"],
    ["ws-devolution", "/devolution"],
    ["ws-lists", "/lists/manage"],
    ["ws-admission", "/admission"],
    ["ws-local-duties", "/local-duties"],
    ["ws-local-manage", `/local-duties/manage/${await localUnit()}`],
    ["ws-evaluation", "/evaluation"],
    ["ws-dispatch", "/dispatch"],
    ["ws-audit", "/admin/audit"],
  ];
  for (const [name, path] of pages) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoSeriousViolations(page, name);
  }
});
