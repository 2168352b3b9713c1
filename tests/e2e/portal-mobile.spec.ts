import { expect as baseExpect, test } from "@playwright/test";
import { db } from "./support";

const expect = baseExpect.configure({ timeout: 30_000 });

// The public portal on a phone: no sideways scrolling, items as cards, search usable.
test("a visitor on a phone browses, filters and searches the published lists", async ({ page }) => {
  const [list] = await db<{ id: number }>(
    `SELECT l.id FROM power_list l JOIN org_unit u ON u.id = l.unit_id WHERE u.name = '北门街道办事处' AND l.form = 'POWER'`,
  );
  const noOverflow = async () => expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);

  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("街道（乡镇）职权清单");
  await noOverflow();
  await page.screenshot({ path: "test-results/screens/portal-phone-home.png", fullPage: true });

  await page.goto(`/lists/${list.id}`);
  await expect(page.getByTestId("version-meta")).toContainText("第 2 版（现行）");
  // On a phone the items are cards: the table's column headings are for larger screens and print.
  await expect(page.getByRole("columnheader", { name: "实施依据" }).first()).toBeHidden();
  await expect(page.getByRole("link", { name: /对擅自设置户外招牌的处罚/ })).toBeVisible();
  await noOverflow();
  await page.screenshot({ path: "test-results/screens/portal-phone-list.png", fullPage: false });

  await page.getByRole("link", { name: /^行政处罚 \d+$/ }).click();
  await expect(page.getByTestId("items-count")).toHaveText(/找到 \d+ 项/);
  await noOverflow();

  await page.getByRole("link", { name: /对擅自设置户外招牌的处罚/ }).click();
  await expect(page.getByTestId("item-fields")).toContainText("户外招牌");
  await noOverflow();
  await page.screenshot({ path: "test-results/screens/portal-phone-item.png", fullPage: true });

  await page.goto("/search");
  await page.getByLabel("检索词（至少 2 个字）").fill("消防");
  await page.getByRole("button", { name: "检索" }).click();
  await expect(page.getByTestId("search-results").getByRole("listitem").first()).toBeVisible();
  await noOverflow();
  await page.screenshot({ path: "test-results/screens/portal-phone-search.png", fullPage: false });
});
