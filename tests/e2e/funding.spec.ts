import { expect, test } from "@playwright/test";
import { signInAs } from "./support";

// 费随事转: 编办 records a disbursement against one community's duty and sees the ledger's status
// change; the 按部门 table counts the duty once and its units separately.

test("编办 records a disbursement in the 费随事转 ledger: 未拨付 → 部分拨付", async ({ page }) => {
  test.setTimeout(120_000);
  await signInAs(page, "bianban");
  await page.goto("/funding");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("费随事转经费");

  // The unit's kind has its own column: no 东湖桂花社区（社区（村））.
  const byUnit = page.getByTestId("funding-by-unit");
  await expect(byUnit).toContainText("东湖桂花社区");
  await expect(byUnit).not.toContainText("（社区（村））");
  await expect(page.getByTestId("funding-by-department").locator("th")).toContainText(["准入事项", "承接单位"]);

  const row = page.getByTestId("funding-ledger").locator("li").filter({ hasText: "东湖桂花社区 · 高龄津贴" }).first();
  await expect(row).toContainText("未拨付");
  await row.locator("summary", { hasText: "登记拨付" }).click();
  const form = row.locator("form");
  // Without a 文号 nothing is recorded, and the field says why.
  await form.getByLabel("拨付金额（元）").fill("12000.50");
  await form.getByRole("button", { name: "登记拨付" }).click();
  await expect(form.getByText("请填写拨付文号")).toBeVisible();
  await form.getByLabel("拨付文号").fill("示财行〔2026〕15号");
  await form.getByRole("button", { name: "登记拨付" }).click();
  await expect(row).toContainText("部分拨付");
  await expect(row).toContainText("已拨付 ¥12,000.50");
  await expect(page.getByTestId("funding-disbursements")).toContainText("示财行〔2026〕15号");
  await page.screenshot({ path: "test-results/screens/funding-ledger.png", fullPage: false });
});
