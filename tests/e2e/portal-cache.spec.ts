import { expect, test } from "@playwright/test";
import { db } from "./support";

// Issue 14 §1: published pages are served like static files (scripts/page-cache.mjs).

async function beimen() {
  const [list] = await db<{ id: number; unit_id: number; name: string }>(
    `SELECT l.id, u.id AS unit_id, u.name FROM power_list l JOIN org_unit u ON u.id = l.unit_id WHERE u.name LIKE '北门街道%' AND l.form = 'POWER'`,
  );
  return list;
}

test("public pages and the open-data API answer with a strong ETag, 304 and the Cache-Control of their URL", async ({ request }) => {
  const { id } = await beimen();
  const current = [`/lists/${id}`, `/api/public/lists/${id}`, "/lists", `/lists/${id}/download?format=xlsx`, "/search?q=%E6%B6%88%E9%98%B2"];
  const versioned = [`/lists/${id}/v/1`, `/api/public/lists/${id}?version=1`, `/lists/${id}/diff?from=1&to=2`];
  for (const path of [...current, ...versioned]) {
    const first = await request.get(path);
    expect(first.status(), path).toBe(200);
    const etag = first.headers()["etag"];
    expect(etag, path).toMatch(/^"[A-Za-z0-9_-]{32}(-gz)?"$/);
    expect(first.headers()["cache-control"], path).toBe(
      versioned.includes(path) ? "public, max-age=31536000, immutable" : "public, max-age=0, s-maxage=10, stale-while-revalidate=30",
    );
    const again = await request.get(path, { headers: { "If-None-Match": etag } });
    expect(again.status(), path).toBe(304);
    expect(again.headers()["etag"], path).toBe(etag);
  }
  // The workspace and sign-in are never public.
  const login = await request.get("/login");
  expect(login.headers()["cache-control"]).not.toContain("public");
  expect(login.headers()["etag"]).toBeUndefined();
});

test("a page served from memory runs in the browser under its hash policy, with no CSP refusal", async ({ browser, request }) => {
  const { id } = await beimen();
  await request.get(`/lists/${id}`); // now in the server's memory
  // A fresh browser (no HTTP cache of its own, so no conditional request and a full 200).
  const context = await browser.newContext();
  const page = await context.newPage();
  const refused: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) refused.push(m.text());
  });
  const response = await page.goto(`/lists/${id}`);
  expect(response!.status()).toBe(200);
  const csp = (await response!.allHeaders())["content-security-policy"];
  expect(csp).not.toContain("nonce-");
  expect(csp).toContain("'sha256-");
  await expect(page.getByTestId("items-table").first()).toBeVisible();
  // React took over: a client-side navigation through the header works.
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "清单目录" }).click();
  await expect(page).toHaveURL(/\/lists$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(refused).toEqual([]);
  await context.close();
});

test("a change to what the public sees shows on the current URL within about a second", async ({ request }) => {
  // A published list no other spec looks up by its unit's name.
  const [list] = await db<{ id: number; unit_id: number; name: string }>(
    `SELECT l.id, u.id AS unit_id, u.name FROM power_list l JOIN org_unit u ON u.id = l.unit_id
      WHERE l.current_version_id IS NOT NULL AND u.name NOT LIKE '北门%' ORDER BY l.id DESC LIMIT 1`,
  );
  const renamed = `${list.name}（更名测试）`;
  expect(await (await request.get(`/lists/${list.id}`)).text()).not.toContain(renamed);
  await db(`UPDATE org_unit SET name = $1, updated_at = now() WHERE id = $2`, [renamed, list.unit_id]);
  try {
    const start = Date.now();
    await expect.poll(async () => (await (await request.get(`/lists/${list.id}`)).text()).includes(renamed), { timeout: 5_000, intervals: [100] }).toBe(true);
    expect(Date.now() - start).toBeLessThan(3_000);
  } finally {
    await db(`UPDATE org_unit SET name = $1, updated_at = now() WHERE id = $2`, [list.name, list.unit_id]);
  }
});

test("the list page carries its items once: in the HTML, not again in the React payload, and they stay after React takes over", async ({ page, request }) => {
  const { id } = await beimen();
  const [item] = await db<{ name: string; item_key: string }>(
    `SELECT vi.name, vi.item_key FROM power_list_version_item vi JOIN power_list l ON l.current_version_id = vi.version_id
      WHERE l.id = $1 ORDER BY vi.position LIMIT 1`,
    [id],
  );
  const html = await (await request.get(`/lists/${id}?fresh=${Date.now()}`)).text();
  const itemLink = `/lists/${id}/items/${encodeURIComponent(item.item_key)}`;
  // Once as a link in the table; the payload (self.__next_f) names no item link.
  expect(html.split(`href="${itemLink}"`).length - 1).toBe(1);
  const payload = [...html.matchAll(/self\.__next_f\.push\((.*?)\)<\/script>/gs)].map((m) => m[1]).join("");
  expect(payload.length).toBeGreaterThan(0);
  expect(payload).not.toContain(itemLink);

  await page.goto(`/lists/${id}`);
  const table = page.getByTestId("items-table").first();
  await expect(table.getByRole("link", { name: item.name })).toBeVisible();
  // A client-side navigation (a count chip is a Next.js link) renders the tables from the payload.
  const chip = page.getByTestId("counts-by-type").getByRole("link").first();
  const type = ((await chip.textContent()) ?? "").replace(/\s*\d+$/, "");
  await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
  await chip.click();
  await expect(page).toHaveURL(/type=/);
  await expect(page.getByTestId("items-count")).toContainText("找到");
  await expect(page.getByTestId("items-table").first()).toBeVisible();
  await expect(page.getByTestId("items-table").first().locator("tbody tr").first()).toContainText(type);
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
  // And back: the first page's tables again.
  await page.goBack();
  await expect(page.getByTestId("items-table").first().getByRole("link", { name: item.name })).toBeVisible();
});
