import { expect, test, type Page } from "@playwright/test";
import { db, signInAs, uniqueUsername } from "./support";
import { addWorkdays, makeCalendar, toDay, type DayKind } from "../../lib/calendar/workdays";

test.describe.configure({ mode: "serial" });

async function makeUser(copyFrom: string, unit: string) {
  const username = uniqueUsername("ev");
  await db(
    `INSERT INTO app_user (username, display_name, password_hash, unit_id, roles, updated_at)
     SELECT $1, '考评测试' || $1, u.password_hash, (SELECT id FROM org_unit WHERE name = $2), u.roles, now() FROM app_user u WHERE u.username = $3`,
    [username, unit, copyFrom],
  );
  return username;
}

async function confirm(page: Page, button: string, confirmLabel = button) {
  await page.getByRole("button", { name: button, exact: true }).click();
  await page.getByRole("dialog").getByRole("button", { name: confirmLabel, exact: true }).click();
}

async function rate(page: Page, username: string, roundId: number, base: number, shot?: string) {
  await signInAs(page, username);
  await page.goto(`/evaluation/${roundId}/rate`);
  const inputs = page.getByTestId("rating-grid").locator('input[type="number"]');
  const n = await inputs.count();
  expect(n).toBeGreaterThan(0);
  // A score outside the scale is refused beside the cell, and nothing is saved.
  await inputs.nth(0).fill("150");
  await page.getByRole("button", { name: "保存草稿" }).click();
  await expect(page.getByText("分值应在 0–100 之间").first()).toBeVisible();
  for (let i = 0; i < n; i++) await inputs.nth(i).fill(String(base + (i % 7)));
  await page.getByRole("button", { name: "保存草稿" }).click();
  await expect(page.getByText(/草稿已保存/)).toBeVisible();
  await expect(page.getByTestId("rating-progress")).toContainText(`已评 ${n} / ${n} 项`);
  if (shot) await page.screenshot({ path: `test-results/screens/evaluation-${shot}.png`, fullPage: true });
  await confirm(page, "提交评分", "确认提交");
  await expect(page.getByText(/已锁定/)).toBeVisible();
  await expect(inputs.nth(0)).toBeDisabled();
  await page.context().clearCookies();
}

