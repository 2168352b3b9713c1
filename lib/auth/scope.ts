import type { SessionUser } from "./types";

/**
 * A district 编办's administrative area: the district unit and every unit beneath it (streets,
 * townships, communities, district departments). A unit tree is at most four levels deep, so the
 * ids are read once when the session user is loaded (lib/auth/queries.ts) and every policy and
 * query checks against the list. The city 编办 (and everyone outside a district 编办) has no area:
 * it sees the whole city.
 *
 * City departments (DEPARTMENT units under the CITY) act in every district: they are never in a
 * district's area themselves, but an object that concerns both a city department and a unit of
 * the district (a devolution row, an 准入 application targeting the district's streets, a dispatch
 * case) concerns the district and stays visible to its 编办.
 */
export type Area = { districtId: number; unitIds: number[] };

type Scoped = Pick<SessionUser, "area">;

/** The user's area, or null for the whole city. */
export function areaOf(user: Scoped | null | undefined): Area | null {
  return user?.area ?? null;
}

/** Pure: whether `unitId` lies in the user's area (always, for a user who sees the whole city). */
export function unitInArea(user: Scoped, unitId: number | null | undefined): boolean {
  const area = areaOf(user);
  if (!area) return true;
  return unitId != null && area.unitIds.includes(unitId);
}

/**
 * Pure: whether an object that concerns `unitIds` concerns the user's area: at least one of its
 * units lies in the area. City departments never decide it either way.
 */
export function concernsArea(user: Scoped, unitIds: readonly (number | null | undefined)[]): boolean {
  const area = areaOf(user);
  if (!area) return true;
  return unitIds.some((id) => id != null && area.unitIds.includes(id));
}

/** A Prisma `where` on a unit id column: the area's units, or no condition for the whole city. */
export function areaIdFilter(user: Scoped): { in: number[] } | undefined {
  const area = areaOf(user);
  return area ? { in: area.unitIds } : undefined;
}

/** A Prisma `where` fragment for OrgUnit rows: the area's units, or {} for the whole city. */
export function areaUnitWhere(user: Scoped): { id?: { in: number[] } } {
  const ids = areaIdFilter(user);
  return ids ? { id: ids } : {};
}

/** The 编办 unit's area from its place in the tree: a 编办 under a DISTRICT runs that district. */
export function districtOfBianban(unit: { kind: string; parent: { id: number; kind: string } | null }): number | null {
  if (unit.kind !== "BIANBAN" || !unit.parent || unit.parent.kind !== "DISTRICT") return null;
  return unit.parent.id;
}

/**
 * The kinds of unit a district 编办 sets up and keeps in its own district. The district itself, its
 * 编办 and anything at city level stay with the city 编办.
 */
export const DISTRICT_MANAGED_KINDS = ["STREET", "TOWNSHIP", "COMMUNITY", "DEPARTMENT"] as const;

/** Pure: whether the user may create, edit, move or deactivate a unit of this kind at this place. */
export function mayManageUnit(user: Scoped, unit: { id: number | null; kind: string }): boolean {
  if (!areaOf(user)) return true;
  return unit.id != null && unitInArea(user, unit.id) && (DISTRICT_MANAGED_KINDS as readonly string[]).includes(unit.kind);
}

/**
 * Roles a district 编办 may not grant, take away or act on: its administrators are appointed by the
 * city 编办 (a district 编办 cannot make another administrator of equal power). Every other role
 * follows the unit (lib/auth/roles.ts ROLES_FOR_KIND), and the unit must lie in the district.
 */
export const CITY_GRANTED_ROLES = ["BIANBAN_ADMIN"] as const;
