import { expect, test, type Page } from "@playwright/test";
import { db, signInAndWait, uniqueUsername } from "./support";

// Every area's to-do source reaches 工作台 in the production build, for the role it is meant for.
// (To-do sources were once keyed by function name; minification gave three the same name and
// 属地管理 and 双向考评 silently disappeared.) Each test signs in as an account of its own, made
// in the unit whose data it needs, so the other browser tests cannot take its to-do away.

const OPEN_EVALUATION = "2026 年度区街双向考评";

/** A new account in `unit` with the roles and password of the demo account `copyFrom`. */
async function makeUser(copyFrom: string, unit: string) {
  const username = uniqueUsername("todo");
  const [row] = await db<{ id: number }>(
    `INSERT INTO app_user (username, display_name, password_hash, unit_id, roles, updated_at)
     SELECT $1, '待办测试' || $1, u.password_hash, (SELECT id FROM org_unit WHERE name = $2), u.roles, now() FROM app_user u WHERE u.username = $3
     RETURNING id`,
    [username, unit, copyFrom],
  );
  if (!row) throw new Error(`no demo account ${copyFrom}`);
  return { username, id: row.id };
}

/** The 工作台's to-do list, as "area title" lines. */
async function todos(page: Page) {
  await page.goto("/workspace");
  const section = page.getByRole("region", { name: "待办事项" });
  await expect(section.getByRole("heading", { name: "待办事项" })).toBeVisible();
  return section.getByRole("listitem");
}

async function expectTodo(page: Page, area: string, title: string | RegExp) {
  const items = await todos(page);
  await expect(items.filter({ has: page.getByText(area, { exact: true }) }).filter({ hasText: title }).first()).toBeVisible();
}

test("编办 sees 属地管理, 双向考评, 赋权承接 and 准入 to-dos", async ({ page }) => {
  // A duty entered for 茶山镇, which has no published local-duty list yet: an unpublished change.
  await db(
    `INSERT INTO local_duty (unit_id, department_id, department_name, duty_type, name, name_key, department_duty, local_duty,
                             legal_basis, lead_responsibility, support_responsibility, admitted_on)
     SELECT u.id, d.id, d.name, '安全生产', '待办测试：山林防火巡查', '待办测试：山林防火巡查', '组织森林防火检查。', '开展日常巡查并上报火情。',
            '《森林防火条例》第五条', '县应急管理局', '乡镇人民政府', current_date
     FROM org_unit u, org_unit d WHERE u.name = '茶山镇人民政府' AND d.name = '示例市应急管理局'`,
  );
  const [draft] = await db<{ n: number }>(
    `SELECT count(*)::int AS n FROM evaluation_sheet s JOIN evaluation_round r ON r.id = s.round_id WHERE r.title = $1 AND r.status = 'OPEN' AND s.status = 'DRAFT'`,
    [OPEN_EVALUATION],
  );
  expect(draft.n, "the demo city's open evaluation round has units still in draft").toBeGreaterThan(0);

  await signInAndWait(page, "bianban");
  await expectTodo(page, "属地管理", /属地管理事项清单有修改，尚未公布新版本/);
  await expectTodo(page, "双向考评", `${OPEN_EVALUATION}：尚有单位未提交评分`);
  await expectTodo(page, "赋权承接", /待编办裁决|尚未分派部门/);
  await expectTodo(page, "准入", /准入/);
  await page.screenshot({ path: "test-results/screens/workspace-todo-bianban.png", fullPage: true });
});

test("a street with its evaluation sheet in draft sees 双向考评 and 认领", async ({ page }) => {
  const [unit] = await db<{ name: string }>(
    `SELECT u.name FROM evaluation_sheet s JOIN evaluation_round r ON r.id = s.round_id JOIN org_unit u ON u.id = s.rater_unit_id
     WHERE r.title = $1 AND r.status = 'OPEN' AND s.status = 'DRAFT' AND s.side = 'STREET' AND u.name <> '东湖街道办事处'
     ORDER BY u.name LIMIT 1`,
    [OPEN_EVALUATION],
  );
  expect(unit, "a street still rating in the open round").toBeTruthy();
  const { username } = await makeUser("jiedao", unit.name);
  await signInAndWait(page, username);
  await expectTodo(page, "双向考评", `${OPEN_EVALUATION}：请完成本单位评分`);
  await expectTodo(page, "认领", /待认领的事项/);
});

test("东湖街道 sees 评议 and 双向派单 to-dos", async ({ page }) => {
  const { username } = await makeUser("jiedao", "东湖街道办事处");
  await signInAndWait(page, username);
  await expectTodo(page, "评议", /请评价本单位承接的准入事项/);
  await expectTodo(page, "双向派单", /待本街道办理回复的投诉/);
});

test("a department sees 双向派单 and its notifications", async ({ page }) => {
  const { username, id } = await makeUser("chengguan", "示例市应急管理局");
  await db(`INSERT INTO notification (user_id, title, body, href) VALUES ($1, '待办测试：请尽快完成评分', '提醒', '/evaluation')`, [id]);
  await signInAndWait(page, username);
  await expectTodo(page, "双向派单", /街道上报、待本部门接收的案件|已接收、待办结的案件/);
  await expectTodo(page, "通知", "待办测试：请尽快完成评分");
});

test("司法局 sees the power list and the admission waiting for its opinion", async ({ page }) => {
  const { username } = await makeUser("sifa", "示例市司法局");
  await signInAndWait(page, username);
  await expectTodo(page, "职权清单", /审核「.*」/);
  await expectTodo(page, "准入", "待本单位提出联席审查意见的准入申请");
});
