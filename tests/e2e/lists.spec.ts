import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { expect as baseExpect, test, type Browser, type Page } from "@playwright/test";
import { db, pageAs } from "./support";

// Pages compile on first use under `next dev`; a production server answers far sooner.
const expect = baseExpect.configure({ timeout: 45_000 });

// One street's list from draft to publication and a later adjustment, walked by every role
// in its own browser, then read by the public without signing in.

async function as(browser: Browser, username: string): Promise<Page> {
  return pageAs(browser, username);
}

async function giveOpinion(page: Page, listId: number, opinion: "同意" | "修改后同意" | "不同意", body?: string, meeting?: { number: string; date: string }) {
  await page.goto(`/lists/manage/${listId}`);
  const form = page.getByTestId("opinion-form");
  await expect(form).toBeVisible();
  await form.getByLabel(opinion, { exact: true }).check();
  if (meeting) {
    await form.getByLabel("会议期次").fill(meeting.number);
    await form.getByLabel("会议日期").fill(meeting.date);
  }
  if (body) await form.getByLabel("意见内容").fill(body);
  await form.getByRole("button", { name: /提交意见/ }).click();
  // The form says so, or, once the refreshed page no longer offers it, the page does.
  await expect(page.getByTestId("opinion-form-done").or(page.getByTestId("my-opinion"))).toBeVisible();
}

