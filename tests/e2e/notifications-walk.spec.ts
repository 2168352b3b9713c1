import { expect, test, type Browser, type Page } from "@playwright/test";
import { db, pageAs, uniqueUsername } from "./support";

// Issue 12: every kind of notification the system sends, from the event to the object it opens.
// The event is triggered through the UI where that is short (a report, a decision, a refusal, a
// return, a revocation) or comes from the demo city's own history (the seed runs the same
// commands) and from the server's overdue check, which runs a few seconds after it starts. Then
// the recipient opens it from the notification list and lands on its own object's page.
// A letter awaiting signature is walked in devolution.spec.ts, inside the whole round that makes it.

test.describe.configure({ mode: "parallel" });

async function as(browser: Browser, username: string): Promise<Page> {
  return pageAs(browser, username);
}

/** A new account in a unit (the demo city has one account per role only), same password. */
async function accountIn(unitName: string, role: "DEPARTMENT" | "STREET" | "COMMUNITY") {
  const username = uniqueUsername("nw");
  await db(
    `INSERT INTO app_user (username, display_name, password_hash, unit_id, roles, updated_at)
     SELECT $1, '通知' || $1, u.password_hash, (SELECT id FROM org_unit WHERE name = $2), ARRAY[$3::"Role"], now() FROM app_user u WHERE u.username = 'chengguan'
     RETURNING id`,
    [username, unitName, role],
  );
  return username;
}

/** Opens the notification titled like `title` from the list; expects its object's URL and heading. */
async function opens(page: Page, title: string | RegExp, url: RegExp, heading: string | RegExp) {
  await page.goto("/evaluation/notifications");
  const row = page.getByTestId("notification").filter({ hasText: title }).first();
  await expect(row).toBeVisible({ timeout: 20_000 });
  await row.getByRole("link").first().click();
  await expect(page).toHaveURL(url);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(heading);
  await expect(page).not.toHaveURL(/\/evaluation\/notifications$/);
}

test("dispatch: a report reaches the department, and overdue cases remind the handler and tell the sender", async ({ browser }) => {
  const title = `通知走查：井盖缺失${Date.now().toString(36)}`;
  const street = await as(browser, "jiedao");
  await street.goto("/dispatch/new");
  await street.getByLabel("接收部门").selectOption({ label: "示例市城市管理综合执法局" });
  await street.getByLabel("问题概述（什么问题）").fill(title);
  await street.getByLabel("发生地点").fill("东湖街道荷塘路 10 号");
  await street.getByLabel("情况说明").fill("井盖缺失，已设置警示。");
  await street.getByRole("button", { name: "上报部门" }).click();
  await expect(street.getByTestId("timeline")).toContainText("街道上报");
  const [kase] = await db<{ id: number }>(`SELECT id FROM dispatch WHERE title = $1`, [title]);

  const dept = await as(browser, "chengguan");
  await opens(dept, title, new RegExp(`/dispatch/${kase.id}$`), title);

  // The seeded case 桂花路 12 号 was due to be accepted days ago: the server's check at start-up
  // reminded 城管局 (the handler) and told 东湖街道 (the sender).
  const [late] = await db<{ id: number; title: string }>(`SELECT id, title FROM dispatch WHERE title = '桂花路 12 号违法搭建彩钢棚'`);
  await opens(dept, `案件已逾期，请尽快接收移交：${late.title}`, new RegExp(`/dispatch/${late.id}$`), late.title);
  await opens(street, new RegExp(`逾期未接收移交：${late.title}`), new RegExp(`/dispatch/${late.id}$`), late.title);
  // And the other events of a case (accepted, handled, forwarded …) open the case too.
  const [handled] = await db<{ id: number; title: string }>(`SELECT id, title FROM dispatch WHERE title = '文昌巷建筑垃圾乱堆'`);
  await opens(street, `案件已办结：${handled.title}`, new RegExp(`/dispatch/${handled.id}$`), handled.title);
});

test("准入: the applicant is told the decision and it opens the application", async ({ browser }) => {
  // DECIDING in the seed, with an objection from 南岸街道: 编办 upholds it (partial admission).
  const [a] = await db<{ id: number; title: string }>(`SELECT id, title FROM admission WHERE title = '小餐饮店食品安全日常巡查'`);
  const applicant = await accountIn("示例市市场监督管理局", "DEPARTMENT");
  const bianban = await as(browser, "bianban");
  await bianban.goto(`/admission/${a.id}`);
  await bianban.getByLabel("准入", { exact: true }).check();
  await bianban.getByLabel("联审文号").fill("示编准〔2026〕31号");
  const objection = bianban.getByTestId("objections").locator('[data-testid^="objection-"]').first();
  await objection.getByLabel("异议成立，不承接").check();
  await objection.getByRole("textbox").fill("该街道无持证食品安全协管员。");
  await bianban.getByTestId("decide-submit").click();
  await bianban.getByRole("dialog").getByRole("button", { name: "确认决定" }).click();
  await expect(bianban.getByTestId("admission-status")).toContainText("待备案");

  const dept = await as(browser, applicant);
  await opens(dept, `准入申请「${a.title}」：部分准入`, new RegExp(`/admission/${a.id}$`), a.title);
  // The seed's own decision (准入) reached 城管局 the same way.
  const [first] = await db<{ id: number; title: string }>(`SELECT id, title FROM admission WHERE title = '门前三包责任制落实督导'`);
  await opens(await as(browser, "chengguan"), `准入申请「${first.title}」：准入`, new RegExp(`/admission/${first.id}$`), first.title);
});

