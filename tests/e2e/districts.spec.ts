import { expect, test, type Browser } from "@playwright/test";
import { db, pageAs, uniqueUsername } from "./support";

// Issue 13: each district 编办 signs in and sees and manages only its own district.

async function signedIn(browser: Browser, username: string) {
  return pageAs(browser, username);
}

const unitIdOf = async (name: string) => (await db<{ id: number }>(`SELECT id FROM org_unit WHERE name = $1`, [name]))[0].id;

test("东湖区 and 西山县 编办 each see only their own district's units, lists and accounts", async ({ browser }) => {
  // Two accounts walk eight pages each on a shared machine.
  test.setTimeout(150_000);
  const districts = [
    { username: "donghu", own: { district: "东湖区", street: "南岸街道办事处" }, other: { district: "西山县", street: "凤凰街道办事处" } },
    { username: "xishan", own: { district: "西山县", street: "凤凰街道办事处" }, other: { district: "东湖区", street: "南岸街道办事处" } },
  ];
  for (const { username, own, other } of districts) {
    const page = await signedIn(browser, username);

    // 组织机构: the district's own tree only.
    await page.goto("/admin/units");
    const units = page.getByTestId("units-table");
    await expect(units).toContainText(own.street);
    await expect(units).not.toContainText(other.street);
    await expect(units).not.toContainText("示例市城市管理综合执法局");

    // Another district's unit is not there at all.
    const response = await page.goto(`/admin/units/${await unitIdOf(other.street)}`);
    expect(response?.status(), `${username} opens ${other.street}`).toBe(404);

    // 职权清单: the district's lists only (each row names its street's district).
    await page.goto("/lists/manage");
    const lists = page.getByTestId("lists-table");
    await expect(lists).toContainText(own.district);
    await expect(lists).not.toContainText(other.district);

    // 用户管理: the district's own accounts.
    await page.goto("/admin/users");
    await expect(page.getByTestId(`user-row-${username}`)).toBeVisible();
    await expect(page.getByTestId("user-row-admin")).toHaveCount(0);
    await expect(page.getByTestId(`user-row-${username === "donghu" ? "xishan" : "donghu"}`)).toHaveCount(0);

    // The city's catalogue work (the dictionary) stays with the city 编办; the district derives its
    // own edition of the guidance catalogue from the city's.
    const dictionary = await page.goto("/catalogue/dictionary");
    expect(dictionary?.status()).toBe(403);
    await page.goto("/catalogue/editions/new");
    await expect(page.getByRole("heading", { name: "编制本区县赋权事项指导清单" })).toBeVisible();
    await page.screenshot({ path: `test-results/screens/district-${username}.png`, fullPage: true });
    await page.context().close();
  }

  // The city 编办 sees both districts side by side.
  const city = await signedIn(browser, "admin");
  await city.goto("/lists/manage");
  await expect(city.getByTestId("lists-table")).toContainText("东湖区");
  await expect(city.getByTestId("lists-table")).toContainText("西山县");
  await city.context().close();
});

test("东湖区's 编办 opens an account for a unit of its district; 西山县's 编办 cannot open it", async ({ browser }) => {
  const username = uniqueUsername("binjiang");
  const donghu = await signedIn(browser, "donghu");
  await donghu.goto("/admin/users/new");
  // Only its own district's units are offered.
  const unit = donghu.getByLabel("所属单位");
  await expect(unit.locator("option", { hasText: "南岸滨江社区" })).toHaveCount(1);
  await expect(unit.locator("option", { hasText: "凤凰街道办事处" })).toHaveCount(0);
  await expect(unit.locator("option", { hasText: "示例市委编办" })).toHaveCount(0);
  await donghu.getByLabel("用户名").fill(username);
  await donghu.getByLabel("姓名").fill("滨江社区网格员");
  await unit.selectOption(String(await unitIdOf("南岸滨江社区")));
  await donghu.getByTestId("role-COMMUNITY").check();
  await donghu.getByRole("button", { name: "新建用户" }).click();
  await expect(donghu.getByTestId("temporary-password-value")).toBeVisible();
  await donghu.screenshot({ path: "test-results/screens/district-user-created.png", fullPage: true });
  const [{ id }] = await db<{ id: number }>(`SELECT id FROM app_user WHERE username = $1`, [username]);
  await donghu.goto(`/admin/users/${id}`);
  await expect(donghu.getByTestId("edit-user-form")).toBeVisible();
  await donghu.context().close();

  const xishan = await signedIn(browser, "xishan");
  const response = await xishan.goto(`/admin/users/${id}`);
  expect(response?.status()).toBe(404);
  await xishan.goto(`/admin/users?q=${username}`);
  await expect(xishan.getByTestId(`user-row-${username}`)).toHaveCount(0);
  await xishan.context().close();

  // The city 编办's list of 双向考评 and 评议 rounds names each round's district.
  const city = await signedIn(browser, "admin");
  await city.goto("/appraisal");
  await expect(city.getByTestId("round-area").first()).toBeVisible();
  await city.screenshot({ path: "test-results/screens/district-appraisal-rounds.png", fullPage: true });
  await city.context().close();
});
