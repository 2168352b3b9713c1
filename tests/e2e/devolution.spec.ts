import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { db, pageAs, signInAs, uniqueUsername } from "./support";

const SCREENS = "test-results/screens";

async function as(browser: Browser, username: string): Promise<Page> {
  return pageAs(browser, username, undefined, { locale: "zh-CN", timezoneId: "Asia/Shanghai", viewport: { width: 1366, height: 900 } });
}

/** Clicks a button that opens a confirmation dialog, then the dialog's confirm button. */
async function confirmVia(page: Page, opener: ReturnType<Page["getByTestId"]>, confirmLabel: string) {
  await opener.click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: confirmLabel, exact: true }).click();
}

test("a whole round for one street and one department, through to a confirmed letter that verifies", async ({ browser }) => {
  test.setTimeout(300_000);

  // A street of its own (so the demo data stays as it is) with an account for it.
  const suffix = uniqueUsername("");
  const streetName = `试点${suffix}街道办事处`;
  const streetUser = uniqueUsername("shidian");
  const [district] = await db<{ id: number }>(`SELECT id FROM org_unit WHERE name = '东湖区'`);
  const [street] = await db<{ id: number }>(
    `INSERT INTO org_unit (name, short_name, kind, parent_id, sort_order, updated_at) VALUES ($1, $2, 'STREET', $3, 99, now()) RETURNING id`,
    [streetName, `试点${suffix}`, district.id],
  );
  await db(
    `INSERT INTO app_user (username, display_name, password_hash, unit_id, roles, updated_at)
     SELECT $1, '周试点', password_hash, $2, roles, now() FROM app_user WHERE username = 'jiedao'`,
    [streetUser, street.id],
  );

  // 编办 opens a round for that street.
  const admin = await as(browser, "admin");
  await admin.goto("/devolution/rounds");
  await admin.getByTestId("new-round").click();
  await admin.getByLabel("本轮名称").fill(`试点轮${suffix}`);
  await admin.getByRole("checkbox", { name: streetName }).check();
  await admin.getByTestId("open-round").click();
  await expect(admin.getByTestId("round-opened")).toContainText("全部事项已按原实施部门分派");
  const roundId = Number(admin.url().match(/rounds\/(\d+)/)![1]);
  await expect(admin.getByTestId(`compare-${streetName}`)).toBeVisible();

  // The department accepts all its items in this street at once, then defers one.
  const dept = await as(browser, "chengguan");
  await dept.goto(`/devolution/rounds/${roundId}/items?street=${street.id}`);
  await expect(dept.getByTestId("item-count")).toHaveText(/共 12 项/);
  await dept.getByTestId("select-all").check();
  await dept.getByTestId("open-propose").click();
  await dept.getByRole("radio", { name: "承接", exact: true }).check();
  await dept.getByTestId("submit-propose").click();
  await expect(dept.getByText("承接时请写明街道承担的职责")).toBeVisible();
  await dept.getByLabel("街道（乡镇）承担的职责").fill("负责辖区内日常巡查、立案调查、作出处罚决定并执行。");
  await dept.getByLabel("部门保留的职责").fill("负责业务指导、培训和重大复杂案件办理，对街道执法进行监督。");
  await dept.getByTestId("submit-propose").click();
  await expect(dept.getByTestId("bulk-result")).toContainText("已更新 12 项");
  const first = dept.getByTestId("item-table").getByRole("link").first();
  const itemName = (await first.textContent())!;
  await first.click();
  await dept.getByRole("radio", { name: "暂缓", exact: true }).check();
  await dept.getByLabel("理由").fill("街道执法人员尚未取得相应执法资格。");
  await dept.getByTestId("submit-proposal").click();
  await expect(dept.getByTestId("proposal-saved")).toBeVisible();
  await expect(dept.getByTestId("row-state")).toHaveText("待街道确认");

  // The street disagrees with the deferral and says why; agrees to the rest.
  const st = await as(browser, streetUser);
  await st.goto("/workspace");
  await expect(st.getByRole("link", { name: /待确认部门意见的事项/ }).first()).toBeVisible();
  await st.goto(`/devolution/rounds/${roundId}/items`);
  await st.getByRole("link", { name: itemName }).click();
  await st.getByRole("radio", { name: "不同意" }).check();
  await st.getByTestId("submit-response").click();
  await expect(st.getByText("不同意时请填写理由")).toBeVisible();
  await st.getByLabel("不同意的理由").fill("本街道 6 名执法队员均已取得执法证，具备承接条件。");
  await st.getByTestId("submit-response").click();
  await expect(st.getByTestId("row-state")).toHaveText("有异议");
  await st.getByLabel("留言").fill("执法证复印件已报送，请查收。");
  await st.getByTestId("submit-comment").click();
  await expect(st.getByTestId("comments")).toContainText("执法证复印件已报送");
  await st.goto(`/devolution/rounds/${roundId}/items?state=AWAITING_RESPONSE`);
  await st.getByTestId("select-all").check();
  await confirmVia(st, st.getByTestId("agree-selected"), "同意");
  await expect(st.getByTestId("bulk-result")).toContainText("已更新 11 项");
  await st.screenshot({ path: `${SCREENS}/devolution-street-items.png`, fullPage: true });

  // The department reads the reason and the comment, and accepts after all; the street agrees.
  await dept.reload();
  await expect(dept.getByTestId("comments")).toContainText("执法证复印件已报送");
  await dept.getByRole("radio", { name: "承接", exact: true }).check();
  await dept.getByLabel("街道（乡镇）承担的职责").fill("负责辖区内日常巡查、立案调查、作出处罚决定并执行。");
  await dept.getByLabel("部门保留的职责").fill("负责业务指导、培训和监督。");
  await dept.getByTestId("submit-proposal").click();
  await expect(dept.getByTestId("row-state")).toHaveText("待街道确认");
  await st.goto(`/devolution/rounds/${roundId}/items?state=AWAITING_RESPONSE`);
  await st.getByTestId("select-all").check();
  await confirmVia(st, st.getByTestId("agree-selected"), "同意");
  await expect(st.getByTestId("bulk-result")).toContainText("已更新 1 项");

  // The street generates the letter and confirms it; then the department confirms.
  await st.goto(`/devolution/rounds/${roundId}/letters`);
  await expect(st.getByTestId("ready-pairs")).toContainText("城管局");
  await confirmVia(st, st.getByTestId("generate-letter"), "生成");
  await expect(st.getByTestId("letter-generated")).toBeVisible({ timeout: 30_000 }); // the first visit compiles the page on a dev server
  const number = (await st.getByTestId("letter-number").textContent())!.trim();
  expect(number).toMatch(/^示例编赋〔\d{4}〕\d+号$/);
  await expect(st.getByTestId("letter-counts")).toHaveText("共 12 项，其中承接 12 项、暂缓 0 项、不承接 0 项。");
  await confirmVia(st, st.getByTestId("confirm-letter"), "确认无误");
  await expect(st.getByTestId("letter-status")).toHaveText("待部门确认");
  const letterUrl = st.url().replace(/\?.*$/, "");
  // The department is told the letter awaits its signature; the notification opens the letter.
  await dept.goto("/evaluation/notifications");
  await dept.getByTestId("notification").filter({ hasText: `确认书待确认：${number}` }).first().getByRole("link").first().click();
  await expect(dept).toHaveURL(letterUrl);
  await confirmVia(dept, dept.getByTestId("confirm-letter"), "确认无误");
  await expect(dept.getByTestId("letter-status")).toHaveText("双方已确认");
  await expect(dept.getByText("本确认书已生效")).toBeVisible();
  await dept.screenshot({ path: `${SCREENS}/devolution-letter.png`, fullPage: true });
  const hash = (await dept.getByTestId("letter-hash").textContent())!.replace(/\s/g, "");
  expect(hash).toMatch(/^[0-9a-f]{64}$/);

  // Locked: the department can no longer change an item of this letter.
  await dept.goto(`/devolution/rounds/${roundId}/items?street=${street.id}`);
  await expect(dept.getByTestId("select-all")).toBeDisabled();
  const [locked] = await db<{ n: number }>(`SELECT count(*)::int AS n FROM devolution WHERE round_id = $1 AND street_id = $2 AND locked_at IS NOT NULL`, [roundId, street.id]);
  expect(locked.n).toBe(12);

  // The PDF reads back with its number, parties, counts and hash.
  const response = await dept.request.get(letterUrl.replace(/\/devolution\/rounds\/\d+\/letters\/(\d+)$/, "/api/devolution/letters/$1/pdf"));
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "letter-")), "letter.pdf");
  fs.writeFileSync(file, await response.body());
  const text = execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"]).toString("utf8");
  expect(text).toContain("赋权承接事项确认书");
  expect(text).toContain(number);
  expect(text).toContain(streetName);
  expect(text).toContain("示例市城市管理综合执法局");
  expect(text).toContain("共 12 项，其中承接 12 项、暂缓 0 项、不承接 0 项。");
  expect(text).toContain(itemName.slice(0, 10));
  expect(text.replace(/\s/g, "")).toContain(hash);
  expect(text).toContain("张伟");
  expect(text).toContain("周试点");
  fs.writeFileSync(`${SCREENS}/devolution-letter.txt`, text);

  // Anyone can verify the letter by its hash, without signing in; a wrong hash finds nothing.
  const publicContext = await browser.newContext({ locale: "zh-CN" });
  const visitor = await publicContext.newPage();
  await visitor.goto(`/verify?hash=${hash.match(/.{8}/g)!.join(" ")}`);
  await expect(visitor.getByTestId("verify-number")).toHaveText(number);
  await expect(visitor.getByTestId("verify-result")).toContainText("双方已确认，确认书有效");
  await expect(visitor.getByTestId("verify-result")).toContainText(streetName);
  await expect(visitor.getByTestId("verify-intact")).toContainText("一致");
  await expect(visitor.getByTestId("verify-result")).not.toContainText("负责业务指导");
  await visitor.screenshot({ path: `${SCREENS}/devolution-verify.png`, fullPage: true });
  await visitor.goto(`/verify?hash=${"0".repeat(64)}`);
  await expect(visitor.getByTestId("verify-missing")).toBeVisible();

  // 编办's dashboard counts the finished pair.
  await admin.goto(`/devolution/rounds/${roundId}`);
  await expect(admin.getByTestId(`compare-${streetName}`)).toContainText("100.0%");
  await expect(admin.getByTestId("stat-letters")).toContainText("1 /");
});

