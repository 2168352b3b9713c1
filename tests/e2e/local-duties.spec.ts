import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { signInAs } from "./support";

// 编办 enters a duty a street already held before the admission gate, corrects it, publishes a
// new version, and the public reads it; a street account cannot reach the maintenance page.

test("编办 adds a 存量事项 to a street's 属地管理事项清单 and publishes it", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const name = `老旧小区消防通道日常巡查${Date.now().toString(36)}`;
  await signInAs(page, "bianban");
  await page.goto("/local-duties");
  await page.getByLabel(/维护某个单位的清单/).selectOption({ label: "北门街道办事处" });
  await page.getByTestId("manage-unit").click();
  await expect(page).toHaveURL(/\/local-duties\/manage\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("北门街道办事处属地管理事项清单");

  // A missing field is named, and nothing is added.
  const form = page.getByTestId("add-duty");
  await form.getByLabel("事项名称").fill(name);
  await form.getByRole("button", { name: "添加事项" }).click();
  await expect(form.getByText("请填写事项类型")).toBeVisible();
  await expect(page.locator(`[data-duty-name="${name}"]`)).toHaveCount(0);

  await form.getByLabel("事项类型").fill("安全生产");
  await form.getByLabel("责任部门").selectOption({ label: "示例市应急管理局" });
  // The departments are the city's: the field is named by their level, and a street's duty is 街道职责.
  await form.getByRole("textbox", { name: /^(市级)?部门职责$/ }).fill("制定消防安全检查标准，组织专项整治。");
  await form.getByRole("textbox", { name: "街道职责", exact: true }).fill("每月巡查一次，发现占用消防通道的劝导清理并上报。");
  await form.getByLabel("法律法规及文件依据").fill("《中华人民共和国消防法》第三十二条");
  await form.getByLabel("主体责任").fill("区应急管理局");
  await form.getByLabel("配合责任").fill("街道办事处");
  await form.getByRole("button", { name: "添加事项" }).click();
  await expect(page.getByTestId("add-duty-done")).toBeVisible();
  const row = page.locator(`[data-duty-name="${name}"]`);
  await expect(row).toContainText("存量事项");
  await expect(page.getByText("有未公布的修改")).toBeVisible();

  // Correct it.
  await row.getByText(`修改「${name}」`).click();
  await row.getByRole("textbox", { name: "街道职责", exact: true }).fill("每两周巡查一次，发现占用消防通道的劝导清理并上报。");
  await row.getByRole("button", { name: "保存修改" }).click();
  await expect(row.locator("dd").filter({ hasText: "每两周巡查一次" }).first()).toBeVisible();
  await page.screenshot({ path: "test-results/screens/local-duties-manage.png", fullPage: false });

  // Publish: a new version; the page then matches it.
  // Publishing asks first, and says what will be published.
  await page.getByTestId("publish-duties-form").getByLabel("公布说明").fill("编办梳理存量事项");
  await page.getByTestId("publish-duties-form").getByRole("button", { name: "公布新版本" }).click();
  const confirm = page.getByTestId("publish-duties-confirm");
  await expect(confirm).toBeVisible();
  await expect(confirm).toContainText("北门街道办事处属地管理事项清单");
  await expect(confirm).toContainText("新增 1 项");
  await confirm.getByRole("button", { name: "确认公布" }).click();
  await expect(page.getByText("与现行版本一致")).toBeVisible();
  const unitId = page.url().split("/").pop();

  // The public finds it from the portal's home without signing in, and downloads it.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto("/");
  await visitor.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "属地管理事项" }).click();
  await expect(visitor).toHaveURL(/\/lists\/local$/);
  await visitor.getByRole("link", { name: "北门街道办事处" }).click();
  await expect(visitor).toHaveURL(new RegExp(`/local-duties/${unitId}$`));
  await expect(visitor.getByText(name).filter({ visible: true }).first()).toBeVisible();
  await expect(visitor.getByText("编办梳理存量事项").filter({ visible: true }).first()).toBeVisible();
  const [download] = await Promise.all([visitor.waitForEvent("download"), visitor.getByRole("link", { name: "下载 CSV" }).click()]);
  const csv = fs.readFileSync((await download.path())!, "utf8");
  expect(csv.startsWith("\ufeff序号,事项类型,事项名称")).toBe(true);
  expect(csv).toContain(name);
  const [xlsx] = await Promise.all([visitor.waitForEvent("download"), visitor.getByRole("link", { name: "下载 Excel" }).click()]);
  expect(xlsx.suggestedFilename()).toMatch(/^北门街道办事处属地管理事项清单（第\d+版）\.xlsx$/);

  // The portal's search finds it among the duties in force.
  await visitor.goto("/search");
  await visitor.getByLabel(/检索词/).fill(name.slice(0, 12));
  await visitor.getByRole("button", { name: "检索" }).click();
  await expect(visitor.getByTestId("search-local")).toContainText(name);
  await expect(visitor.getByTestId("search-local")).toContainText("北门街道办事处属地管理事项清单");

  // 编办 takes it out again: the next version says so, and the first still holds it.
  await row.locator("summary", { hasText: "移出清单" }).click();
  await row.getByLabel("移出理由").fill("该事项已由区应急管理局收回");
  await row.getByRole("button", { name: "移出清单" }).click();
  await expect(page.locator(`[data-duty-name="${name}"]`)).toHaveCount(0);
  await expect(page.getByText("该事项已由区应急管理局收回")).toBeVisible();
  await page.getByTestId("publish-duties-form").getByLabel("公布说明").fill("收回一项");
  await page.getByTestId("publish-duties-form").getByRole("button", { name: "公布新版本" }).click();
  await expect(page.getByTestId("publish-duties-confirm")).toContainText("移出 1 项");
  await page.getByTestId("publish-duties-confirm").getByRole("button", { name: "确认公布" }).click();
  await expect(page.getByText("与现行版本一致")).toBeVisible();
  await visitor.goto(`/local-duties/${unitId}`);
  const diff = visitor.getByTestId("local-duty-diff");
  await expect(diff).toContainText("移出 1 项");
  await expect(diff).toContainText(`移出：${name}`);
  await visitor.getByRole("link", { name: "第 1 版" }).click();
  await expect(visitor.getByText(name).filter({ visible: true }).first()).toBeVisible();
  await expect(visitor.getByText("这是历史版本")).toBeVisible();

  // A street account is refused at the server.
  const street = await (await browser.newContext()).newPage();
  await signInAs(street, "jiedao");
  const response = await street.goto(`/local-duties/manage/${unitId}`);
  expect(response?.status()).toBe(403);
});