test("a street drafts its list, every stage reviews it (one sends it back), 编办 publishes, the public reads it; an adjustment makes version 2", async ({ browser }) => {
  test.setTimeout(900_000);
  const [existing] = await db<{ n: string }>(`SELECT count(*)::text AS n FROM power_list l JOIN org_unit u ON u.id = l.unit_id WHERE u.name = '东湖街道办事处'`);
  test.skip(existing.n !== "0", "东湖街道 already has a list in this database (run on a freshly seeded one)");

  // ---- 1. The street drafts. ----
  const street = await as(browser, "jiedao");
  await street.goto("/lists/manage");
  await expect(street.getByText("本单位还没有职权清单")).toBeVisible();
  await street.getByTestId("new-list").click();
  await street.getByLabel(/职权清单/).first().check();
  await street.getByRole("button", { name: "生成清单草案" }).click();
  await expect(street).toHaveURL(/\/lists\/manage\/\d+$/);
  const listId = Number(street.url().split("/").pop());
  const items = street.getByTestId("draft-items");
  await expect(items.getByText("法定权力事项").first()).toBeVisible();
  await expect(items.getByText("赋权承接事项").first()).toBeVisible();
  // 卫健委's letter still waits for the street's signature: its items stay out, shown as 待确认.
  await expect(street.getByTestId("pending-devolutions")).toContainText("待确认，未带入草案");
  await expect(street.getByTestId("pending-devolutions")).toContainText("待街道签署");
  await street.screenshot({ path: "test-results/screens/lists-draft.png", fullPage: false });

  // An item of the unit's own.
  await street.getByTestId("add-item").click();
  await street.getByLabel("事项名称").fill("对辖区内违规占道晾晒农作物的劝导和处置");
  await street.getByLabel("职能分类").selectOption({ label: "实施综合管理" });
  await street.getByLabel("权力类型").selectOption({ label: "其他行政权力" });
  await street.getByLabel("实施依据").fill("《示例市城市基层治理条例》第二十一条");
  await street.getByLabel("承办机构").fill("综合行政执法队");
  await street.screenshot({ path: "test-results/screens/lists-item-form.png", fullPage: true });
  await street.getByRole("button", { name: "添加事项" }).click();
  await expect(street).toHaveURL(new RegExp(`/lists/manage/${listId}#item-\\d+$`));
  const ownRow = street.locator('[data-item-name="对辖区内违规占道晾晒农作物的劝导和处置"]');
  await expect(ownRow).toContainText("本单位增加");
  const ownId = Number((await ownRow.getAttribute("id"))!.replace("item-", ""));

  // Two people edit the same item: the second is told, not silently overwritten.
  const second = await street.context().newPage();
  await second.goto(`/lists/manage/${listId}/items/${ownId}`);
  await street.goto(`/lists/manage/${listId}/items/${ownId}`);
  await street.getByLabel("备注").fill("第一位同事的修改");
  await street.getByRole("button", { name: "保存修改" }).click();
  await expect(street).toHaveURL(new RegExp(`/lists/manage/${listId}#item-${ownId}$`));
  await second.getByLabel("备注").fill("第二位同事的修改");
  await second.getByRole("button", { name: "保存修改" }).click();
  await expect(second.getByRole("alert").filter({ hasText: "您的修改没有保存" })).toBeVisible();
  await second.screenshot({ path: "test-results/screens/lists-conflict.png", fullPage: false });
  await second.close();
  const [saved] = await db<{ remarks: string }>(`SELECT remarks FROM power_list_item WHERE id = $1`, [ownId]);
  expect(saved.remarks).toBe("第一位同事的修改");

  // ---- 2. 编办 sets the stages: 城管局 for the joint review, no separate solicitation. ----
  const bianban = await as(browser, "bianban");
  await bianban.goto(`/lists/manage/${listId}/stages`);
  const first = bianban.getByTestId("stage-row-0");
  await first.locator("summary").click();
  const checked = first.getByRole("checkbox", { checked: true });
  while ((await checked.count()) > 0) await checked.first().uncheck();
  await first.getByLabel("示例市城市管理综合执法局").check();
  const solicit = bianban.getByTestId("stage-row-2");
  await expect(solicit.getByLabel(/环节名称/)).toHaveValue("征求部门意见");
  await solicit.getByRole("button", { name: "删除「征求部门意见」环节" }).click();
  await bianban.screenshot({ path: "test-results/screens/lists-stages.png", fullPage: true });
  await bianban.getByTestId("save-stages").click();
  await expect(bianban.getByTestId("stages-saved")).toBeVisible();

  // ---- 3. The street submits. ----
  await street.goto(`/lists/manage/${listId}`);
  await street.getByTestId("submit-list").click();
  await street.getByRole("dialog").getByRole("button", { name: "提交" }).click();
  await expect(street.getByTestId("stage-0")).toContainText("进行中");
  await expect(street.getByTestId("add-item")).toHaveCount(0);

  // ---- 4. Each stage: 城管局, 编办 (会商: 东湖区's own 编办), 司法局 sends it back once. ----
  const chengguan = await as(browser, "chengguan");
  await giveOpinion(chengguan, listId, "同意");
  const donghu = await as(browser, "donghu");
  await giveOpinion(donghu, listId, "修改后同意", "建议统一承办机构名称。");
  const sifa = await as(browser, "sifa");
  await sifa.goto("/workspace");
  await expect(sifa.getByText(/审核「东湖街道办事处职权清单」（合法性审查）/).first()).toBeVisible();
  await sifa.goto(`/lists/manage/${listId}`);
  await sifa.screenshot({ path: "test-results/screens/lists-review.png", fullPage: false });
  await giveOpinion(sifa, listId, "不同意", "「对辖区内违规占道晾晒农作物的劝导和处置」依据条款有误，请核对。");

  await street.goto(`/lists/manage/${listId}`);
  await expect(street.getByTestId("returned-notice")).toContainText("依据条款有误");
  await street.goto(`/lists/manage/${listId}/items/${ownId}`);
  await street.getByLabel("实施依据").fill("《示例市城市基层治理条例》第二十二条");
  await street.getByRole("button", { name: "保存修改" }).click();
  await expect(street).toHaveURL(new RegExp(`#item-${ownId}$`));
  await street.getByTestId("submit-list").click();
  await street.getByRole("dialog").getByRole("button", { name: "提交" }).click();
  await expect(street.getByTestId("stage-2")).toContainText("进行中");

  await giveOpinion(sifa, listId, "同意", "经审查，依据合法有效。");
  const lingdao = await as(browser, "lingdao");
  await giveOpinion(lingdao, listId, "同意");
  // 常务会审定 names the meeting; the list's opinion record and its history show it.
  await lingdao.goto(`/lists/manage/${listId}`);
  await expect(lingdao.getByTestId("opinion-form").getByLabel("会议期次")).toBeVisible();
  const meetingDay = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  await giveOpinion(lingdao, listId, "同意", "常务会议审定通过。", { number: "2026年第30次常务会议", date: meetingDay });
  await expect(lingdao.getByText("审核已全部通过，等待编办印发公布。")).toBeVisible();
  await expect(lingdao.getByTestId("opinion-meeting").first()).toContainText("会议期次：2026年第30次常务会议");

  // ---- 5. 编办 publishes, with a confirmation. ----
  await bianban.goto(`/lists/manage/${listId}`);
  await bianban.getByTestId("go-publish").click();
  await bianban.getByLabel("文号").fill("示例编发〔2026〕88号");
  await bianban.getByTestId("publish-button").click();
  const dialog = bianban.getByRole("dialog");
  await expect(dialog).toContainText("内容不能再修改");
  await bianban.screenshot({ path: "test-results/screens/lists-publish-confirm.png", fullPage: false });
  await dialog.getByRole("button", { name: "确认公布" }).click();
  await expect(bianban).toHaveURL(new RegExp(`/lists/manage/${listId}$`));
  await expect(bianban.getByText("已公布的版本")).toBeVisible();
  await bianban.goto(`/lists/manage/${listId}`);
  await expect(bianban.getByTestId("timeline")).toContainText("退回起草单位修改");
  await expect(bianban.getByTestId("timeline")).toContainText("印发公布");
  await bianban.screenshot({ path: "test-results/screens/lists-published.png", fullPage: true });
  // A reviewer's page no longer says "本单位已于…提出意见" once the list is published.
  await sifa.goto(`/lists/manage/${listId}`);
  await expect(sifa.getByText("已公布的版本")).toBeVisible();
  await expect(sifa.getByTestId("my-opinion")).toHaveCount(0);

  // ---- 6. The public finds it, searches and downloads. ----
  const publicContext = await browser.newContext();
  const visitor = await publicContext.newPage();
  await visitor.goto("/");
  await expect(visitor.getByTestId("latest")).toContainText("东湖街道办事处职权清单");
  await visitor.getByRole("link", { name: "东湖街道办事处职权清单" }).first().click();
  await expect(visitor).toHaveURL(new RegExp(`/lists/${listId}$`));
  await expect(visitor.getByTestId("version-meta")).toContainText("示例编发〔2026〕88号");
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText("东湖街道办事处职权清单");
  await visitor.screenshot({ path: "test-results/screens/portal-list-published.png", fullPage: false });
  await visitor.getByLabel("在本清单中查找").fill("晾晒");
  await visitor.getByRole("button", { name: "查找" }).click();
  await expect(visitor.getByTestId("items-count")).toHaveText(/找到 1 项/);
  await visitor.getByRole("link", { name: "对辖区内违规占道晾晒农作物的劝导和处置" }).first().click();
  await expect(visitor.getByTestId("item-fields")).toContainText("第二十二条");
  await visitor.screenshot({ path: "test-results/screens/portal-item.png", fullPage: true });

  await visitor.goto("/search?q=" + encodeURIComponent("晾晒农作物"));
  await expect(visitor.getByTestId("search-results")).toContainText("东湖街道办事处职权清单");
  await visitor.screenshot({ path: "test-results/screens/portal-search.png", fullPage: false });

  await visitor.goto(`/lists/${listId}`);
  const [xlsx] = await Promise.all([visitor.waitForEvent("download"), visitor.getByTestId("download-xlsx").click()]);
  expect(xlsx.suggestedFilename()).toMatch(/东湖街道办事处职权清单（第1版）\.xlsx$/);
  const [pdf] = await Promise.all([visitor.waitForEvent("download"), visitor.getByTestId("download-pdf").click()]);
  const pdfPath = test.info().outputPath("list.pdf");
  await pdf.saveAs(pdfPath);
  expect(fs.readFileSync(pdfPath).subarray(0, 5).toString()).toBe("%PDF-");
  try {
    const text = execFileSync("pdftotext", [pdfPath, "-"]).toString();
    expect(text).toContain("晾晒农作物");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
  }

  // ---- 7. An adjustment: 城管局 applies, 司法局 agrees, 编办 decides, files and publishes v2. ----
  await chengguan.goto(`/lists/adjustments/new?listId=${listId}`);
  await chengguan.getByLabel("调整理由").fill("条例修订，新增一项户外广告设施管理事项。");
  await chengguan.getByLabel("调整依据").fill("《示例市户外广告设施管理办法》（2026年修订）第十二条");
  const change = chengguan.getByTestId("change-0");
  await change.getByLabel("事项名称").fill("对擅自设置大型户外广告设施的处罚");
  await change.getByLabel("职能分类").selectOption({ label: "加强行政执法" });
  await change.getByLabel("权力类型").selectOption({ label: "行政处罚" });
  await change.getByLabel("实施依据").fill("《示例市户外广告设施管理办法》第十二条");
  await chengguan.getByRole("button", { name: "提交调整申请" }).click();
  await expect(chengguan).toHaveURL(/\/lists\/adjustments\/\d+$/);
  const adjustmentUrl = new URL(chengguan.url()).pathname;
  await expect(chengguan.getByTestId("adjustment-changes")).toContainText("对擅自设置大型户外广告设施的处罚");

  await sifa.goto(adjustmentUrl);
  const opinion = sifa.getByTestId("adjustment-opinion-form");
  await opinion.getByLabel("同意", { exact: true }).check();
  await opinion.getByRole("button", { name: "提交意见" }).click();
  await expect(sifa.getByTestId("adjustment-opinion-form-done")).toBeVisible();

  await bianban.goto(adjustmentUrl);
  await bianban.getByLabel("同意调整").check();
  await bianban.getByRole("button", { name: "提交决定" }).click();
  await expect(bianban.getByTestId("file-form")).toBeVisible();
  await bianban.getByLabel("备案编号").fill("示例编备〔2026〕8号");
  await bianban.getByRole("button", { name: "登记备案" }).click();
  await expect(bianban.getByTestId("publish-form")).toBeVisible();
  // Without a 文号 the form says so at once; the confirmation opens only for a valid form.
  await bianban.getByTestId("publish-button").click();
  await expect(bianban.getByTestId("publish-form").getByText("请填写文号")).toBeVisible();
  await expect(bianban.getByRole("dialog")).toBeHidden();
  await bianban.getByLabel("文号").fill("示例编发〔2026〕89号");
  await bianban.getByTestId("publish-button").click();
  await bianban.getByRole("dialog").getByRole("button", { name: "确认公布" }).click();
  await expect(bianban.getByTestId("adjustment-history")).toContainText("公布第 2 版");
  await bianban.screenshot({ path: "test-results/screens/lists-adjustment.png", fullPage: true });

  // ---- 8. The public sees version 2 and what changed. ----
  await visitor.goto(`/lists/${listId}`);
  await expect(visitor.getByTestId("version-meta")).toContainText("第 2 版（现行）");
  await visitor.goto(`/lists/${listId}/history`);
  await expect(visitor.getByTestId("versions-table")).toContainText("示例编发〔2026〕89号");
  await visitor.getByRole("link", { name: "与第 1 版对比" }).click();
  await expect(visitor.getByTestId("diff-summary")).toContainText("新增 1 项");
  await expect(visitor.getByText("对擅自设置大型户外广告设施的处罚")).toBeVisible();
  await visitor.screenshot({ path: "test-results/screens/portal-diff.png", fullPage: true });
  // The first version stays readable at its own address.
  await visitor.goto(`/lists/${listId}/v/1`);
  await expect(visitor.getByRole("note")).toContainText("历史版本");
  // A version's own address is cached for a year, so its HTML does not say whether it is 现行:
  // the browser asks /api/public/lists/{id}/versions and shows it.
  await visitor.goto(`/lists/${listId}/v/2`);
  await expect(visitor.getByTestId("version-meta")).toContainText("第 2 版（现行）");
  const pinned = await visitor.request.get(`/lists/${listId}/v/2`);
  expect(pinned.headers()["cache-control"]).toContain("immutable");
  expect(await pinned.text()).not.toContain("（现行）");

  const [row] = await db<{ versions: string; audits: string }>(
    `SELECT (SELECT count(*) FROM power_list_version WHERE list_id = $1)::text AS versions,
            (SELECT count(*) FROM audit_log WHERE subject_type = 'powerList' AND subject_id = $1::text)::text AS audits`,
    [listId],
  );
  expect(row.versions).toBe("2");
  expect(Number(row.audits)).toBeGreaterThan(10);
  await publicContext.close();
});
