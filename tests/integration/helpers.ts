import { prisma } from "@/lib/db/client";
import { loadSessionUser } from "@/lib/auth/queries";
import { hashPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/generated/prisma/enums";
import { testSession } from "./session-state";

export { prisma };

/** The demo city's accounts, one per role (prisma/demo-accounts.ts). */
export const DEMO_USERNAMES = ["admin", "bianban", "chengguan", "sifa", "jiedao", "shequ", "lingdao"];

/** Makes the next server actions run as this user (by user name), or signed out with null. */
export async function actAs(username: string | null) {
  if (username === null) {
    testSession.user = null;
    return null;
  }
  const u = await prisma.user.findUniqueOrThrow({ where: { username }, select: { id: true, sessionVersion: true } });
  testSession.user = await loadSessionUser(u.id, u.sessionVersion);
  if (!testSession.user) throw new Error(`cannot act as ${username}`);
  return testSession.user;
}

export async function unitId(name: string) {
  return (await prisma.orgUnit.findFirstOrThrow({ where: { name }, select: { id: true } })).id;
}

let counter = 0;
export async function createTestUser(opts: { unit: string; roles: Role[]; password?: string; username?: string }) {
  const username = opts.username ?? `t${Date.now().toString(36)}${counter++}`;
  return prisma.user.create({
    data: {
      username,
      displayName: `测试${username}`,
      unitId: await unitId(opts.unit),
      roles: opts.roles,
      passwordHash: await hashPassword(opts.password ?? "Passw0rd!x"),
    },
  });
}

export async function auditCount(where: { action?: string; subjectId?: string } = {}) {
  return prisma.auditLog.count({ where });
}
