import { expect, test } from "@playwright/test";
import { signInAndWait } from "./support";

test("the workspace is usable at phone width", async ({ page }) => {
  await signInAndWait(page, "admin");
  const menu = page.getByRole("button", { name: "☰ 功能菜单" });
  await expect(menu).toBeVisible();
  await menu.click();
  await expect(page.getByRole("navigation", { name: "功能导航" }).getByRole("link", { name: "用户管理" })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: "test-results/screens/mobile-workspace.png", fullPage: true });
});