test("a round from opening to published results, two raters on each side", async ({ page }) => {
  test.setTimeout(240_000);
  const street2 = await makeUser("jiedao", "南岸街道办事处");
  const dept2 = await makeUser("chengguan", "示例市卫生健康委员会");
  const year = 2040 + Math.floor(Math.random() * 50);
  const title = `${year} 年度端到端考评`;

  await signInAs(page, "bianban");
  await page.goto("/evaluation");
  await page.getByLabel("年度").fill(String(year));
  await page.getByLabel("考评名称").fill(title);
  await page.getByRole("button", { name: "新建考评" }).click();
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  const roundId = Number(page.url().split("/").pop());
  await expect(page.getByTestId("weight-sum")).toHaveText("权重合计 100");
  // Weights that do not sum to 100 are refused.
  await page.getByLabel("指标 1 权重").fill("30");
  await expect(page.getByTestId("weight-sum")).toContainText("应为 100");
  await page.getByRole("button", { name: "保存指标" }).click();
  await expect(page.getByText("各指标权重之和应为 100，当前为 105")).toBeVisible();
  await page.getByLabel("指标 1 权重").fill("25");
  await page.getByRole("button", { name: "保存指标" }).click();
  await expect(page.getByText("指标已保存。")).toBeVisible();
  // Who rates whom, one unit at a time: 东湖街道 stops rating 司法局; who rates 东湖街道 stays.
  await expect(page.getByTestId("pair-summary")).toContainText("街道（乡镇）评部门");
  await page.getByLabel("查找单位").fill("东湖街道");
  await page.getByRole("link", { name: "调整东湖街道办事处的评价关系" }).click();
  const rates = page.getByTestId("picker-RATES");
  await expect(rates.getByLabel("东湖街道办事处评价示例市司法局")).toBeChecked();
  const [, before, of] = (await page.getByTestId("picker-count-RATES").textContent())!.match(/已选 (\d+) \/ (\d+)/)!;
  await rates.getByLabel("东湖街道办事处评价示例市司法局").uncheck();
  await rates.getByRole("button", { name: "保存" }).click();
  await expect(rates.getByText(/已保存：\d+ 组（新增 0，移除 1）/)).toBeVisible();
  await expect(page.getByTestId("picker-count-RATES")).toHaveText(`已选 ${Number(before) - 1} / ${of}`);
  await expect(page.getByTestId("picker-RATED_BY").getByLabel("示例市司法局评价东湖街道办事处")).toBeChecked();
  await page.screenshot({ path: "test-results/screens/evaluation-setup.png", fullPage: true });
  await confirm(page, "开始评分");
  await expect(page.getByTestId("progress-table")).toBeVisible();
  await page.context().clearCookies();

  await rate(page, "jiedao", roundId, 80, "rate-street");
  await rate(page, street2, roundId, 70);
  await rate(page, "chengguan", roundId, 75);
  await rate(page, dept2, roundId, 85);

  await signInAs(page, "bianban");
  await page.goto(`/evaluation/${roundId}`);
  await expect(page.getByRole("heading", { name: /评分进度：已提交 4 \// })).toBeVisible();
  await page.getByRole("button", { name: "催办全部未提交单位" }).click();
  await expect(page.getByText(/已向 \d+ 个单位发送催办通知/)).toBeVisible();
  await page.screenshot({ path: "test-results/screens/evaluation-progress.png", fullPage: true });
  await confirm(page, "结束评分");
  await expect(page.getByRole("button", { name: "公布结果" })).toBeVisible();
  await confirm(page, "公布结果");
  await expect(page.getByText("已公布").first()).toBeVisible();
  await page.goto(`/evaluation/${roundId}/results`);
  await expect(page.getByTestId("ranking-chart").first()).toBeVisible();
  await page.getByTestId("results-DEPARTMENT").getByRole("link", { name: "示例市城市管理综合执法局" }).click();
  await expect(page.getByTestId("rater-scores")).toContainText("东湖街道办事处");
  await expect(page.getByTestId("radar-chart")).toBeVisible();
  await page.screenshot({ path: "test-results/screens/evaluation-results-bianban.png", fullPage: true });
  await page.context().clearCookies();

  // A participant sees its own result and rank, and no rater's scores.
  await signInAs(page, "jiedao");
  await page.goto(`/evaluation/${roundId}/results`);
  await expect(page.getByTestId("unit-result")).toContainText("东湖街道办事处");
  await expect(page.getByTestId("unit-rank")).toContainText("第");
  await expect(page.getByTestId("rater-scores")).toHaveCount(0);
  await expect(page.getByTestId("results-STREET")).toHaveCount(0);
  await page.screenshot({ path: "test-results/screens/evaluation-results-street.png", fullPage: true });
  const res = await page.request.get(`/api/evaluation/${roundId}/export`);
  expect(res.status()).toBe(403);
});

test("a dispatched case whose acceptance deadline crosses a weekend and a holiday", async ({ page }) => {
  // Make the next three weekdays holidays, so 3 working days must run past a weekend and them.
  const today = toDay(new Date());
  const added: string[] = [];
  let d = new Date(`${today}T00:00:00Z`);
  while (added.length < 3) {
    d = new Date(d.getTime() + 86_400_000);
    const day = d.toISOString().slice(0, 10);
    if (d.getUTCDay() === 0 || d.getUTCDay() === 6) continue;
    const rows = await db(`INSERT INTO work_calendar_day (date, kind, name, source, updated_at) VALUES ($1, 'HOLIDAY', '测试假日', 'E2E', now()) ON CONFLICT (date) DO NOTHING RETURNING date`, [day]);
    if (rows.length) added.push(day);
    else added.push(day); // already an exception: the computed deadline below reads it anyway
  }
  try {
    const days = await db<{ date: string; kind: DayKind }>(`SELECT to_char(date, 'YYYY-MM-DD') AS date, kind FROM work_calendar_day`);
    const expected = addWorkdays(today, 3, makeCalendar(days));
    const span = (new Date(`${expected}T00:00:00Z`).getTime() - new Date(`${today}T00:00:00Z`).getTime()) / 86_400_000;
    expect(span).toBeGreaterThanOrEqual(7);

    await signInAs(page, "jiedao");
    await page.goto("/dispatch/new");
    await page.getByLabel("接收部门").selectOption({ label: "示例市城市管理综合执法局" });
    await page.getByLabel("问题概述（什么问题）").fill("荷塘路违法搭建阳光房");
    await page.getByLabel("发生地点").fill("东湖街道荷塘路 8 号");
    await page.getByLabel("情况说明").fill("网格员巡查发现，现场已拍照。");
    await page.screenshot({ path: "test-results/screens/evaluation-dispatch-new.png", fullPage: true });
    await page.getByRole("button", { name: "上报部门" }).click();
    await expect(page.getByTestId("timeline")).toContainText("街道上报");
    await expect(page.getByTestId("accept-due")).toContainText(expected);
    await page.context().clearCookies();

    await signInAs(page, "chengguan");
    await page.goto("/dispatch?status=REPORTED");
    await page.getByRole("link", { name: "荷塘路违法搭建阳光房" }).first().click();
    await confirm(page, "接收移交");
    await expect(page.getByTestId("timeline")).toContainText("部门接收移交");
    await page.getByLabel("办理结果").fill("已责令拆除，街道已知悉。");
    await confirm(page, "办结并告知街道");
    await expect(page.getByTestId("timeline")).toContainText("部门办结并告知街道");
    await page.screenshot({ path: "test-results/screens/evaluation-dispatch-case.png", fullPage: true });
  } finally {
    await db(`DELETE FROM work_calendar_day WHERE source = 'E2E'`);
  }
});

test("a department passes a wrongly sent case to the right department, which then sees it with a fresh deadline", async ({ page }) => {
  const weijian = await makeUser("chengguan", "示例市卫生健康委员会");
  await signInAs(page, "jiedao");
  await page.goto("/dispatch/new");
  await page.getByLabel("接收部门").selectOption({ label: "示例市城市管理综合执法局" });
  await page.getByLabel("问题概述（什么问题）").fill("桂花路无证牙科诊所");
  await page.getByLabel("发生地点").fill("东湖街道桂花路 12 号");
  await page.getByLabel("情况说明").fill("居民反映有人无证行医。");
  await page.getByRole("button", { name: "上报部门" }).click();
  await expect(page.getByTestId("timeline")).toContainText("街道上报");
  const caseUrl = new URL(page.url()).pathname;
  await page.context().clearCookies();

  await signInAs(page, "chengguan");
  await page.goto(caseUrl);
  const form = page.getByTestId("case-step-reroute");
  await form.getByLabel("应当接收的部门").selectOption({ label: "示例市卫生健康委员会" });
  // The reason is required: the form says so beside the field before asking, and the case stays.
  await form.getByRole("button", { name: "改派其他部门" }).click();
  await expect(form.getByText("请填写改派理由")).toBeVisible();
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await form.getByLabel("改派理由").fill("无证行医属卫生健康部门职责");
  await confirm(page, "改派其他部门", "改派");
  await expect(page).toHaveURL(/\/dispatch$/);
  // The old department no longer sees the case.
  const response = await page.goto(caseUrl);
  expect(response?.status()).toBe(403);
  await page.context().clearCookies();

  await signInAs(page, weijian);
  await page.goto("/workspace");
  await page.getByRole("region", { name: "待办事项" }).getByRole("link", { name: "示例市城市管理综合执法局改派案件：桂花路无证牙科诊所" }).first().click();
  await expect(page).toHaveURL(new RegExp(`${caseUrl}$`));
  await expect(page.getByTestId("timeline")).toContainText("部门改派其他部门");
  await expect(page.getByTestId("timeline")).toContainText("无证行医属卫生健康部门职责");
  await expect(page.getByText("示例市卫生健康委员会").first()).toBeVisible();
  await confirm(page, "接收移交");
  await expect(page.getByTestId("timeline")).toContainText("部门接收移交");
  await page.screenshot({ path: "test-results/screens/dispatch-reroute.png", fullPage: true });
});
