import { expect, test } from "@playwright/test";
import { db, signInAndWait, uniqueUsername } from "./support";

// A notification opens its own object (it used to open the notification list, whatever it was
// about), from 工作台 and from the list, and opening it marks it read, so both count one fewer.

async function departmentUser() {
  const username = uniqueUsername("tz");
  const [row] = await db<{ id: number }>(
    `INSERT INTO app_user (username, display_name, password_hash, unit_id, roles, updated_at)
     SELECT $1, '通知测试' || $1, u.password_hash, u.unit_id, u.roles, now() FROM app_user u WHERE u.username = 'chengguan'
     RETURNING id`,
    [username],
  );
  return { username, id: row.id };
}

test("a dispatch notification on 工作台 opens the case and is then read", async ({ page }) => {
  const user = await departmentUser();
  const [kase] = await db<{ id: number; title: string }>(`SELECT id, title FROM dispatch WHERE department_id = (SELECT unit_id FROM app_user WHERE id = $1) ORDER BY id LIMIT 1`, [user.id]);
  await db(`INSERT INTO notification (user_id, title, body, href) VALUES ($1, $2, '请接收移交。', $3)`, [user.id, `通知测试：${kase.title}`, `/dispatch/${kase.id}`]);
  await signInAndWait(page, user.username);
  const item = page.getByRole("region", { name: "待办事项" }).getByRole("link", { name: `通知测试：${kase.title}` });
  await item.click();
  await expect(page).toHaveURL(new RegExp(`/dispatch/${kase.id}$`));
  await page.goto("/evaluation/notifications");
  const row = page.getByTestId("notification").filter({ hasText: `通知测试：${kase.title}` });
  await expect(row).toHaveAttribute("data-read", "true");
  // From the list, too, it opens the case.
  await row.getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/dispatch/${kase.id}$`));
});