test("each role's 工作台 shows what awaits it, and a street cannot open another street's items", async ({ page }) => {
  await signInAs(page, "jiedao", "/workspace");
  await expect(page.getByRole("link", { name: /待我方确认的确认书/ })).toBeVisible();
  await expect(page.getByRole("link", { name: /待认领的事项/ })).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/devolution-workspace-street.png`, fullPage: true });
  const [round] = await db<{ id: number }>(`SELECT id FROM devolution_round WHERE title = '示例市2026年街道（乡镇）赋权承接确认'`);
  const [nanan] = await db<{ id: number }>(`SELECT id FROM org_unit WHERE name = '南岸街道办事处'`);
  const response = await page.goto(`/devolution/rounds/${round.id}/items?street=${nanan.id}`);
  expect(response?.status()).toBe(403);
  await page.goto(`/devolution/rounds/${round.id}`);
  await expect(page.getByTestId("pair-table")).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/devolution-street-overview.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/devolution/rounds/${round.id}/items`);
  await expect(page.getByTestId("item-table")).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/devolution-street-items-phone.png` });

  await signInAs(page, "admin", "/workspace");
  await expect(page.getByRole("link", { name: /待编办裁决/ })).toBeVisible();
  await page.goto(`/devolution/rounds/${round.id}/disputes`);
  await expect(page.getByTestId("disputes-table")).toContainText("待裁决");
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto(`/devolution/rounds/${round.id}/heatmap`);
  await expect(page.getByTestId("heatmap")).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/devolution-heatmap.png`, fullPage: true });
  await page.goto("/devolution/claims");
  await expect(page.getByTestId("claim-rate")).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/devolution-claims-admin.png`, fullPage: true });
});
