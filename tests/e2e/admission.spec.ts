import { expect, test, type Browser, type Page } from "@playwright/test";
import { db, pageAs } from "./support";

const SHOTS = "test-results/screens";

async function as(browser: Browser, username: string): Promise<Page> {
  return pageAs(browser, username, undefined, { locale: "zh-CN", timezoneId: "Asia/Shanghai", viewport: { width: 1366, height: 900 } });
}

test("an application goes through every step, is admitted and appears in the published list", async ({ browser }) => {
  test.setTimeout(180_000);
  const title = `背街小巷保洁督导${Date.now().toString(36)}`;

  // The department applies; the server's field messages show first.
  const dept = await as(browser, "chengguan");
  await dept.goto("/admission/new");
  await dept.getByTestId("admission-submit").click();
  await expect(dept.locator("#title-error")).toContainText("事项名称");
  await expect(dept.locator("#targetUnitIds-error")).toHaveText("请至少选择一个承接单位");
  await dept.getByLabel("事项名称").fill(title);
  await dept.getByLabel("事项类型").fill("城市管理");
  await dept.getByLabel("东湖街道办事处", { exact: true }).check();
  await dept.getByLabel("事项内容").fill("每周巡查背街小巷保洁情况，发现问题督促整改。");
  await dept.getByLabel("赋予的权限").fill("巡查、劝导、报告，不含处罚权。");
  await dept.getByLabel("履职时限").fill("发现问题当日报告。");
  await dept.getByLabel("法律法规及文件依据").fill("《城市市容和环境卫生管理条例》第四条");
  await dept.getByLabel("区级部门职责").fill("制定保洁标准，组织考核。");
  await dept.getByLabel("街道（社区）职责").fill("日常巡查，督促整改。");
  await dept.getByLabel("主体责任").fill("区城管局");
  await dept.getByLabel("配合责任").fill("街道办事处");
  await dept.getByLabel("随事转移经费（元/每个单位/每年）").fill("45000");
  await dept.getByLabel("经费来源").fill("区级财政预算");
  await dept.getByLabel("人员力量测算").fill("1 名专职人员。");
  await dept.getByLabel("工作量测算").fill("每月 20 个工作日。");
  await dept.screenshot({ path: `${SHOTS}/admission-form.png`, fullPage: true });
  await dept.getByTestId("admission-submit").click();
  await expect(dept.getByTestId("admission-created")).toBeVisible();
  const id = Number(dept.url().match(/admission\/(\d+)/)![1]);
  await expect(dept.getByTestId("admission-status")).toContainText("待编办初审");

  // An attachment: a renamed non-PDF is refused, a PDF is kept and downloads as an attachment.
  await dept.setInputFiles("#attachment", { name: "假文件.pdf", mimeType: "application/pdf", buffer: Buffer.from("<html>not a pdf</html>") });
  await dept.getByRole("button", { name: "上传", exact: true }).click();
  await expect(dept.getByRole("alert").filter({ hasText: "只能上传" })).toBeVisible();
  await dept.setInputFiles("#attachment", { name: "经费测算.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n%%EOF\n") });
  await dept.getByRole("button", { name: "上传", exact: true }).click();
  await expect(dept.getByRole("link", { name: "经费测算.pdf" })).toBeVisible();
  // A small file shows its size in bytes, not as "0 KB".
  await expect(dept.getByText("15 字节")).toBeVisible();
  const href = await dept.getByRole("link", { name: "经费测算.pdf" }).getAttribute("href");
  const download = await dept.request.get(href!);
  expect(download.headers()["content-disposition"]).toMatch(/^attachment;/);
  expect(download.headers()["x-content-type-options"]).toBe("nosniff");

  // 编办 returns it for revision with a comment.
  const bianban = await as(browser, "bianban");
  await bianban.goto(`/admission/${id}`);
  await bianban.getByLabel("退回申请部门修改").check();
  await bianban.getByLabel("初审意见").fill("请补充背街小巷清单和经费测算依据。");
  await bianban.getByRole("button", { name: "提交初审结果" }).click();
  await expect(bianban.getByTestId("admission-status")).toContainText("退回修改");

  // The department sees the comment on its work list, revises and resubmits.
  await dept.goto("/workspace");
  await expect(dept.getByRole("link", { name: "被退回修改的准入申请" })).toBeVisible();
  await dept.goto(`/admission/${id}/edit`);
  await expect(dept.getByText("编办退回意见：请补充背街小巷清单和经费测算依据。")).toBeVisible();
  await dept.getByLabel("随事转移经费（元/每个单位/每年）").fill("52000");
  await dept.getByTestId("admission-submit").click();
  await expect(dept.getByTestId("admission-status")).toContainText("待编办初审");

  // 编办 forwards it to the joint review.
  await bianban.goto(`/admission/${id}`);
  await bianban.getByLabel("初审通过，提交联席会议成员单位审查").check();
  await bianban.getByRole("button", { name: "提交初审结果" }).click();
  await expect(bianban.getByTestId("admission-status")).toContainText("联席审查中");

  // 司法局 gives its own opinion; 编办 enters the other members' written opinions.
  const sifa = await as(browser, "sifa");
  await sifa.goto(`/admission/${id}`);
  await sifa.getByLabel("同意", { exact: true }).check();
  await sifa.getByLabel("意见内容").fill("经合法性审查，依据充分。");
  await sifa.getByRole("button", { name: "提交审查意见" }).click();
  await expect(sifa.getByTestId("opinions")).toContainText("经合法性审查，依据充分。");
  for (let i = 0; i < 3; i++) {
    await bianban.goto(`/admission/${id}`);
    await bianban.getByLabel("原则同意（附意见）").check();
    await bianban.getByLabel("意见内容").fill("原则同意。");
    // A written opinion entered on a member's behalf names who signed it there.
    await bianban.getByLabel("签署人").fill("王建华");
    await bianban.getByRole("button", { name: "提交审查意见" }).click();
    await expect(bianban.getByTestId("opinions").getByText("原则同意。")).toHaveCount(i + 1);
  }
  await expect(bianban.getByTestId("admission-status")).toContainText("征求基层意见");
  await expect(bianban.getByTestId("opinions")).toContainText("王建华，由示例市委编办");

  // 东湖街道 objects, with a reason.
  const street = await as(browser, "jiedao");
  await street.goto(`/admission/${id}`);
  await street.getByLabel("提出异议").check();
  await street.getByRole("button", { name: "提交意见" }).click();
  await expect(street.locator("#reason-error")).toHaveText("提出异议时请写明理由");
  await street.getByLabel("理由").fill("街道保洁督导人员不足，需同步增加网格员经费。");
  await street.getByRole("button", { name: "提交意见" }).click();
  await expect(street.getByTestId("consultation")).toContainText("街道保洁督导人员不足");
  await expect(street.getByTestId("admission-status")).toContainText("待编办决定");

  // 编办 admits it (after a confirmation) and files it.
  await bianban.goto(`/admission/${id}`);
  await expect(bianban.getByTestId("decide-form")).toContainText("有 1 个单位提出异议");
  await bianban.getByLabel("准入", { exact: true }).check();
  await bianban.getByLabel("联审文号").fill("示编准〔2026〕21号");
  await bianban.getByTestId("decide-submit").click();
  await bianban.getByRole("button", { name: "确认决定" }).click();
  await expect(bianban.getByTestId("admission-status")).toContainText("待备案");
  await bianban.getByLabel("备案号").fill("市编备〔2026〕21号");
  await bianban.getByRole("button", { name: "备案并生效" }).click();
  await expect(bianban.getByTestId("admission-status")).toContainText("已准入");
  await expect(bianban.getByTestId("timeline")).toContainText("申请单位修改");
  await bianban.screenshot({ path: `${SHOTS}/admission-detail.png`, fullPage: true });
  await bianban.goto("/admission");
  // The 已逾期 tab counts like the others (the seed has an overdue application).
  await expect(bianban.getByRole("navigation", { name: "按状态筛选" }).getByRole("link", { name: /^已逾期\s*\d+$/ })).toBeVisible();
  await bianban.screenshot({ path: `${SHOTS}/admission-queue.png`, fullPage: true });

  // The applicant follows it; the public sees it in 东湖街道's published list.
  const [{ id: donghu }] = await db<{ id: number }>(`SELECT id FROM org_unit WHERE name = '东湖街道办事处'`);
  const pub = await browser.newPage({ locale: "zh-CN" });
  await pub.goto(`/local-duties/${donghu}`);
  await expect(pub.getByRole("heading", { level: 1 })).toHaveText("东湖街道办事处属地管理事项清单");
  await expect(pub.getByTestId("local-duty-table")).toContainText(title);
  await pub.screenshot({ path: `${SHOTS}/admission-public-list.png`, fullPage: true });
  await pub.setViewportSize({ width: 390, height: 844 });
  await pub.screenshot({ path: `${SHOTS}/admission-public-list-phone.png`, fullPage: true });

  const [row] = await db<{ n: string }>(`SELECT count(*)::text AS n FROM audit_log WHERE subject_type = 'admission' AND subject_id = $1`, [String(id)]);
  expect(Number(row.n)).toBeGreaterThanOrEqual(12);
});

