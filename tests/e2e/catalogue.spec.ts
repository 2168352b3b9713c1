import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { benchLayout, generateCatalogueWorkbook } from "../../lib/catalogue/import/bench-data";
import { HANGING_XLS } from "../fixtures/paths";
import { db, signInAs } from "./support";

const FIXTURES = process.env.E2E_FIXTURES ?? path.resolve(process.cwd(), "tests/fixtures/real-lists");
const SCREENS = "test-results/screens";


test("编办 imports a published list, fixes a flagged row, commits, finds an item and exports", async ({ page }) => {
  test.setTimeout(120_000);
  await signInAs(page, "bianban");
  await page.goto("/catalogue/guidance");
  await expect(page.getByRole("heading", { name: "赋权事项指导清单" })).toBeVisible();
  await expect(page.getByTestId("editions-table")).toContainText("示例省赋权事项指导清单（2021年版）");
  await page.screenshot({ path: `${SCREENS}/catalogue-list.png`, fullPage: true });

  // A new draft edition started from a file.
  await page.getByTestId("import-edition").click();
  const title = `商务局权责清单（E2E ${Date.now().toString(36)}）`;
  await page.getByLabel("版本名称").fill(title);
  await page.getByRole("button", { name: "创建并上传文件" }).click();
  await expect(page.getByRole("heading", { name: "导入清单文件" })).toBeVisible();

  await page.locator("#import-file").setInputFiles(path.join(FIXTURES, "karamay-2024-commerce-bureau.xlsx"));
  await expect(page.getByText("karamay-2024-commerce-bureau.xlsx")).toBeVisible();
  await page.getByTestId("upload-submit").click();

  // The preview: the sheet, its header row and the item count.
  await expect(page.getByRole("heading", { name: "导入预览" })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("stat-read")).toContainText("21");
  await expect(page.getByTestId("stat-import")).toContainText("21");
  await expect(page.getByTestId("preview-sheets")).toContainText("第 2 行");
  await page.screenshot({ path: `${SCREENS}/catalogue-import-preview.png`, fullPage: true });

  // The flagged row (no 序号): fix its name inline.
  await page.getByRole("link", { name: /有问题/ }).click();
  const flagged = page.getByTestId("preview-row").filter({ hasText: "序号为空" }).first();
  await expect(flagged).toBeVisible();
  await flagged.getByTestId("fix-row").click();
  const editor = page.getByTestId("row-editor");
  await editor.getByLabel("事项名称").fill("对外贸易经营者备案登记（已核对）");
  await editor.getByRole("button", { name: "保存" }).click();
  await expect(page.getByTestId("preview-row").filter({ hasText: "对外贸易经营者备案登记（已核对）" })).toContainText("已修改");
  await page.screenshot({ path: `${SCREENS}/catalogue-import-fixed.png`, fullPage: true });

  await page.getByTestId("commit-import").click();
  await expect(page.getByTestId("import-done")).toContainText("已导入 21 个事项", { timeout: 30_000 });
  await expect(page.getByTestId("edition-title")).toHaveText(title);

  // Find an item by text in the edition table.
  await page.getByLabel("搜索").fill("成品油");
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page.getByTestId("item-row").first()).toContainText("成品油零售经营许可");
  await expect(page.getByText("共 1 条")).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/catalogue-edition-search.png`, fullPage: true });
  await page.getByTestId("item-row").first().getByRole("link", { name: "成品油零售经营许可", exact: true }).click();
  await expect(page.getByTestId("item-name")).toHaveText("成品油零售经营许可");
  await expect(page.getByText("【国务院决定】").first()).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/catalogue-item.png`, fullPage: true });
  await page.goBack();

  // Export: a real .xlsx (a zip, so it starts with PK).
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "导出 Excel", exact: true }).click()]);
  expect(download.suggestedFilename()).toBe(`${title}（草稿）.xlsx`);
  const file = await download.path();
  expect(fs.readFileSync(file!).subarray(0, 2).toString()).toBe("PK");

  // The import is recorded on the edition.
  const [report] = await db<{ item_count: number; file_name: string }>(
    `SELECT r.item_count, r.file_name FROM catalogue_import_report r JOIN catalogue_edition e ON e.id = r.edition_id WHERE e.title = $1`,
    [title],
  );
  expect(report).toEqual({ item_count: 21, file_name: "karamay-2024-commerce-bureau.xlsx" });
});

