import { expect, test } from "@playwright/test";
import { db, signInAs } from "./support";

// Issue 10 item 12: odd ids and keys in a URL are "not found", never a server error.

async function publishedListId() {
  const [list] = await db<{ id: number }>(`SELECT l.id FROM power_list l WHERE l.current_version_id IS NOT NULL ORDER BY l.id LIMIT 1`);
  return list.id;
}

test("public pages and downloads answer 404 for a NUL or an id beyond INTEGER", async ({ page }) => {
  const id = await publishedListId();
  for (const path of [`/lists/${id}/items/%00`, "/lists/2147483648", `/lists/2147483648/history`, `/lists/${id}/v/2147483648`, "/local-duties/2147483648"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { level: 1 }), path).toBeVisible();
  }
  for (const path of ["/lists/2147483648/download", "/api/public/lists/2147483648", "/api/public/local-duties/2147483648"]) {
    expect((await page.request.get(path)).status(), path).toBe(404);
  }
  // A filter the page cannot use is dropped, not an error.
  expect((await page.goto("/search?q=%00&district=2147483648"))?.status()).toBe(200);
});

test("workspace pages and route handlers answer 404 for a NUL or an id beyond INTEGER", async ({ page }) => {
  test.setTimeout(120_000);
  await signInAs(page, "bianban");
  for (const path of ["/lists/manage/2147483648", "/lists/manage/%00", "/devolution/rounds/2147483648", "/admission/2147483648", "/catalogue/editions/2147483648", "/evaluation/2147483648/results"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
  }
  for (const path of ["/api/devolution/rounds/2147483648/export", "/api/devolution/letters/2147483648/pdf", "/api/catalogue/editions/%00/export", "/api/evaluation/2147483648/export"]) {
    expect((await page.request.get(path)).status(), path).toBe(404);
  }
});