test("a community's list says 社区职责 and names city departments 市级; an unpublished list says only 尚未公布", async ({ page, browser }) => {
  test.setTimeout(120_000);
  // The public page of a community's list (seeded: 东湖桂花社区 holds the city's 高龄津贴 duty).
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto("/lists/local");
  await visitor.getByRole("link", { name: "东湖桂花社区" }).click();
  const table = visitor.getByTestId("local-duty-table");
  await expect(table.locator("th")).toContainText(["市级部门职责", "社区职责"]);
  await expect(table.locator("th", { hasText: "街道职责" })).toHaveCount(0);
  await expect(table).not.toContainText("区级部门职责");
  await expect(table).toContainText("老年人权益保障法");
  await expect(table).not.toContainText("城乡规划法");

  // A unit whose list was never published (not on the portal's index): 尚未公布, and not also 与现行版本一致.
  const published = new Set<string>();
  await visitor.goto("/lists/local");
  for (const t of await visitor.locator("main a").allTextContents()) published.add(t.trim());
  await signInAs(page, "bianban");
  await page.goto("/local-duties");
  const select = page.getByLabel(/维护某个单位的清单/);
  const options = (await select.locator("option").allTextContents()).map((o) => o.trim()).filter(Boolean);
  const fresh = options.find((o) => !published.has(o) && !o.startsWith("请选择") && !o.startsWith("（"));
  test.skip(!fresh, "every unit has a published list in this database");
  await select.selectOption({ label: fresh! });
  await page.getByTestId("manage-unit").click();
  await expect(page.getByText("尚未公布", { exact: true })).toBeVisible();
  await expect(page.getByText("与现行版本一致")).toHaveCount(0);
});