test("a community refuses a task that was not admitted; 编办 sees it", async ({ browser }) => {
  const task = `创建卫生城市入户调查${Date.now().toString(36)}`;
  const shequ = await as(browser, "shequ");
  await shequ.setViewportSize({ width: 390, height: 844 });
  await shequ.goto("/refusals");
  await shequ.getByLabel("任务名称").fill(task);
  await shequ.getByLabel("交办部门").selectOption({ label: "示例市卫生健康委员会" });
  await shequ.getByRole("button", { name: "登记并比对" }).click();
  await expect(shequ.getByTestId("check-result")).toContainText("未找到相符的已准入事项");
  const item = shequ.getByTestId("task-register").locator("li").filter({ hasText: task });
  await item.getByRole("button", { name: "拒绝" }).click();
  await item.getByLabel("拒绝理由").fill("该任务未经准入，社区没有相应人员和经费。");
  await item.getByRole("button", { name: "提交拒绝" }).click();
  await shequ.getByRole("button", { name: "确认拒绝" }).click();
  await expect(item).toContainText("已拒绝", { timeout: 30_000 });
  await expect(item).toContainText("拒绝理由：该任务未经准入");
  await shequ.screenshot({ path: `${SHOTS}/admission-refusal-phone.png`, fullPage: true });

  const bianban = await as(browser, "bianban");
  await bianban.goto("/refusals");
  await expect(bianban.getByText(task)).toBeVisible();
  await expect(bianban.getByTestId("dept-ranking")).toContainText("示例市卫生健康委员会");
  await bianban.screenshot({ path: `${SHOTS}/admission-refusals-bianban.png`, fullPage: true });
});

