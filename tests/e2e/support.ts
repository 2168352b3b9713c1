import { expect, type Page } from "@playwright/test";
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
