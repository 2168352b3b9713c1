import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { signInAs } from "./support";

// 各类清单 (issue 13): each of 徐州's six seeded types has a published list that reads in Chinese
// on the portal and downloads as .xlsx; 编办 defines a new type in the browser, drafts a list of it,
// reviews and publishes it, and the public page shows it.

const SEEDED = ["责任清单", "权力清单", "公共服务事项清单", "职责准入清单", "村级便民服务点受理民生服务清单", "县镇跨部门信息共享清单"];

test("each seeded list type has a published list, readable on the portal and downloadable as .xlsx", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("/typed-lists");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("各类清单");
  for (const name of SEEDED) {
    await page.goto("/typed-lists");
    await page.getByRole("link", { name: `清河镇人民政府${name}`, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`清河镇人民政府${name}`);
    await expect(page.getByTestId("typed-list-table").locator("tbody tr").first()).toBeVisible();
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "下载 Excel" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
    const bytes = fs.readFileSync((await file.path())!);
    expect(bytes.subarray(0, 2).toString()).toBe("PK");
  }
  // Search within the 公共服务事项清单 by text and section.
  await page.goto("/typed-lists?type=xz-public-service");
  await page.getByRole("link", { name: "清河镇人民政府公共服务事项清单" }).click();
  await expect(page.getByRole("columnheader", { name: "服务对象" })).toBeVisible();
  await page.getByLabel("关键词").fill("最低生活保障");
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(page.getByTestId("typed-list-table").locator("tbody tr")).toHaveCount(1);
  await expect(page.getByTestId("typed-list-table")).toContainText("最低生活保障申请受理");
});

test("编办 defines a list type, drafts a list of it, reviews and publishes it", async ({ page }) => {
  test.setTimeout(180_000);
  const suffix = Date.now().toString(36);
  const typeName = `矛盾纠纷调解事项清单${suffix}`;
  await signInAs(page, "bianban");
  await page.goto("/admin/list-types/new");
  const form = page.getByTestId("list-type-form");
  await form.getByLabel("类型代码").fill(`demo-${suffix}`);
  await form.getByLabel("清单类型名称").fill(typeName);
  await form.getByRole("button", { name: "添加一列" }).click();
  const second = form.getByTestId("type-column").nth(1);
  await second.getByLabel("列名").fill("调解时限");
  await second.getByLabel("字段代码").fill("days");
  await second.getByLabel("字段类型").selectOption({ label: "时限（工作日）" });
  await second.getByLabel("必填").check();
  await form.getByRole("button", { name: "新建清单类型" }).click();
  await expect(page.getByTestId("list-type-created")).toBeVisible();

  await page.goto("/typed-lists/manage");
  const section = page.locator("section", { has: page.getByRole("heading", { name: typeName }) });
  await section.getByLabel("新建清单草稿：单位").selectOption({ label: "北门街道办事处" });
  await section.getByRole("button", { name: "新建" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`北门街道办事处${typeName}`);

  // A bad cell is named and nothing is added.
  const add = page.getByTestId("add-row-form");
  await add.getByLabel("事项名称").fill("邻里纠纷调解");
  await add.getByLabel("调解时限").fill("很快");
  await add.getByRole("button", { name: "添加事项" }).click();
  await expect(add.getByText(/调解时限请填写工作日数/)).toBeVisible();
  await add.getByLabel("调解时限").fill("15");
  await add.getByRole("button", { name: "添加事项" }).click();
  await expect(page.getByTestId("typed-rows")).toContainText("邻里纠纷调解");
  await expect(page.getByTestId("typed-rows")).toContainText("15 个工作日");

  await page.getByTestId("submit-typed-list").getByRole("button", { name: "提交审核" }).click();
  const review = page.getByTestId("review-typed-list");
  await review.getByLabel(/审核意见/).fill("同意公布。");
  await review.getByRole("button", { name: "通过" }).click();
  await expect(page.getByTestId("typed-opinions")).toContainText("同意公布。");
  const publish = page.getByTestId("publish-typed-list");
  await publish.getByLabel("文号").fill("东编办发〔2026〕9号");
  page.once("dialog", (d) => d.accept());
  await publish.getByRole("button", { name: "公布第 1 版" }).click();
  await expect(page.getByText("已公布版本")).toBeVisible();

  await page.goto("/typed-lists");
  await page.getByRole("link", { name: `北门街道办事处${typeName}` }).click();
  await expect(page.getByTestId("typed-list-table")).toContainText("邻里纠纷调解");
  await expect(page.getByRole("columnheader", { name: "调解时限" })).toBeVisible();

  // 停用 the type: asked in a dialog; no new list of it can be drafted, the published one stays public.
  await page.goto("/admin/list-types");
  const entry = page.getByTestId(`list-type-demo-${suffix}`);
  await entry.getByRole("button", { name: "停用" }).click();
  const dialog = page.getByRole("dialog", { name: "停用清单类型" });
  await expect(dialog).toContainText(`停用后不能再新建「${typeName}」`);
  await dialog.getByRole("button", { name: "停用" }).click();
  await expect(entry.getByText("已停用")).toBeVisible();
  await expect(entry.getByRole("button", { name: "启用" })).toBeVisible();
  // A used type cannot be deleted: there is no button for it.
  await expect(entry.getByRole("button", { name: "删除" })).toHaveCount(0);
  await page.screenshot({ path: "test-results/screens/list-types-retired.png", fullPage: true });
  await page.goto("/typed-lists/manage");
  const retired = page.locator("section", { has: page.getByRole("heading", { name: typeName }) });
  await expect(retired.getByText("已停用")).toBeVisible();
  await expect(retired.getByRole("link", { name: `北门街道办事处${typeName}` })).toBeVisible();
  await expect(retired.getByLabel("新建清单草稿：单位")).toHaveCount(0);
  // Seeded types still offer new drafts.
  await expect(page.getByLabel("新建清单草稿：单位").first()).toBeVisible();
  await page.goto("/typed-lists");
  await expect(page.getByRole("link", { name: `北门街道办事处${typeName}` })).toBeVisible();
});

test("the portal search finds typed-list rows, and 最近公布 shows typed lists, each with its type", async ({ page }) => {
  await page.goto("/search?q=高龄津贴");
  const typed = page.getByTestId("search-typed");
  await expect(typed).toContainText("其他清单中的事项（1 项）");
  await expect(typed).toContainText("村级便民服务点受理民生服务清单");
  await expect(typed).toContainText("清河镇人民政府村级便民服务点受理民生服务清单");
  await page.screenshot({ path: "test-results/screens/search-typed.png", fullPage: true });
  await typed.getByRole("link", { name: "高龄津贴申请" }).click();
  await expect(page).toHaveURL(/\/typed-lists\/\d+#row-/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("清河镇人民政府村级便民服务点受理民生服务清单");
  // The link names the row: its anchor is that row of the table.
  await expect(page.locator(new URL(page.url()).hash)).toContainText("高龄津贴申请");

  await page.goto("/");
  const latest = page.getByTestId("latest");
  // The seeded typed lists are the latest publications of the demo city.
  await expect(latest.locator('a[href^="/typed-lists/"]').first()).toBeVisible();
  await page.screenshot({ path: "test-results/screens/home-latest-typed.png", fullPage: true });
});
