import { describe, expect, it } from "vitest";
import { generateTemporaryPassword, hashPassword, passwordProblem, verifyPassword } from "./password";

describe("password hashing", () => {
  it("verifies the right password and refuses a wrong one", async () => {
    const hash = await hashPassword("Qingdan@2026");
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword("Qingdan@2026", hash)).toBe(true);
    expect(await verifyPassword("qingdan@2026", hash)).toBe(false);
  });

  it("salts every hash", async () => {
    expect(await hashPassword("same-pass1")).not.toBe(await hashPassword("same-pass1"));
  });

  it("refuses malformed stored hashes", async () => {
    expect(await verifyPassword("x", "plain-text")).toBe(false);
    expect(await verifyPassword("x", "bcrypt$1$2$3$4$5")).toBe(false);
  });
});

describe("password rules", () => {
  it.each([
    ["short1", "密码至少 8 位"],
    ["abcdefgh", "密码须同时包含字母和数字"],
    ["12345678", "密码须同时包含字母和数字"],
  ])("%s → %s", (pw, message) => expect(passwordProblem(pw)).toBe(message));

  it("refuses a password containing the user name", () => {
    expect(passwordProblem("zhangsan123", "zhangsan")).toBe("密码不能包含用户名");
    expect(passwordProblem("Good2Pass", "zhangsan")).toBeNull();
  });

  it("generates temporary passwords that satisfy the rules", () => {
    for (let i = 0; i < 50; i++) {
      const pw = generateTemporaryPassword();
      expect(pw).toMatch(/^[A-Za-z0-9]{4}-[A-Za-z0-9]{4}\d$/);
      expect(passwordProblem(pw)).toBeNull();
    }
  });
});
