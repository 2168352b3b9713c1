import { expect, test, type Browser } from "@playwright/test";
import { db, pageAs } from "./support";

// Issue 13: a district 编办 derives its edition of the guidance catalogue from the city's, issues
// it, and the city 编办 reviews the 备案 that the issue files.

const SCREENS = "test-results/screens";

async function signedIn(browser: Browser, username: string) {
  return pageAs(browser, username);
}

test("东湖区 derives an edition from the city's guidance, drops an item, issues it; the city records 已备案 and 东湖区 sees it", async ({ browser }) => {
  test.setTimeout(180_000);
  const title = `东湖区赋权事项指导清单（E2E ${Date.now().toString(36)}）`;

  // 东湖区's 编办 derives its edition from the city's issued guidance catalogue.
  const donghu = await signedIn(browser, "donghu");
  await donghu.goto("/catalogue/guidance");
  await donghu.getByTestId("new-edition").click();
  await expect(donghu.getByRole("heading", { name: "编制本区县赋权事项指导清单" })).toBeVisible();
  await donghu.screenshot({ path: `${SCREENS}/district-edition-new.png`, fullPage: true });
  await donghu.getByLabel("版本名称").fill(title);
  await donghu.getByLabel("依据哪个版本").selectOption({ label: "示例省赋权事项指导清单（2021年版）（已发布）" });
  await donghu.getByRole("button", { name: "创建版本" }).click();
  await expect(donghu.getByTestId("edition-title")).toHaveText(title, { timeout: 30_000 });
  await expect(donghu.getByTestId("edition-area")).toContainText("东湖区版本");
  const [edition] = await db<{ id: number; items: number }>(
    `SELECT e.id, (SELECT count(*)::int FROM catalogue_item i WHERE i.edition_id = e.id) AS items FROM catalogue_edition e WHERE title = $1`,
    [title],
  );

  // It removes an item that does not apply in the district.
  const first = donghu.getByTestId("item-row").first().getByRole("link").first();
  const removed = (await first.textContent())!.trim();
  await first.click();
  await expect(donghu.getByTestId("item-name")).toHaveText(removed);
  await donghu.getByRole("button", { name: "删除" }).click();
  await donghu.getByRole("dialog").getByRole("button", { name: "确认删除" }).click();
  await expect(donghu.getByTestId("edition-title")).toHaveText(title, { timeout: 30_000 });
  await expect.poll(async () => (await db<{ n: number }>(`SELECT count(*)::int AS n FROM catalogue_item WHERE edition_id = $1`, [edition.id]))[0].n).toBe(edition.items - 1);

  // The comparison with the city's edition shows what the district changed.
  await donghu.getByTestId("edition-compare").click();
  await expect(donghu.getByTestId("diff-removed-items")).toHaveText("1");
  await expect(donghu.getByTestId("compare-result")).toContainText(removed);

  // It issues the edition: the 备案 goes to the city 编办.
  await donghu.goto(`/catalogue/editions/${edition.id}`);
  await expect(donghu.getByText("发布时自动报市编办备案")).toBeVisible();
  await donghu.screenshot({ path: `${SCREENS}/district-edition-draft.png`, fullPage: true });
  await donghu.getByTestId(`issue-edition-${edition.id}`).click();
  await donghu.getByRole("dialog").getByRole("button", { name: "确认发布" }).click();
  await expect(donghu.getByTestId(`issue-edition-${edition.id}`)).toHaveCount(0, { timeout: 30_000 });
  const [filing] = await db<{ id: number; status: string }>(`SELECT id, status::text FROM filing WHERE kind = 'CATALOGUE_EDITION' AND subject_id = $1`, [edition.id]);
  expect(filing.status).toBe("PENDING");
  await expect(donghu.getByTestId("edition-filing")).toContainText("向市编办备案：待审查");

  // 西山县's 编办 neither sees the edition nor the filing.
  const xishan = await signedIn(browser, "xishan");
  await xishan.goto("/catalogue/guidance");
  await expect(xishan.getByTestId("editions-table")).not.toContainText(title);
  expect((await xishan.goto(`/filings/${filing.id}`))?.status()).toBe(404);
  await xishan.context().close();

  // The city 编办 finds it in its 备案审查 queue and records it as filed.
  const city = await signedIn(browser, "bianban");
  await city.goto("/filings");
  await expect(city.getByRole("heading", { name: "备案审查" })).toBeVisible();
  const row = city.getByTestId(`filing-row-${filing.id}`);
  await expect(row).toContainText(title);
  await expect(row).toContainText("东湖区");
  await expect(row).toContainText("待审查");
  await city.screenshot({ path: `${SCREENS}/filings-queue.png`, fullPage: true });
  await row.getByRole("link").click();
  await expect(city.getByTestId("filing-title")).toContainText(title);
  await expect(city.getByTestId("filing-subject")).toHaveAttribute("href", `/catalogue/editions/${edition.id}`);
  await city.screenshot({ path: `${SCREENS}/filing-detail.png`, fullPage: true });
  // Returning without an opinion is refused with a message next to the field.
  await city.getByTestId("filing-return").click();
  await expect(city.getByText("退回时请填写审查意见")).toBeVisible();
  await city.getByLabel("审查意见").fill("符合市级指导清单，同意备案。");
  await city.getByTestId("filing-accept").click();
  await expect(city.getByTestId("filing-status")).toHaveText("已备案", { timeout: 30_000 });
  await expect(city.getByTestId("filing-review")).toHaveCount(0);
  await city.context().close();

  // 东湖区 sees the status of its filing.
  await donghu.goto("/filings");
  await expect(donghu.getByRole("heading", { name: "向市编办备案" })).toBeVisible();
  const own = donghu.getByTestId(`filing-row-${filing.id}`);
  await expect(own).toContainText("已备案");
  await expect(own).toContainText("符合市级指导清单，同意备案。");
  // …and on the edition's own page, with a link to the filing.
  await donghu.goto(`/catalogue/editions/${edition.id}`);
  await expect(donghu.getByTestId("edition-filing")).toContainText("向市编办备案：已备案");
  await expect(donghu.getByTestId("edition-filing").getByRole("link", { name: "查看备案" })).toHaveAttribute("href", `/filings/${filing.id}`);
  await donghu.screenshot({ path: `${SCREENS}/filings-district.png`, fullPage: true });
  await donghu.context().close();
});
