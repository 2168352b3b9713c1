import crypto from "node:crypto";
import { promisify } from "node:util";
import { DEMO_ACCOUNTS } from "@/prisma/demo-accounts";

const DEMO_PASSWORDS = new Set(DEMO_ACCOUNTS.map((a) => a.password.toLowerCase()));
const DEMO_CORES = new Set(DEMO_ACCOUNTS.map((a) => a.password.toLowerCase().replace(/[^a-z]/g, "")));

// scrypt is memory-hard and ships with Node, so no native addon is needed on intranet machines.
// N=2^15, r=8 uses 32 MiB per hash; parameters are stored with the hash so they can be raised later.
const scrypt = promisify(crypto.scrypt) as (
  password: crypto.BinaryLike,
  salt: crypto.BinaryLike,
  keylen: number,
  options: crypto.ScryptOptions,
) => Promise<Buffer>;

const N = 2 ** 15;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;
const MAX_MEM = 64 * 1024 * 1024;

export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.randomBytes(16);
  const key = await scrypt(password.normalize("NFC"), salt, KEY_LENGTH, { N, r: R, p: P, maxmem: MAX_MEM });
  return `scrypt$${N}$${R}$${P}$${salt.toString("base64")}$${key.toString("base64")}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split("$");
  if (parts.length !== 6 || parts[0] !== "scrypt") return false;
  const [, n, r, p, saltB64, keyB64] = parts;
  const expected = Buffer.from(keyB64, "base64");
  const key = await scrypt(password.normalize("NFC"), Buffer.from(saltB64, "base64"), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: MAX_MEM,
  });
  return key.length === expected.length && crypto.timingSafeEqual(key, expected);
}

// A hash of a random password, compared against when the user name is unknown, so both
// failure paths cost the same time.
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(crypto.randomBytes(12).toString("hex"));
  return dummyHash;
}

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

export function generateTemporaryPassword(): string {
  // Avoids look-alike characters so it can be read out over the phone.
  const alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  const bytes = crypto.randomBytes(10);
  let out = "";
  for (const b of bytes) out += alphabet[b % alphabet.length];
  return out.slice(0, 4) + "-" + out.slice(4, 8) + (out.charCodeAt(8) % 10);
}