test("a large file is parsed in the worker thread of the built app: the parsing state shows, then the preview", async ({ page }) => {
  test.setTimeout(120_000);
  await signInAs(page, "bianban");
  await page.goto("/catalogue/guidance");
  await page.getByTestId("import-edition").click();
  await page.getByLabel("版本名称").fill(`大文件解析（E2E ${Date.now().toString(36)}）`);
  await page.getByRole("button", { name: "创建并上传文件" }).click();
  await expect(page.getByRole("heading", { name: "导入清单文件" })).toBeVisible();

  // Two thousand rows (1,428 items with 858 sub-item rows) for SheetJS in the built app's worker
  // chunk: well inside the 10 s parse limit the e2e server runs with, even with a load average of
  // 15 on two cores (6,000 rows ran past it there). The parsing state lasts as long as the parse,
  // so the page records each state it shows rather than the test racing to see a short one.
  const rows = 2_000;
  const { items, subItems } = benchLayout(rows);
  await page.locator("#import-file").setInputFiles({ name: "大文件.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: generateCatalogueWorkbook(rows) });
  await page.evaluate(() => {
    const shown: string[] = [];
    (window as unknown as { parsingShown: string[] }).parsingShown = shown;
    new MutationObserver(() => {
      const text = document.querySelector('[data-testid="parsing"]')?.textContent;
      if (text && !shown.includes(text)) shown.push(text);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  const upload = page.waitForResponse((r) => r.url().endsWith("/api/catalogue/import"));
  await page.getByTestId("upload-submit").click();
  expect((await upload).status()).toBe(200);
  await expect(page.getByRole("heading", { name: "导入预览" })).toBeVisible({ timeout: 60_000 });
  expect(await page.evaluate(() => (window as unknown as { parsingShown: string[] }).parsingShown)).toContainEqual(expect.stringContaining("正在解析表格"));
  await expect(page.getByTestId("stat-read")).toContainText(String(items));
  await expect(page.getByTestId("stat-read")).toContainText(`含 ${subItems} 个子项`);
});

test("a corrupted file that SheetJS never finishes is stopped at the limit while the server keeps answering", async ({ page }) => {
  test.setTimeout(120_000);
  await signInAs(page, "bianban");
  await page.goto("/catalogue/guidance");
  await page.getByTestId("import-edition").click();
  const title = `损坏文件（E2E ${Date.now().toString(36)}）`;
  await page.getByLabel("版本名称").fill(title);
  await page.getByRole("button", { name: "创建并上传文件" }).click();
  await expect(page.getByRole("heading", { name: "导入清单文件" })).toBeVisible();

  await page.locator("#import-file").setInputFiles(HANGING_XLS);
  await page.getByTestId("upload-submit").click();
  await expect(page.getByTestId("parsing")).toContainText("正在解析表格");
  // The parse never ends: had it run on the server's own thread, no other request would ever be
  // answered again.
  const other = await page.request.get("/api/public/lists?pageSize=1");
  expect(other.status()).toBe(200);
  await expect(page.getByTestId("parsing")).toBeVisible();

  // scripts/e2e.ts serves with a 10-second limit.
  await expect(page.getByTestId("upload-error")).toContainText("文件解析超时（超过 10 秒），文件可能已损坏或结构异常，已停止解析，没有导入任何内容。", { timeout: 60_000 });
  await expect(page.getByTestId("upload-submit")).toBeEnabled();
  await page.screenshot({ path: `${SCREENS}/catalogue-import-timeout.png`, fullPage: true });
  const kept = await db<{ n: number }>(
    `SELECT count(*)::int AS n FROM import_session s JOIN catalogue_edition e ON e.id = s.edition_id WHERE e.title = $1`,
    [title],
  );
  expect(kept).toEqual([{ n: 0 }]);
});

test("编办 sees the seeded draft compared with the issued edition and manages the dictionaries", async ({ page }) => {
  await signInAs(page, "bianban");
  const [draft] = await db<{ id: number }>(`SELECT id FROM catalogue_edition WHERE title = '示例省赋权事项指导清单（2025年修订稿）'`);
  await page.goto(`/catalogue/editions/${draft.id}`);
  await expect(page.getByTestId("edition-counts")).toContainText("行政处罚");
  await expect(page.getByTestId("new-item")).toBeVisible();
  await expect(page.getByTestId(`issue-edition-${draft.id}`)).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/catalogue-draft.png`, fullPage: true });
  // 编办 sets the 领域 of two ticked items at once.
  const bulk = page.getByTestId("bulk-edit-form");
  await bulk.getByRole("button", { name: "设置所选事项" }).click();
  await expect(bulk.getByText("请先勾选要修改的事项")).toBeVisible();
  const ticks = page.getByTestId("items-table").getByRole("checkbox");
  await ticks.nth(0).check();
  await ticks.nth(1).check();
  await bulk.getByLabel("领域").selectOption({ label: "消防" });
  await bulk.getByRole("button", { name: "设置所选事项" }).click();
  await expect(bulk.getByText("已为 2 个事项设置领域「消防」")).toBeVisible();
  await expect(page.getByTestId("item-row").nth(0)).toContainText("消防");

  await page.getByRole("link", { name: "与原版本对比" }).click();
  await expect(page.getByTestId("diff-added")).toContainText("2");
  await expect(page.getByTestId("diff-removed")).toContainText("1");
  await expect(page.getByTestId("compare-result")).toContainText("《城市建筑垃圾管理规定》");
  // Items and sub-items are counted apart, and the totals are those of the edition headers.
  await expect(page.getByTestId("diff-added-items")).toHaveText("2");
  await expect(page.getByTestId("diff-removed-items")).toHaveText("1");
  await expect(page.getByTestId("diff-totals")).toContainText("原版本共");
  // Only editions of the same catalogue type are offered.
  const offered = await page.getByLabel("原版本").locator("option").allTextContents();
  expect(offered.some((t) => t.includes("示例省赋权事项指导清单（2021年版）"))).toBe(true);
  expect(offered.some((t) => t.includes("通用权责清单"))).toBe(false);
  await page.screenshot({ path: `${SCREENS}/catalogue-compare.png`, fullPage: true });
  // The 通用权责清单's edition page has its 版本对比 button too; the compare page stays on that type.
  const [general] = await db<{ id: number }>(`SELECT id FROM catalogue_edition WHERE title = '示例市街道通用权责清单（2024年版）'`);
  await page.goto(`/catalogue/editions/${general.id}`);
  await page.getByTestId("edition-compare").click();
  await expect(page.getByTestId("compare-kind").getByRole("link", { name: "街道通用权责清单", exact: false }).first()).toHaveAttribute("aria-current", "page");
  const generalOffered = await page.getByLabel("对比版本").locator("option").allTextContents();
  expect(generalOffered.some((t) => t.includes("指导清单"))).toBe(false);
  expect(generalOffered.some((t) => t.includes("示例市街道通用权责清单（2024年版）"))).toBe(true);

  await page.goto("/catalogue/dictionary");
  await expect(page.getByTestId("entry-行政检查")).toContainText("行政监督");
  await page.screenshot({ path: `${SCREENS}/catalogue-dictionary.png`, fullPage: true });

  // Issuing asks first; cancelling changes nothing.
  await page.goto(`/catalogue/editions/${draft.id}`);
  await page.getByTestId(`issue-edition-${draft.id}`).click();
  await expect(page.getByRole("dialog")).toContainText("不能再修改、删除或导入");
  await page.screenshot({ path: `${SCREENS}/catalogue-issue-confirm.png` });
  await page.getByRole("button", { name: "取消" }).click();
  const [still] = await db<{ status: string }>(`SELECT status FROM catalogue_edition WHERE id = $1`, [draft.id]);
  expect(still.status).toBe("DRAFT");
});

test("a department user reads issued editions without edit controls and gets 403 on a draft", async ({ page }) => {
  await signInAs(page, "chengguan");
  await page.goto("/catalogue/guidance");
  const table = page.getByTestId("editions-table");
  await expect(table).toContainText("示例省赋权事项指导清单（2021年版）");
  await expect(table).not.toContainText("2025年修订稿");
  await expect(page.getByTestId("new-edition")).toHaveCount(0);
  await expect(page.getByTestId("import-edition")).toHaveCount(0);

  await table.getByRole("link", { name: "示例省赋权事项指导清单（2021年版）" }).click();
  await expect(page.getByTestId("items-table")).toBeVisible();
  await expect(page.getByTestId("new-item")).toHaveCount(0);
  await expect(page.getByTestId("edition-import")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "发布" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: /^编辑/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "删除" })).toHaveCount(0);
  const penalty = await page.locator("#type option", { hasText: "行政处罚" }).getAttribute("value");
  await page.getByLabel("权力类型").selectOption(penalty!);
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page.getByTestId("item-row").first()).toContainText("处罚");
  await page.screenshot({ path: `${SCREENS}/catalogue-department.png`, fullPage: true });
  await page.getByTestId("item-row").first().getByRole("link", { name: "查看" }).click();
  await expect(page.getByTestId("item-name")).toBeVisible();
  await expect(page.getByTestId("edit-item")).toHaveCount(0);

  const [draft] = await db<{ id: number }>(`SELECT id FROM catalogue_edition WHERE status = 'DRAFT' ORDER BY id LIMIT 1`);
  for (const url of [`/catalogue/editions/${draft.id}`, `/catalogue/editions/${draft.id}/import`, `/catalogue/editions/${draft.id}/items/new`, "/catalogue/dictionary"]) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(403);
    await expect(page.getByRole("heading", { name: "没有访问权限" })).toBeVisible();
  }
  const exported = await page.request.get(`/api/catalogue/editions/${draft.id}/export?format=xlsx`);
  expect(exported.status()).toBe(403);
  await page.screenshot({ path: `${SCREENS}/catalogue-forbidden.png` });
});

test("the edition table scrolls sideways at phone width", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signInAs(page, "jiedao");
  await page.goto("/catalogue/general");
  await page.getByRole("link", { name: "示例市街道通用权责清单（2024年版）" }).first().click();
  await expect(page.getByTestId("items-table")).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: `${SCREENS}/catalogue-mobile.png`, fullPage: true });
});
