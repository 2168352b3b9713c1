import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, db, signIn, signInAndWait, uniqueUsername } from "./support";

// Issue 10: one browser test per item a person (or an attacker with a browser) would notice.

test("#6 sign-in before the page is interactive posts the form and never puts the password in a URL", async ({ page }) => {
  // No JavaScript at all: the state of a page clicked before hydration, for as long as it takes.
  await page.route(/\.js(\?|$)/, (route) => route.abort());
  const requests: { url: string; method: string }[] = [];
  page.on("request", (r) => requests.push({ url: r.url(), method: r.method() }));
  await page.goto("/login");
  await page.getByLabel("用户名").fill("lingdao");
  await page.getByLabel("密码").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByTestId("user-badge")).toBeVisible();
  const secret = encodeURIComponent(DEMO_PASSWORD);
  expect(requests.filter((r) => r.url.includes(secret) || r.url.includes(DEMO_PASSWORD))).toEqual([]);
  const submit = requests.find((r) => new URL(r.url).pathname === "/login" && r.method !== "GET");
  expect(submit?.method).toBe("POST");
});

test("#4 a copied session cookie stops working after sign-out", async ({ page, browser }) => {
  await signInAndWait(page, "lingdao");
  const cookies = await page.context().cookies();
  expect(cookies.some((c) => c.name.endsWith("next-auth.session-token"))).toBe(true);
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/login\?signedOut=1/);

  const thief = await browser.newContext();
  await thief.addCookies(cookies);
  const stolen = await thief.newPage();
  await stolen.goto("/workspace");
  await expect(stolen).toHaveURL(/\/login/);
  const session = await (await thief.request.get("/api/auth/session")).json();
  expect(session).toEqual({});
  await thief.close();
  const [row] = await db<{ n: string }>(`SELECT count(*)::text AS n FROM audit_log WHERE action = 'auth.signOut' AND actor_name = '赵明'`);
  expect(Number(row.n)).toBeGreaterThan(0);
});

for (const [name, callbackUrl] of [
  ["a tab", "%2F%09%2Fexample.org%2Fphish"],
  ["a line break", "%2F%0A%2Fexample.org%2Fphish"],
  ["an absolute URL", "https%3A%2F%2Fexample.org%2F"],
]) {
  test(`#5 a callback URL with ${name} lands on 工作台, not another site`, async ({ page }) => {
    const response = await page.goto(`/login?callbackUrl=${callbackUrl}`);
    expect(response?.status()).toBeLessThan(500);
    await page.getByLabel("用户名").fill("lingdao");
    await page.getByLabel("密码").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.getByTestId("user-badge")).toBeVisible();
    const url = new URL(page.url());
    expect(url.host).toBe(new URL(test.info().project.use.baseURL!).host);
    expect(url.pathname).toBe("/workspace");
  });
}

test("#2 the audit log records the connection's address, not a spoofed X-Forwarded-For", async ({ page }) => {
  await page.setExtraHTTPHeaders({ "x-forwarded-for": "203.0.113.99", "x-qingdan-peer": "203.0.113.98" });
  const username = uniqueUsername("spoof");
  await signIn(page, username, "Wrong-Password-1");
  await expect(page.getByTestId("form-error")).toHaveText("用户名或密码错误。");
  const rows = await db<{ address: string | null }>(`SELECT address FROM audit_log WHERE action = 'auth.signIn.failed' AND subject_id = $1`, [username]);
  expect(rows).toHaveLength(1);
  expect(rows[0].address).toMatch(/127\.0\.0\.1|::1/);
});

test("#9 编办 administrators see a warning while demo accounts keep the demo password; others do not", async ({ page, browser }) => {
  await signInAndWait(page, "admin");
  await expect(page.getByTestId("demo-password-banner")).toContainText("仍在使用公开的演示密码", { timeout: 30_000 });
  const other = await browser.newContext();
  const staff = await other.newPage();
  await signInAndWait(staff, "chengguan");
  await expect(staff.getByTestId("demo-password-banner")).toHaveCount(0);
  await other.close();
});

test("#13 a refused page request is recorded as a security event", async ({ page }) => {
  await signInAndWait(page, "chengguan");
  const response = await page.goto("/admin/users?probe=1");
  expect(response?.status()).toBe(403);
  const rows = await db<{ outcome: string; subject_type: string; actor_name: string }>(
    `SELECT outcome::text, subject_type, actor_name FROM audit_log WHERE action = 'security.denied' AND subject_id = '/admin/users?probe=1'`,
  );
  expect(rows[0]).toEqual({ outcome: "DENIED", subject_type: "page", actor_name: "张伟" });
});