test("编办's review, calendar and funding pages", async ({ browser }) => {
  const bianban = await as(browser, "bianban");
  await bianban.goto("/appraisal");
  await bianban.getByRole("link", { name: /年度准入事项评议/ }).first().click();
  await expect(bianban.getByTestId("appraisal-results")).toContainText("建议撤销");
  await bianban.screenshot({ path: `${SHOTS}/admission-review.png`, fullPage: true });

  // A one-time survey link for a resident representative: works once, without signing in.
  await bianban.getByLabel("单位").selectOption({ label: "东湖桂花社区" });
  await bianban.getByLabel("参与人").fill("居民代表（测试）");
  await bianban.getByRole("button", { name: "生成一次性评议链接" }).click();
  const url = (await bianban.getByTestId("survey-link").locator("code").textContent())!.trim();
  expect(url).toMatch(/\/survey\/[A-Za-z0-9_-]{20,}$/);
  const resident = await browser.newPage({ locale: "zh-CN", viewport: { width: 390, height: 844 } });
  await resident.goto(url);
  await resident.getByRole("button", { name: "提交评价" }).click();
  await expect(resident.getByRole("alert").first()).toContainText("请为每个事项选择评价");
  for (const group of await resident.getByRole("group").all()) await group.getByLabel("基本满意").check();
  await resident.screenshot({ path: `${SHOTS}/admission-survey-phone.png`, fullPage: true });
  await resident.getByRole("button", { name: "提交评价" }).click();
  await expect(resident.getByTestId("rating-done").or(resident.getByText("该评议链接已经使用过"))).toBeVisible();
  await resident.goto(url);
  await expect(resident.getByText("该评议链接已经使用过")).toBeVisible();
  await bianban.goto("/calendar?year=2025");
  await expect(bianban.getByText("2025-10-11 班")).toBeVisible();
  await bianban.screenshot({ path: `${SHOTS}/admission-calendar.png`, fullPage: true });
  await bianban.goto("/funding");
  await expect(bianban.getByTestId("funding-total")).toBeVisible();
  await bianban.screenshot({ path: `${SHOTS}/admission-funding.png`, fullPage: true });
  await bianban.goto("/workspace");
  await bianban.screenshot({ path: `${SHOTS}/admission-workspace.png`, fullPage: true });
});
