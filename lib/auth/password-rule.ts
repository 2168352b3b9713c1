import { DEMO_ACCOUNTS } from "@/prisma/demo-accounts";

// Pure and free of Node modules, so forms can show the same hint and run the same check.

const DEMO_PASSWORDS = new Set(DEMO_ACCOUNTS.map((a) => a.password.toLowerCase()));
const DEMO_CORES = new Set(DEMO_ACCOUNTS.map((a) => a.password.toLowerCase().replace(/[^a-z]/g, "")));

// Passwords (and their cores once digits and symbols are stripped) that guessing tools try first,
// plus names tied to this system. Compared in lower case.
const COMMON_PASSWORDS = new Set([
  "password", "passw0rd", "p@ssw0rd", "p@ssword", "pass", "passwd", "password1", "qwerty", "qwertyuiop",
  "asdfgh", "asdfghjkl", "zxcvbn", "zxcvbnm", "qazwsx", "1qaz2wsx", "1q2w3e4r", "1q2w3e4r5t", "abc",
  "abcd", "abcdef", "abcdefg", "abcdefgh", "abcdefghij", "abc123", "admin", "administrator", "root",
  "welcome", "letmein", "iloveyou", "monkey", "dragon", "sunshine", "princess", "football", "baseball",
  "master", "superman", "batman", "trustno", "shadow", "michael", "charlie", "whatever", "starwars",
  "computer", "freedom", "secret", "test", "tester", "testing", "guest", "user", "default", "changeme",
  "login", "hello", "china", "beijing", "shanghai", "woaini", "aini", "zhongguo", "wangluo", "mima",
  "nihao", "qingdan", "bianban", "jiedao", "gov", "zhengfu", "aaaaaa", "aaaaaaaa", "11111111",
  "12345678", "123456789", "1234567890", "0123456789", "88888888", "66666666", "a1b2c3d4", "a1b2c3d4e5",
]);

const LEET: Record<string, string> = { "@": "a", "4": "a", "0": "o", "1": "i", "!": "i", "3": "e", "$": "s", "5": "s", "7": "t" };

/** Lower-case letters of a password, without the digits and symbols people wrap around a word. */
function cores(password: string): string[] {
  const lower = password.toLowerCase();
  const unwrapped = lower.replace(/^[^a-z]+|[^a-z]+$/g, "");
  const leet = unwrapped.replace(/[@4013!$57]/g, (c) => LEET[c]).replace(/[^a-z]/g, "");
  return [lower.replace(/[^a-z]/g, ""), leet].filter((c) => c.length >= 3);
}

function characterClasses(password: string): number {
  return [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((r) => r.test(password)).length;
}

/**
 * The one password rule, for every password a person chooses (change password and any future
 * place): at least 10 characters with three of the four classes (lower case, upper case, digits,
 * symbols), or 14 characters of any kind; not the user name, not a well-known password, not the
 * published demo password. System-generated temporary passwords satisfy it too.
 */
export function passwordProblem(password: string, username?: string): string | null {
  if (password.length > 128) return "密码不能超过 128 位";
  if (password.length < 10) return "密码至少 10 位";
  if (password.length < 14 && characterClasses(password) < 3)
    return "密码须包含大写字母、小写字母、数字、符号中的至少三类（14 位及以上不限）";
  const lower = password.toLowerCase();
  if (username && username.length >= 3 && lower.includes(username.toLowerCase())) return "密码不能包含用户名";
  if (DEMO_PASSWORDS.has(lower) || cores(password).some((c) => DEMO_CORES.has(c)))
    return "不能使用公开的演示密码或与之相近的密码";
  if (COMMON_PASSWORDS.has(lower) || cores(password).some((c) => COMMON_PASSWORDS.has(c)) || /^(.)\1+$/.test(password))
    return "密码过于常见，容易被猜中，请换一个";
  return null;
}

export const PASSWORD_HINT = "至少 10 位，包含大写字母、小写字母、数字、符号中的至少三类（或 14 位以上），不能包含用户名或使用常见密码";

