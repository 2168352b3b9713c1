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
    ["short1", "密码至少 10 位"],
    ["Password1", "密码至少 10 位"],
    ["aaaaaaa1", "密码至少 10 位"],
    ["abcdefghij", "密码须包含大写字母、小写字母、数字、符号中的至少三类（14 位及以上不限）"],
    ["abcdefgh12", "密码须包含大写字母、小写字母、数字、符号中的至少三类（14 位及以上不限）"],
    ["Qingdan@2026", "不能使用公开的演示密码或与之相近的密码"],
    ["qingdan@2027", "不能使用公开的演示密码或与之相近的密码"],
    ["Password123!", "密码过于常见，容易被猜中，请换一个"],
    ["P@ssw0rd2026", "密码过于常见，容易被猜中，请换一个"],
    ["Qwerty12345", "密码过于常见，容易被猜中，请换一个"],
    ["aaaaaaaaaaaaaaaa", "密码过于常见，容易被猜中，请换一个"],
  ])("%s → %s", (pw, message) => expect(passwordProblem(pw)).toBe(message));

  it("accepts three classes from 10 characters, or any 14 characters", () => {
    expect(passwordProblem("Good2Pass!x")).toBeNull();
    expect(passwordProblem("River7stone")).toBeNull();
    expect(passwordProblem("purple river stone")).toBeNull();
  });

  it("refuses a password containing the user name", () => {
    expect(passwordProblem("Zhangsan1234", "zhangsan")).toBe("密码不能包含用户名");
    expect(passwordProblem("Good2Pass!x", "zhangsan")).toBeNull();
  });

  it("generates temporary passwords that satisfy the rules", () => {
    for (let i = 0; i < 200; i++) {
      const pw = generateTemporaryPassword();
      expect(pw).toMatch(/^[A-Za-z0-9]{4}-[A-Za-z0-9]{4}\d$/);
      expect(passwordProblem(pw)).toBeNull();
    }
  });
});
