import { expect, test } from "@playwright/test";

// The top-level public/ files answer from the production server with the right content type,
// and every page links them (browsers otherwise ask for /favicon.ico and log a 404).

test("favicon, touch icon, robots.txt and the web manifest are served", async ({ request }) => {
  const favicon = await request.get("/favicon.ico");
  expect(favicon.status()).toBe(200);
  expect(favicon.headers()["content-type"]).toMatch(/^image\/(x-icon|vnd\.microsoft\.icon)/);
  const ico = await favicon.body();
  expect([...ico.subarray(0, 4)]).toEqual([0, 0, 1, 0]); // ICONDIR: reserved 0, type 1 (icon)

  const touch = await request.get("/apple-touch-icon.png");
  expect(touch.status()).toBe(200);
  expect(touch.headers()["content-type"]).toMatch(/^image\/png/);

  const robots = await request.get("/robots.txt");
  expect(robots.status()).toBe(200);
  expect(robots.headers()["content-type"]).toMatch(/^text\/plain/);
  const rules = await robots.text();
  expect(rules).toContain("Allow: /\n");
  expect(rules).toContain("Disallow: /api/");
  expect(rules).toContain("Disallow: /workspace");

  const manifest = await request.get("/manifest.webmanifest");
  expect(manifest.status()).toBe(200);
  expect(manifest.headers()["content-type"]).toMatch(/^application\/manifest\+json/);
  const json = JSON.parse(await manifest.text());
  expect(json).toMatchObject({ short_name: "清单", lang: "zh-CN", start_url: "/" });
  expect(json.name).toContain("清单 Qingdan");
  for (const icon of json.icons as { src: string }[]) expect((await request.get(icon.src)).status(), icon.src).toBe(200);
});

test("pages link the icons and the manifest", async ({ page }) => {
  const missing: string[] = [];
  page.on("response", (r) => {
    if (r.status() === 404) missing.push(r.url());
  });
  await page.goto("/");
  await expect(page.locator('link[rel="icon"][href^="/favicon.ico"]')).toHaveCount(1);
  await expect(page.locator('link[rel="apple-touch-icon"]')).toHaveAttribute("href", /\/apple-touch-icon\.png/);
  await expect(page.locator('link[rel="manifest"]')).toHaveAttribute("href", /\/manifest\.webmanifest/);
  await page.goto("/login");
  expect(missing).toEqual([]);
});
