import { describe, expect, it } from "vitest";
import { safeCallbackUrl, signInErrorMessage } from "./redirect";

describe("sign-in redirects and messages", () => {
  it("only returns to same-site paths", () => {
    expect(safeCallbackUrl("/admin/users?page=2")).toBe("/admin/users?page=2");
    expect(safeCallbackUrl("https://evil.example/")).toBe("/workspace");
    expect(safeCallbackUrl("//evil.example/")).toBe("/workspace");
    expect(safeCallbackUrl("/\\evil.example")).toBe("/workspace");
    expect(safeCallbackUrl("/login")).toBe("/workspace");
    expect(safeCallbackUrl(undefined)).toBe("/workspace");
  });

  it("refuses paths a browser would turn into another origin, and line breaks", () => {
    // /login?callbackUrl=%2F%09%2Fexample.org%2Fphish: the tab is dropped, leaving //example.org.
    expect(safeCallbackUrl("/\t/example.org/phish")).toBe("/workspace");
    expect(safeCallbackUrl("/\n/example.org")).toBe("/workspace");
    expect(safeCallbackUrl("/\r\n/example.org")).toBe("/workspace");
    expect(safeCallbackUrl("/a\nSet-Cookie: x=1")).toBe("/workspace");
    expect(safeCallbackUrl("/ /example.org")).toBe("/workspace");
    expect(safeCallbackUrl("/%2F%2Fexample.org")).toBe("/%2F%2Fexample.org");
    expect(safeCallbackUrl("javascript:alert(1)")).toBe("/workspace");
    expect(safeCallbackUrl("/workspace#top")).toBe("/workspace#top");
  });

  it("says the same for an unknown user and a wrong password", () => {
    expect(signInErrorMessage("INVALID")).toBe("用户名或密码错误。");
    expect(signInErrorMessage("CredentialsSignin")).toBe("用户名或密码错误。");
    expect(signInErrorMessage("RATE_LIMITED:8")).toBe("尝试次数过多，请 8 秒后再试。");
    expect(signInErrorMessage("LOCKED")).toContain("锁定");
  });
});
