import type { Db } from "@/lib/db/client";
import { DEMO_ACCOUNTS } from "@/prisma/demo-accounts";
import { verifyPassword } from "./password";

/** Active demo accounts that still sign in with the published demo password. Slow: one hash each. */
export async function demoPasswordsInUse(db: Db): Promise<string[]> {
  const users = await db.user.findMany({
    where: { username: { in: DEMO_ACCOUNTS.map((a) => a.username) }, active: true },
    select: { username: true, passwordHash: true },
  });
  const inUse: string[] = [];
  for (const u of users) {
    const demo = DEMO_ACCOUNTS.find((a) => a.username === u.username)!;
    if (await verifyPassword(demo.password, u.passwordHash)) inUse.push(u.username);
  }
  return inUse;
}

// The workspace banner asks on every page of a 编办 administrator, so the answer is kept for a
// while; a password change, reset or deactivation in this process forgets it at once.
const TTL_MS = 5 * 60_000;
let cached: { at: number; value: Promise<string[]> } | null = null;

export function cachedDemoPasswordsInUse(db: Db, now = Date.now()): Promise<string[]> {
  if (!cached || now - cached.at > TTL_MS) {
    const value = demoPasswordsInUse(db).catch(() => [] as string[]);
    cached = { at: now, value };
  }
  return cached.value;
}

export function forgetDemoPasswordCheck() {
  cached = null;
}
