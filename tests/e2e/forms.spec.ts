import { expect, test, type Page, type Request } from "@playwright/test";
import { DEMO_PASSWORD, db, signInAndWait } from "./support";

/*
 * A click on submit before the page is interactive: the browser submits the form natively. Every
 * form must then POST (a server action, or a route handler), never a GET that puts the fields in
 * the URL. The JavaScript chunks are blocked so the page never hydrates.
 */

async function withoutJavaScript(page: Page) {
  await page.route("**/_next/static/**/*.js", (route) => route.abort());
}

function recordSubmissions(page: Page) {
  const requests: Request[] = [];
  page.on("request", (r) => {
    if (r.isNavigationRequest() || r.method() === "POST") requests.push(r);
  });
  return requests;
}

test("the sign-in form posts before hydration and never puts the password in the URL", async ({ page }) => {
  await withoutJavaScript(page);
  await page.goto("/login", { waitUntil: "commit" });
  await page.getByLabel("用户名").fill("bianban");
  await page.getByLabel("密码").fill(DEMO_PASSWORD);
  const requests = recordSubmissions(page);
  await page.getByRole("button", { name: "登录" }).click();
  await page.waitForLoadState("domcontentloaded");
  expect(requests.some((r) => r.method() === "POST")).toBe(true);
  for (const r of requests) expect(r.url()).not.toContain(DEMO_PASSWORD);
  expect(page.url()).not.toContain("password");
});

test("a workspace form posts its server action before hydration and the change is saved", async ({ page }) => {
  await signInAndWait(page, "bianban");
  await withoutJavaScript(page);
  await page.goto("/catalogue/dictionary", { waitUntil: "domcontentloaded" });
  const name = `预水合${Date.now().toString(36).slice(-5)}`;
  const form = page.getByTestId("new-entry-DOMAIN");
  await form.getByLabel("名称").fill(name);
  await form.getByLabel("同义词").fill(`${name}别名`);
  const requests = recordSubmissions(page);
  const posted = page.waitForRequest((r) => r.method() === "POST");
  await form.getByRole("button", { name: "添加" }).click();
  const request = await posted;
  expect(request.url()).not.toContain(encodeURIComponent(name));
  await page.waitForLoadState("domcontentloaded");
  expect(requests.filter((r) => r.method() === "GET" && r.url().includes("name="))).toHaveLength(0);
  await expect
    .poll(async () => (await db<{ n: number }>("SELECT count(*)::int AS n FROM dictionary_entry WHERE name = $1", [name]))[0].n)
    .toBe(1);
  // The page rendered after the post shows the new entry (no reload by hand).
  await expect(page.getByTestId(`entry-${name}`)).toBeVisible();
});

test("a hydrated form shows the server's field errors next to the field and keeps the input", async ({ page }) => {
  await signInAndWait(page, "bianban");
  await page.goto("/catalogue/dictionary");
  const form = page.getByTestId("new-entry-DOMAIN");
  await form.getByLabel("名称").fill("甲");
  await form.getByRole("button", { name: "添加" }).click();
  const input = form.getByLabel("名称");
  await expect(input).toHaveAttribute("aria-invalid", "true");
  const describedBy = await input.getAttribute("aria-describedby");
  expect(describedBy).toBeTruthy();
  await expect(page.locator(`#${describedBy!.split(" ")[0]}`)).toContainText("至少 2 个字");
  await expect(input).toHaveValue("甲");
  // The limit comes from the schema, not from the component.
  await expect(input).toHaveAttribute("maxlength", "30");
});
