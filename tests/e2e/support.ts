import { expect, type Browser, type BrowserContextOptions, type Cookie, type Page } from "@playwright/test";
import pg from "pg";

export const DEMO_PASSWORD = "Qingdan@2026";

export async function signIn(page: Page, username: string, password = DEMO_PASSWORD, path = "/login") {
  await page.goto(path);
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
}

export async function signInAndWait(page: Page, username: string, password = DEMO_PASSWORD) {
  await signIn(page, username, password);
  // Sign-in hashes the password (scrypt) and redirects: seconds on a quiet machine, more than
  // the default 10 s expectation on a loaded one.
  await expect(page.getByTestId("user-badge")).toBeVisible({ timeout: 30_000 });
}

// Signing in through the form costs a page load, a password hash and a 工作台 render: seconds
// each on a busy machine, and most tests only need to be signed in. The sign-in form itself is
// walked by foundation.spec.ts, security.spec.ts and forms.spec.ts (they keep signInAndWait); the
// other tests sign in through the form once per account and worker, then reuse that session's
// cookie in each new context. A cookie whose session has ended (signed out, locked, revoked) is
// noticed before use and replaced by a fresh sign-in, so no test depends on another's session.
const SESSIONS_KEY = Symbol.for("qingdan.e2e.sessions");
const sessions: Map<string, Cookie[]> = ((globalThis as Record<symbol, unknown>)[SESSIONS_KEY] ??= new Map()) as Map<string, Cookie[]>;

async function liveCookies(page: Page, username: string): Promise<boolean> {
  const cookies = sessions.get(username);
  if (!cookies) return false;
  const context = page.context();
  await context.clearCookies();
  await context.addCookies(cookies);
  const response = await context.request.get("/api/auth/session");
  const session = response.ok() ? ((await response.json()) as { uid?: number }) : {};
  if (session.uid) return true;
  sessions.delete(username);
  await context.clearCookies();
  return false;
}

/**
 * Signs `page`'s context in as `username` (the demo password), reusing this worker's session for
 * the account when it is still live; otherwise signs in through the form (the page then shows
 * 工作台). Replaces any session the context had. Opens `path` afterwards when given, and waits
 * for the signed-in layout there.
 */
export async function signInAs(page: Page, username: string, path?: string) {
  if (!(await liveCookies(page, username))) {
    await page.context().clearCookies();
    await signInAndWait(page, username);
    const cookies = (await page.context().cookies()).filter((c) => c.name.endsWith("next-auth.session-token"));
    expect(cookies, `the session cookie of ${username}`).toHaveLength(1);
    sessions.set(username, cookies);
    if (path === "/workspace") return page;
  }
  if (path) {
    await page.goto(path);
    await expect(page.getByTestId("user-badge")).toBeVisible();
  }
  return page;
}

/** A page in a new browser context, signed in as `username` (see signInAs); it opens `path` if given. */
export async function pageAs(browser: Browser, username: string, path?: string, options: BrowserContextOptions = {}) {
  const page = await (await browser.newContext(options)).newPage();
  return signInAs(page, username, path);
}

/** Direct database access for arranging and checking what a test needs. */
export async function db<T = unknown>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
}

let n = 0;
export function uniqueUsername(prefix: string) {
  return `${prefix}${Date.now().toString(36)}${n++}`;
}