test("拒绝权: a community's refusal reaches the department and 编办 and opens the task", async ({ browser }) => {
  const task = `通知走查入户调查${Date.now().toString(36)}`;
  const department = await accountIn("示例市卫生健康委员会", "DEPARTMENT");
  const shequ = await as(browser, "shequ");
  await shequ.goto("/refusals");
  await shequ.getByLabel("任务名称").fill(task);
  await shequ.getByLabel("交办部门").selectOption({ label: "示例市卫生健康委员会" });
  await shequ.getByRole("button", { name: "登记并比对" }).click();
  await expect(shequ.getByTestId("check-result")).toContainText("未找到相符的已准入事项");
  const item = shequ.getByTestId("task-register").locator("li").filter({ hasText: task });
  await item.getByRole("button", { name: "拒绝" }).click();
  await item.getByLabel("拒绝理由").fill("该任务未经准入，社区没有相应人员和经费。");
  await item.getByRole("button", { name: "提交拒绝" }).click();
  await shequ.getByRole("dialog").getByRole("button", { name: "确认拒绝" }).click();
  await expect(item).toContainText("已拒绝", { timeout: 30_000 });
  const [t] = await db<{ id: number }>(`SELECT id FROM task_register_entry WHERE title = $1`, [task]);

  for (const username of ["bianban", department]) {
    const page = await as(browser, username);
    // 编办 reads the page as 拒绝情况, a department as 本部门交办任务的登记与拒绝.
    await opens(page, `拒绝了未经准入的任务「${task}」`, new RegExp(`/refusals\\?task=${t.id}$`), /拒绝情况|登记与拒绝/);
    await expect(page.getByText(task).first()).toBeVisible();
  }
});

test("职权清单: a list returned for correction tells the drafting street and opens the list", async ({ browser }) => {
  // A list of its own in review (a copy of the seeded one's stages, for a community without a
  // list): the seeded list in review is what other specs expect 司法局 to find waiting.
  const [list] = await db<{ id: number; title: string; unit: string }>(
    `WITH unit AS (SELECT u.id, u.name FROM org_unit u WHERE u.kind = 'COMMUNITY' AND NOT EXISTS (SELECT 1 FROM power_list p WHERE p.unit_id = u.id) ORDER BY u.id LIMIT 1),
          list AS (INSERT INTO power_list (unit_id, form, title, status, submitted_at, created_by_name, updated_at)
                   SELECT unit.id, 'POWER', unit.name || '职权清单（通知走查）', 'IN_REVIEW', now(), '通知走查', now() FROM unit RETURNING id, title)
     SELECT list.id, list.title, unit.name AS unit FROM list, unit`,
  );
  await db(
    `INSERT INTO power_list_stage (list_id, position, kind, name, status, started_at)
     SELECT $1, s.position, s.kind, s.name, s.status, s.started_at FROM power_list_stage s
      WHERE s.list_id = (SELECT id FROM power_list WHERE status = 'IN_REVIEW' AND id <> $1 ORDER BY id LIMIT 1)`,
    [list.id],
  );
  const drafter = await accountIn(list.unit, "COMMUNITY");
  const bianban = await as(browser, "bianban");
  await bianban.goto(`/lists/manage/${list.id}`);
  await bianban.getByText("退回起草单位修改（编办）").click();
  await bianban.getByTestId("return-form").getByLabel("退回理由").fill("通知走查：请补充承接事项的实施依据。");
  await bianban.getByTestId("return-form").getByRole("button", { name: "退回修改" }).click();
  await expect(bianban.getByTestId("return-form")).toHaveCount(0, { timeout: 20_000 });

  await opens(await as(browser, drafter), list.title, new RegExp(`/lists/manage/${list.id}$`), list.title);
});

test("评议: a duty revoked after the yearly appraisal tells its department and opens the unit's local-duty list", async ({ browser }) => {
  const bianban = await as(browser, "bianban");
  await bianban.goto("/appraisal");
  await bianban.getByRole("link", { name: /年度准入事项评议/ }).first().click();
  const form = bianban.locator('[data-testid^="decide-flagged-"]').first();
  await expect(form).toBeVisible();
  const dutyId = Number((await form.getAttribute("data-testid"))!.replace("decide-flagged-", ""));
  const [duty] = await db<{ name: string; unit_id: number; department: string; unit: string }>(
    `SELECT d.name, d.unit_id, dep.name AS department, u.name AS unit FROM local_duty d JOIN org_unit dep ON dep.id = d.department_id JOIN org_unit u ON u.id = d.unit_id WHERE d.id = $1`,
    [dutyId],
  );
  const department = await accountIn(duty.department, "DEPARTMENT");
  await form.getByLabel("理由").fill("通知走查：满意度未过半，撤销。");
  await form.getByTestId(`revoke-${dutyId}`).click();
  await bianban.getByRole("dialog").getByRole("button", { name: "确认撤销" }).click();
  await expect(bianban.locator(`[data-testid="decide-flagged-${dutyId}"]`)).toHaveCount(0, { timeout: 20_000 });

  await opens(await as(browser, department), `准入事项「${duty.name}」已在${duty.unit}撤销`, new RegExp(`/local-duties/${duty.unit_id}$`), duty.unit);
});
