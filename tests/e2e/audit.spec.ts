import { expect, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { db, signInAs } from "./support";

// An action code such as `dispatch.accept` or `localDuty.update` shown to a reader.
const RAW_CODE = /\b(auth|account|session|security|user|unit|catalogue|dictionary|devolution|claim|list|listCategory|adjustment|admission|localDuty|refusal|review|calendar|evaluation|dispatch|notification|system)\.[a-zA-Z]+/;

test("the audit log reads in Chinese, filters by area, shows what changed and exports to .xlsx", async ({ page }) => {
  test.setTimeout(150_000);
  await signInAs(page, "admin");
  await page.goto("/admin/audit");
  await expect(page.getByRole("heading", { name: "审计日志" })).toBeVisible();
  await expect(page.getByText("系统中每一项修改的记录，以及登录失败、被拒绝的操作等安全事件")).toBeVisible();

  const table = page.getByTestId("audit-table");
  await expect(page.getByTestId("audit-row").first()).toBeVisible();
  const text = await table.innerText();
  expect(text).not.toMatch(RAW_CODE);
  expect(text).not.toContain("{");
  await page.screenshot({ path: "test-results/screens/audit.png", fullPage: true });

  // Filter by area: every row is a 双向派单 entry, named in Chinese.
  await page.getByLabel("业务领域").selectOption({ label: "双向派单" });
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page).toHaveURL(/area=dispatch/, { timeout: 30_000 });
  const rows = page.getByTestId("audit-row");
  await expect(rows.first()).toBeVisible();
  const actions = await rows.evaluateAll((els) => els.map((e) => e.getAttribute("data-action")));
  expect(actions.length).toBeGreaterThan(0);
  expect(actions.every((a) => a?.startsWith("dispatch."))).toBe(true);
  expect(await table.innerText()).not.toMatch(RAW_CODE);
  await expect(page.getByTestId("audit-action").getByText("部门接收派单", { exact: true }).first()).toBeVisible();

  // One action: what changed, field by field, and a link to the case.
  await page.getByLabel("操作", { exact: true }).selectOption({ label: "部门接收派单" });
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page).toHaveURL(/action=dispatch\.accept/, { timeout: 30_000 });
  const row = rows.first();
  await row.getByText("变更内容").click();
  const changes = row.getByTestId("audit-changes");
  await expect(changes).toBeVisible();
  const status = changes.locator('[data-field="status"]');
  await expect(status).toContainText("状态");
  await expect(status).toContainText("待部门接收");
  await expect(status).toContainText("部门办理中");
  await expect(changes).not.toContainText("ACCEPTED");
  const link = row.getByTestId("audit-subject-link");
  await expect(link).toHaveAttribute("href", /^\/dispatch\/\d+$/);
  await page.screenshot({ path: "test-results/screens/audit-changes.png", fullPage: true });

  // The export holds the same filtered rows, with Chinese headers and the readable change.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("audit-export").click()]);
  expect(download.suggestedFilename()).toMatch(/^审计日志-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const file = await download.path();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.getWorksheet("审计日志")!;
  expect(String(sheet.getCell("A2").value)).toContain("操作：部门接收派单");
  expect((sheet.getRow(3).values as unknown[]).slice(1, 10)).toEqual(["时间", "操作人", "角色", "单位", "业务领域", "操作", "结果", "对象", "变更内容"]);
  const first = (sheet.getRow(4).values as unknown[]).slice(1);
  expect(first[4]).toBe("双向派单");
  expect(first[5]).toBe("部门接收派单");
  expect(first[6]).toBe("成功");
  expect(String(first[8])).toContain("状态：待部门接收 → 部门办理中");
  expect(sheet.rowCount - 3).toBe(await rows.count());
});

test("security events can be picked out by outcome", async ({ page }) => {
  await db(
    `INSERT INTO audit_log (actor_name, actor_roles, unit_name, action, subject_type, subject_id, outcome, address)
     VALUES ('越权测试人', 'STREET', '东湖街道办事处', 'security.denied', 'powerList', '1', 'DENIED', '10.0.0.9')`,
  );
  test.setTimeout(120_000);
  await signInAs(page, "admin");
  await page.goto("/admin/audit");
  await page.getByLabel("结果").selectOption({ label: "全部安全事件" });
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page).toHaveURL(/outcome=PROBLEM/, { timeout: 30_000 });
  const row = page.getByTestId("audit-row").filter({ hasText: "越权测试人" });
  await expect(row).toContainText("禁止的操作尝试");
  await expect(row).toContainText("拒绝");
  await expect(row).toContainText("安全事件");
  const outcomes = await page.getByTestId("audit-row").evaluateAll((els) => els.map((e) => e.getAttribute("data-outcome")));
  expect(outcomes.every((o) => o !== "SUCCESS")).toBe(true);
  await page.screenshot({ path: "test-results/screens/audit-security.png", fullPage: true });
});
