import { prisma, type Db } from "@/lib/db/client";
import { DEMO_ACCOUNTS } from "@/prisma/demo-accounts";
import { verifyPassword } from "./password";

/** Active demo accounts that still sign in with the published demo password. Slow: one hash each. */
export async function demoPasswordsInUse(db: Db): Promise<string[]> {
  const users = await db.user.findMany({
    where: { username: { in: DEMO_ACCOUNTS.map((a) => a.username) }, active: true },
    select: { username: true, passwordHash: true },
  });
  // The seed gives every demo account the same hash, so each distinct (hash, password) pair is
  // checked once: usually one hash in all.
  const verdicts = new Map<string, Promise<boolean>>();
  const checks = users.map(async (u) => {
    const demo = DEMO_ACCOUNTS.find((a) => a.username === u.username)!;
    const key = `${demo.password}\u0000${u.passwordHash}`;
    if (!verdicts.has(key)) verdicts.set(key, verifyPassword(demo.password, u.passwordHash));
    return (await verdicts.get(key)!) ? u.username : null;
  });
  return (await Promise.all(checks)).filter((u): u is string => u !== null).sort();
}

// The workspace banner asks on every page of a 编办 administrator, so the answer is kept for a
// while; a password change, reset or deactivation in this process forgets it at once.
const TTL_MS = 5 * 60_000;
let cached: { at: number; value: Promise<string[]> } | null = null;

export function cachedDemoPasswordsInUse(db: Db = prisma, now = Date.now()): Promise<string[]> {
  if (!cached || now - cached.at > TTL_MS) {
    const value = demoPasswordsInUse(db).catch(() => [] as string[]);
    cached = { at: now, value };
  }
  return cached.value;
}

export function forgetDemoPasswordCheck() {
  cached = null;
}
