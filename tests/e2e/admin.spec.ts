import { expect, test } from "@playwright/test";
import { db, signIn, signInAs, uniqueUsername } from "./support";

test("an admin creates a user, who must change the password at first sign-in", async ({ page, browser }) => {
  const username = uniqueUsername("nanan");
  await signInAs(page, "admin");
  await page.goto("/admin/users/new");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("姓名").fill("周晓梅");
  await page.getByLabel("所属单位").selectOption({ label: "　　　南岸街道办事处" });
  await page.getByTestId("role-STREET").check();
  await page.getByRole("button", { name: "新建用户" }).click();
  const temporary = (await page.getByTestId("temporary-password-value").textContent())!.trim();
  expect(temporary).toMatch(/^[A-Za-z0-9-]{10}$/);
  await page.screenshot({ path: "test-results/screens/admin-user-created.png", fullPage: true });

  // The list finds the new account.
  await page.goto(`/admin/users?q=${username}`);
  await expect(page.getByTestId(`user-row-${username}`)).toContainText("周晓梅");
  await page.screenshot({ path: "test-results/screens/admin-users.png", fullPage: true });

  // The new user signs in elsewhere and is sent to change the password first.
  const context = await browser.newContext();
  const other = await context.newPage();
  await signIn(other, username, temporary);
  await expect(other).toHaveURL(/\/account\/password\?first=1/);
  await expect(other.getByText("您正在使用管理员设置的初始密码")).toBeVisible();
  // Other pages stay closed until then.
  await other.goto("/workspace");
  await expect(other).toHaveURL(/\/account\/password/);
  await other.getByLabel("当前密码").fill(temporary);
  await other.locator("#newPassword").fill("short");
  await other.getByLabel("再次输入新密码").fill("short");
  await other.getByRole("button", { name: "修改密码" }).click();
  await expect(other.locator("#newPassword-error")).toHaveText("密码至少 10 位");
  await other.locator("#newPassword").fill("Nanan2026ok");
  await other.getByLabel("再次输入新密码").fill("Nanan2026ok");
  await other.getByRole("button", { name: "修改密码" }).click();
  await expect(other).toHaveURL(/\/workspace/);
  await expect(other.getByTestId("user-badge")).toContainText("周晓梅");
  await context.close();

  const [row] = await db<{ must: boolean; n: string }>(
    `SELECT u.must_change_password AS must, (SELECT count(*) FROM audit_log a WHERE a.subject_id = u.id::text AND a.action IN ('user.create','account.changePassword'))::text AS n
     FROM app_user u WHERE username = $1`,
    [username],
  );
  expect(row).toEqual({ must: false, n: "2" });
});

test("an admin sees a locked account and lifts the lock", async ({ page }) => {
  const username = uniqueUsername("locked");
  await db(
    `INSERT INTO app_user (username, display_name, password_hash, unit_id, roles, failed_login_count, locked_until, updated_at)
     SELECT $1, '被锁用户', password_hash, unit_id, roles, 5, now() + interval '10 minutes', now() FROM app_user WHERE username = 'lingdao'`,
    [username],
  );
  await signInAs(page, "admin");
  await page.goto("/admin/users?status=locked");
  const row = page.getByTestId(`user-row-${username}`);
  await expect(row).toContainText("已锁定");
  await row.getByRole("link").first().click();
  await page.getByTestId("unlock-user").click();
  await expect.poll(async () => (await db<{ locked: boolean }>(`SELECT locked_until IS NOT NULL AS locked FROM app_user WHERE username = $1`, [username]))[0].locked).toBe(false);
});

test("the audit log lists sign-ins and admin changes, filtered on the server", async ({ page }) => {
  await signInAs(page, "bianban");
  await page.goto("/admin/audit");
  await expect(page.getByRole("heading", { name: "审计日志" })).toBeVisible();
  await expect(page.getByTestId("audit-row").first()).toBeVisible();
  await page.goto("/admin/audit?action=auth.signIn");
  const rows = page.getByTestId("audit-row");
  await expect(rows.first()).toContainText("登录成功");
  await page.screenshot({ path: "test-results/screens/admin-audit.png", fullPage: true });
});
