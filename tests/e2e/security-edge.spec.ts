import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { db, signInAndWait, signInAs } from "./support";

// Issue 10 items 8 (upload limits answer in Chinese) and 14 (Content-Security-Policy and the
// other security headers), as a browser sees them on a production build.

const MB = 1024 * 1024;
const TOO_LARGE = "文件超过 10 MB，请压缩或拆分后再上传。";

/** A PDF of this size on disk (large files go to the browser by path, not through the protocol). */
function pdf(bytes: number, name: string) {
  const b = Buffer.alloc(bytes);
  b.write("%PDF-1.7\n");
  const file = test.info().outputPath(name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, b);
  return file;
}

async function returnedAdmission() {
  // Seeded: returned to 城管局 for revision, so its applicant may attach files.
  const [a] = await db<{ id: number }>(`SELECT id FROM admission WHERE title = '辖区犬只登记信息采集'`);
  return a.id;
}

async function attachmentCount(admissionId: number) {
  const [r] = await db<{ n: string }>(`SELECT count(*) AS n FROM admission_attachment WHERE admission_id = $1`, [admissionId]);
  return Number(r.n);
}

test("an attachment of 11 MB or 30 MB is refused with the app's Chinese message, and nothing is stored", async ({ page }) => {
  test.setTimeout(120_000);
  const id = await returnedAdmission();
  const before = await attachmentCount(id);
  const [audit] = await db<{ n: string }>(`SELECT count(*) AS n FROM audit_log WHERE action = 'admission.attach'`);
  await signInAs(page, "chengguan");
  await page.goto(`/admission/${id}`);
  for (const size of [11, 30]) {
    await page.setInputFiles("#attachment", pdf(size * MB, `测算依据${size}.pdf`));
    await page.getByRole("button", { name: "上传", exact: true }).click();
    await expect(page.getByRole("alert").filter({ hasText: TOO_LARGE })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole("button", { name: "上传", exact: true })).toBeEnabled();
    await expect(page.getByRole("link", { name: `测算依据${size}.pdf` })).toHaveCount(0);
  }
  expect(await attachmentCount(id)).toBe(before);
  expect(await db(`SELECT count(*) AS n FROM audit_log WHERE action = 'admission.attach'`)).toEqual([audit]);
});

// Known open problem (issue 12, review 5c): posted natively (no JavaScript, so no check in the
// browser) the 11 MB file got no 文件超过 10 MB answer within a minute on the production build;
// the framework caps (next.config.js) are 64 MB, so where the file part goes is still to find.
test.fixme("without JavaScript (the form posts natively), an 11 MB attachment reaches the server whole and is refused in Chinese", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const id = await returnedAdmission();
  const before = await attachmentCount(id);
  await signInAndWait(page, "chengguan");
  const context = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
  const plain = await context.newPage();
  await plain.goto(`/admission/${id}`);
  await plain.setInputFiles("#attachment", pdf(11 * MB, "测算依据-无脚本.pdf"));
  await plain.getByRole("button", { name: "上传", exact: true }).click();
  // The server's own answer: the file arrived (not 请选择要上传的文件) and is over the limit.
  await expect(plain.getByRole("alert").filter({ hasText: TOO_LARGE })).toBeVisible({ timeout: 60_000 });
  expect(await attachmentCount(id)).toBe(before);
  await context.close();
});

test("every upload form checks a file against its schema's limit before sending it: a 派单 report with an 11 MB file", async ({ page }) => {
  test.setTimeout(120_000);
  const [before] = await db<{ n: string }>(`SELECT count(*) AS n FROM dispatch`);
  await signInAs(page, "jiedao");
  await page.goto("/dispatch/new");
  await page.getByLabel("接收部门").selectOption({ label: "示例市城市管理综合执法局" });
  await page.getByLabel("问题概述（什么问题）").fill("上传测试：超大证据附件");
  await page.getByLabel("发生地点").fill("东湖街道荷塘路 9 号");
  await page.getByLabel("情况说明").fill("附件超过 10 MB。");
  await page.setInputFiles("#files", pdf(11 * MB, "现场录像.pdf"));
  await page.getByRole("button", { name: "上报部门" }).click();
  await expect(page.locator("#files-error")).toHaveText(`现场录像.pdf：${TOO_LARGE}`);
  await expect(page).toHaveURL(/\/dispatch\/new$/);
  expect(await db(`SELECT count(*) AS n FROM dispatch`)).toEqual([before]);
});

test("a body above the framework cap is refused in Chinese before it is read", async ({ page }) => {
  test.setTimeout(120_000);
  const id = await returnedAdmission();
  const before = await attachmentCount(id);
  await signInAs(page, "chengguan");
  // What a server action call from the page looks like, with 65 MB in it.
  const res = await page.request.post(`/admission/${id}`, {
    headers: { "next-action": "0".repeat(42), "content-type": "text/plain;charset=UTF-8" },
    data: Buffer.alloc(65 * MB, 0x61),
    timeout: 90_000,
  });
  expect(res.status()).toBe(413);
  expect(res.headers()["content-type"]).toBe("text/plain");
  expect(await res.text()).toBe("上传的内容超过 64 MB，没有保存。请压缩或拆分文件后再上传。");
  expect(await attachmentCount(id)).toBe(before);
});

/**
 * Collects what the browser reports about the CSP while a page is used: its console messages
 * ("Refused to …" / "… violates the following Content Security Policy directive …", wording
 * varies by version), and every securitypolicyviolation event, reported back through a console
 * line (an init script runs outside the page's CSP).
 */
