import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, db, signIn, signInAndWait, uniqueUsername } from "./support";

test("the public home works without signing in", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "街道（乡镇）职权清单" })).toBeVisible();
  await expect(page.getByRole("link", { name: "工作人员登录" })).toBeVisible();
  await page.screenshot({ path: "test-results/screens/public-home.png", fullPage: true });
});

const NAV: Record<string, { sees: string[]; not: string[]; role: string }> = {
  admin: { role: "编办管理员", sees: ["工作台", "用户管理", "组织机构", "审计日志", "赋权事项指导清单"], not: [] },
  bianban: { role: "编办工作人员", sees: ["工作台", "组织机构", "审计日志"], not: ["用户管理"] },
  chengguan: { role: "部门", sees: ["工作台", "赋权事项指导清单"], not: ["用户管理", "组织机构", "审计日志"] },
  sifa: { role: "联席会议成员单位", sees: ["工作台"], not: ["用户管理", "审计日志"] },
  jiedao: { role: "街道（乡镇）", sees: ["工作台", "通用权责清单"], not: ["用户管理", "组织机构"] },
  shequ: { role: "社区", sees: ["工作台"], not: ["用户管理", "审计日志"] },
  lingdao: { role: "领导", sees: ["工作台"], not: ["用户管理", "审计日志"] },
};

for (const [username, expected] of Object.entries(NAV)) {
  test(`${username} signs in and sees the navigation of the ${expected.role} role`, async ({ page }) => {
    await signInAndWait(page, username);
    await expect(page).toHaveURL(/\/workspace$/);
    await expect(page.getByTestId("user-badge")).toContainText(expected.role);
    const nav = page.getByRole("navigation", { name: "功能导航" });
    for (const label of expected.sees) await expect(nav.getByRole("link", { name: label, exact: true })).toBeVisible();
    for (const label of expected.not) await expect(nav.getByRole("link", { name: label, exact: true })).toHaveCount(0);
    await expect(page.getByRole("heading", { name: "待办事项" })).toBeVisible();
    if (username === "admin" || username === "chengguan") {
      await page.screenshot({ path: `test-results/screens/workspace-${username}.png`, fullPage: true });
    }
  });
}

test("a department user opening an admin page gets a 403 page", async ({ page }) => {
  await signInAndWait(page, "chengguan");
  for (const path of ["/admin/users", "/admin/units", "/admin/audit"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(page.getByRole("heading", { name: "没有访问权限" })).toBeVisible();
  }
  await page.screenshot({ path: "test-results/screens/forbidden.png" });
});

test("a signed-out visitor is sent to sign in and comes back where they were", async ({ page }) => {
  await page.goto("/admin/audit?page=1");
  await expect(page).toHaveURL(/\/login\?callbackUrl=/);
  await page.getByLabel("用户名").fill("admin");
  await page.getByLabel("密码").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(/\/admin\/audit\?page=1$/);
});

test("a wrong password is refused with a plain message, the same as an unknown user", async ({ page }) => {
  await signIn(page, "bianban", "not-the-password");
  await expect(page.getByTestId("form-error")).toHaveText("用户名或密码错误。");
  await signIn(page, "no-such-user", "whatever1");
  await expect(page.getByTestId("form-error")).toHaveText("用户名或密码错误。");
  await page.screenshot({ path: "test-results/screens/login-error.png" });
  await expect(page).toHaveURL(/\/login/);
});

test("repeated failures lock the account, even against the right password", async ({ page }) => {
  const username = uniqueUsername("lock");
  await db(
    `INSERT INTO app_user (username, display_name, password_hash, unit_id, roles, updated_at)
     SELECT $1, '锁定测试', password_hash, unit_id, roles, now() FROM app_user WHERE username = 'lingdao'`,
    [username],
  );
  for (let i = 0; i < 4; i++) {
    await signIn(page, username, `wrong-${i}`);
    await expect(page.getByTestId("form-error")).toHaveText("用户名或密码错误。");
  }
  await signIn(page, username, "wrong-5");
  await expect(page.getByTestId("form-error")).toContainText("账号已暂时锁定");
  await signIn(page, username, DEMO_PASSWORD);
  await expect(page.getByTestId("form-error")).toContainText("账号已暂时锁定");
  const [row] = await db<{ locked: boolean }>(`SELECT locked_until > now() AS locked FROM app_user WHERE username = $1`, [username]);
  expect(row.locked).toBe(true);
});

test("signing out ends the session", async ({ page }) => {
  await signInAndWait(page, "jiedao");
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/login\?signedOut=1/);
  await page.goto("/workspace");
  await expect(page).toHaveURL(/\/login\?callbackUrl=/);
});
