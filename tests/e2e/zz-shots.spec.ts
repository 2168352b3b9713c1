import { test, type Browser } from "@playwright/test";
import { db, signInAndWait } from "./support";

async function signedIn(browser: Browser, username: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await signInAndWait(page, username);
  return page;
}
const shot = async (page: import("@playwright/test").Page, path: string, name: string) => {
  await page.goto(path);
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: `/tmp/shots/${name}.png`, fullPage: true });
};

test("shots", async ({ browser }) => {
  test.setTimeout(300_000);
  const b = await signedIn(browser, "bianban");
  await shot(b, "/workspace", "bianban-workspace");
  await shot(b, "/admin/list-types", "list-types");
  await shot(b, "/typed-lists/manage", "typed-manage");
  const [ed] = await db<{ id: number }>(`SELECT id FROM catalogue_edition WHERE status = 'DRAFT' ORDER BY id LIMIT 1`);
  if (ed) await shot(b, `/catalogue/${ed.id}`, "catalogue-draft");
  const [tl] = await db<{ id: number }>(`SELECT id FROM typed_list WHERE current_version_id IS NOT NULL ORDER BY id LIMIT 1`);
  if (tl) await shot(b, `/typed-lists/${tl.id}`, "portal-typed-list");
  await shot(b, "/typed-lists", "portal-typed-lists");
  const [pl] = await db<{ id: number }>(`SELECT l.id FROM power_list l JOIN power_list_version v ON v.list_id = l.id GROUP BY l.id HAVING count(*) > 1 LIMIT 1`);
  if (pl) {
    await shot(b, `/lists/${pl.id}/v/1`, "portal-v1");
    await shot(b, `/lists/${pl.id}/v/2`, "portal-v2");
  }
  const d = await signedIn(browser, "donghu");
  await shot(d, "/workspace", "donghu-workspace");
  await shot(d, "/devolution", "donghu-devolution");
});