async function watchCsp(page: Page) {
  const violations: string[] = [];
  page.on("console", (m) => {
    const text = m.text();
    if (/Refused to|Content Security Policy|csp-violation/i.test(text)) violations.push(`${page.url()}: ${text}`);
  });
  page.on("pageerror", (e) => violations.push(`${page.url()}: ${e.message}`));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => console.warn(`csp-violation ${e.violatedDirective} ${e.blockedURI}`));
  });
  return violations;
}

async function expectNonceHeaders(page: Page, path: string) {
  const res = await page.goto(path);
  expect(res!.status(), path).toBe(200);
  const headers = res!.headers();
  const csp = headers["content-security-policy"];
  expect(csp, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'/);
  for (const d of ["object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'"]) expect(csp, path).toContain(d);
  expect(csp, path).not.toContain("unsafe-eval");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  // Served over plain http here (NEXTAUTH_URL http://localhost): no HSTS, no upgrade.
  expect(headers["strict-transport-security"]).toBeUndefined();
  expect(csp).not.toContain("upgrade-insecure-requests");
  // Next.js put this request's nonce on every script it rendered.
  const nonce = csp.match(/'nonce-([^']+)'/)![1];
  const scripts = await page.locator("script").evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).nonce));
  expect(scripts.length, path).toBeGreaterThan(0);
  expect(scripts.every((n) => n === nonce), `${path}: every script carries the nonce`).toBe(true);
  return nonce;
}

/**
 * A published public page is served to everyone from memory (scripts/page-cache.mjs), so instead
 * of one visitor's nonce its policy lists the page's own inline scripts by hash, plus same-origin
 * files; every inline script on the page must be one of them.
 */
async function expectHashHeaders(page: Page, path: string) {
  const res = await page.goto(path);
  expect(res!.status(), path).toBe(200);
  const csp = res!.headers()["content-security-policy"];
  expect(csp, path).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+(;|$)/);
  expect(csp, path).not.toContain("nonce-");
  expect(csp, path).not.toContain("strict-dynamic");
  for (const d of ["object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'"]) expect(csp, path).toContain(d);
  const inline = await page.locator("script:not([src])").evaluateAll((els) => els.map((e) => e.textContent ?? "").filter(Boolean));
  expect(inline.length, path).toBeGreaterThan(0);
  for (const text of inline) {
    const digest = await page.evaluate(async (t) => btoa(String.fromCharCode(...new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(t))))), text);
    expect(csp, `${path}: inline script listed by hash`).toContain(`'sha256-${digest}'`);
  }
  return csp;
}

test("public, sign-in and workspace pages carry a strict CSP (hashes for shared public pages, a fresh nonce otherwise) and work without a single violation", async ({ page }) => {
  test.setTimeout(120_000);
  const violations = await watchCsp(page);
  await expectHashHeaders(page, "/");
  await expectHashHeaders(page, "/");
  // The portal is interactive: the search box submits, a client-side link navigates.
  await page.getByRole("searchbox").first().fill("消防");
  await page.getByRole("searchbox").first().press("Enter");
  await expect(page).toHaveURL(/\/search\?q=/);
  await page.getByRole("link", { name: "清单目录" }).click();
  await expect(page).toHaveURL(/\/lists$/);

  await expectNonceHeaders(page, "/login");
  await signInAndWait(page, "admin");
  await expectNonceHeaders(page, "/workspace");
  await expect(page.getByTestId("user-badge")).toBeVisible();
  // Pages with style attributes (indentation, bars) and client components.
  await expectNonceHeaders(page, "/admin/units");
  await expectNonceHeaders(page, "/devolution");
  expect(violations).toEqual([]);
});

test("a script injected into a page without the nonce does not run", async ({ page }) => {
  const violations = await watchCsp(page);
  // As if stored markup reached the HTML unescaped: a parser-inserted inline script and an inline handler.
  await page.route("**/lists", async (route) => {
    if (route.request().resourceType() !== "document") return route.fallback();
    const response = await route.fetch();
    const html = (await response.text()).replace(
      "</body>",
      `<script>window.__injected = "script"</script><img src="/nothing.png" onerror="window.__handler = 'ran'"></body>`,
    );
    await route.fulfill({ response, body: html });
  });
  await page.goto("/lists");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  // The markup is there (the page was really changed), but neither script ran, and the browser said why.
  await expect(page.locator('img[src="/nothing.png"]')).toHaveCount(1);
  await expect.poll(() => violations.filter((v) => v.includes("csp-violation")).length).toBeGreaterThanOrEqual(2);
  expect(await page.evaluate(() => { const w = window as unknown as Record<string, unknown>; return [w.__injected, w.__handler]; })).toEqual([undefined, undefined]);
  expect(violations.filter((v) => v.includes("csp-violation")).join("\n")).toMatch(/script-src-elem[\s\S]*script-src-attr|script-src-attr[\s\S]*script-src-elem/);
});

test("downloads still work under the CSP: a published list as xlsx and pdf, an export from the workspace", async ({ page }) => {
  test.setTimeout(120_000);
  const [list] = await db<{ id: number }>(`SELECT min(list_id) AS id FROM power_list_version`);
  for (const [format, type] of [["xlsx", "spreadsheetml"], ["pdf", "application/pdf"]]) {
    const res = await page.request.get(`/lists/${list.id}/download?format=${format}`);
    expect(res.status(), format).toBe(200);
    expect(res.headers()["content-type"]).toContain(type);
    expect((await res.body()).length).toBeGreaterThan(1000);
  }
  // Through the page's own link, as a person downloads it.
  await page.goto(`/lists/${list.id}`);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-xlsx").click()]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);

  await signInAs(page, "admin");
  const [edition] = await db<{ id: number }>(`SELECT id FROM catalogue_edition WHERE status = 'ISSUED' ORDER BY id LIMIT 1`);
  const res = await page.request.get(`/api/catalogue/editions/${edition.id}/export`);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-disposition"]).toMatch(/^attachment;/);
});
