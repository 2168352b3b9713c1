import { prisma } from "@/lib/db/client";
import { liveSession, type SessionLimits, type SessionRow } from "./sessions";
import type { SessionUser } from "./types";
import { districtOfBianban, type Area } from "./scope";

const sessionSelect = {
  id: true,
  username: true,
  displayName: true,
  roles: true,
  active: true,
  mustChangePassword: true,
  sessionVersion: true,
  unit: { select: { id: true, name: true, kind: true, parentId: true, jointMeetingMember: true, active: true, parent: { select: { id: true, kind: true } } } },
} as const;

/** The user behind a session token, or null when the account is gone, inactive or re-keyed. */
export async function loadSessionUser(id: number, sessionVersion: number): Promise<SessionUser | null> {
  const u = await prisma.user.findUnique({ where: { id }, select: sessionSelect });
  if (!u || !u.active || !u.unit.active || u.sessionVersion !== sessionVersion) return null;
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    roles: u.roles,
    unitId: u.unit.id,
    unitName: u.unit.name,
    unitKind: u.unit.kind,
    unitParentId: u.unit.parentId,
    jointMeetingMember: u.unit.jointMeetingMember,
    mustChangePassword: u.mustChangePassword,
    area: await loadArea(districtOfBianban(u.unit)),
  };
}

/** The district and every unit beneath it (a unit tree is at most four levels deep). */
export async function loadArea(districtId: number | null): Promise<Area | null> {
  if (districtId == null) return null;
  const units = await prisma.orgUnit.findMany({
    where: { OR: [{ id: districtId }, { parentId: districtId }, { parent: { parentId: districtId } }, { parent: { parent: { parentId: districtId } } }] },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  return { districtId, unitIds: units.map((x) => x.id) };
}

/** The live session row behind a token (next-auth's jwt callback), or null when it has ended. */
export async function liveSessionOf(id: string | undefined, userId: number | undefined, limits: SessionLimits): Promise<SessionRow | null> {
  return liveSession(prisma, id, userId, limits);
}
