import fs from "node:fs";
import * as XLSX from "@e965/xlsx";
import { expect, test } from "@playwright/test";
import { signInAs } from "./support";

// 编办 fills in the import template for a street's 属地管理事项清单, sees the preview (a bad
// file is refused row by row), imports, and publishes.

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

function fileOf(rows: string[][]): Buffer {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), "清单");
  return XLSX.write(wb, { type: "buffer", bookType: "xlsx" }) as Buffer;
}

test("编办 imports 存量事项 from the template, after a preview, and publishes them", async ({ page }) => {
  test.setTimeout(180_000);
  const tag = Date.now().toString(36);
  const names = [`河道沿岸垃圾清理${tag}`, `户外广告设施安全巡查${tag}`, `老旧小区燃气安全宣传${tag}`];
  await signInAs(page, "bianban");
  await page.goto("/local-duties");
  await page.getByLabel(/维护某个单位的清单/).selectOption({ label: "凤凰街道办事处" });
  await page.getByTestId("manage-unit").click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("凤凰街道办事处属地管理事项清单");
  const section = page.getByTestId("duty-import");

  // The template: the header row and one example row.
  const [download] = await Promise.all([page.waitForEvent("download"), section.getByTestId("import-template").click()]);
  expect(download.suggestedFilename()).toBe("属地管理事项清单导入模板.xlsx");
  const template = XLSX.read(fs.readFileSync((await download.path())!), { type: "buffer" });
  const [header, example] = XLSX.utils.sheet_to_json<string[]>(template.Sheets[template.SheetNames[0]], { header: 1 });
  expect(header).toEqual(["事项类型", "事项名称", "责任部门", "部门职责", "街道（社区）职责", "法律法规及文件依据", "主体责任", "配合责任"]);
  const filled = [
    header,
    [example[0], names[0], "示例市水利局", "制定河道保洁标准，组织考核。", "日常巡查沿岸垃圾，及时清理或上报。", "《中华人民共和国水污染防治法》第三十七条", "区水利局", "街道办事处"],
    ["城市管理", names[1], "示例市城市管理综合执法局", "审批户外广告设置，组织安全检查。", "巡查发现安全隐患及时上报。", "《城市市容和环境卫生管理条例》第十一条", "区城管局", "街道办事处"],
    ["安全生产", names[2], "区燃气协会", "组织燃气安全宣传活动。", "在社区开展入户宣传。", "《城镇燃气管理条例》第八条", "区住建局", "街道办事处（社区）"],
  ];

  // A file with a missing field and a duplicate: previewed, and refused as a whole.
  const bad = [...filled.slice(0, 3), [...filled[3].slice(0, 4), "", ...filled[3].slice(5)], filled[1]];
  await section.getByLabel("选择文件").setInputFiles({ name: "凤凰街道清单.xlsx", mimeType: XLSX_TYPE, buffer: fileOf(bad) });
  const preview = page.getByTestId("import-preview");
  await expect(preview).toContainText("2 行有错误");
  await expect(preview.locator('tr[data-row="4"]')).toContainText("请填写街道（社区）职责");
  await expect(preview.locator('tr[data-row="5"]')).toContainText("与第 2 行的事项名称重复");
  await expect(page.getByTestId("import-blocked")).toBeVisible();
  await expect(page.getByTestId("import-confirm")).toBeDisabled();
  await preview.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-results/screens/local-duty-import-errors.png", fullPage: false });

  // The corrected file, with a title row above the header as real lists have.
  await section.getByLabel("选择文件").setInputFiles({ name: "凤凰街道清单（改）.xlsx", mimeType: XLSX_TYPE, buffer: fileOf([["凤凰街道属地管理事项清单"], ...filled]) });
  await expect(preview).toContainText("可导入 3 项");
  await expect(preview).not.toContainText("有错误");
  await expect(preview.locator('tr[data-row="5"]')).toContainText("「区燃气协会」不是系统中的部门，将按填写的名称保存");
  await preview.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-results/screens/local-duty-import-preview.png", fullPage: false });
  await page.getByTestId("import-confirm").click();
  await expect(page.getByTestId("import-done")).toContainText("已导入 3 项");
  for (const name of names) await expect(page.locator(`[data-duty-name="${name}"]`)).toContainText("存量事项");
  await expect(page.getByText("有未公布的修改")).toBeVisible();

  // The same file again: everything is already there.
  await section.getByLabel("选择文件").setInputFiles({ name: "凤凰街道清单（改）.xlsx", mimeType: XLSX_TYPE, buffer: fileOf(filled) });
  await expect(preview).toContainText("已有 3 项，将跳过");
  await expect(page.getByTestId("import-confirm")).toBeDisabled();

  await page.getByTestId("publish-duties-form").getByLabel("公布说明").fill("导入存量事项");
  await page.getByTestId("publish-duties-form").getByRole("button", { name: "公布新版本" }).click();
  await page.getByTestId("publish-duties-confirm").getByRole("button", { name: "确认公布" }).click();
  await expect(page.getByText("与现行版本一致")).toBeVisible();
});

test("a street account cannot download the import template", async ({ page }) => {
  await signInAs(page, "jiedao");
  const response = await page.request.get("/api/local-duties/template");
  expect(response.status()).toBe(403);
});
