import "server-only";
import { prisma } from "@/lib/db/client";
import { claimRate } from "@/lib/devolution/rates";

export async function issuedGeneralEditions() {
  return prisma.catalogueEdition.findMany({
    where: { kind: "GENERAL", status: "ISSUED" },
    orderBy: [{ issuedAt: "desc" }, { id: "desc" }],
    select: { id: true, title: true, issuedAt: true, _count: { select: { items: true } } },
  });
}

/** The general list's items with the street's claim of each. */
export async function streetClaims(streetId: number, editionId: number) {
  const items = await prisma.catalogueItem.findMany({
    where: { editionId },
    orderBy: { position: "asc" },
    select: {
      id: true, seq: true, code: true, name: true, powerType: { select: { name: true } }, powerTypeRaw: true,
      claims: {
        where: { streetId },
        select: { active: true, claimedAt: true, claimedByName: true, unclaimedAt: true, unclaimedByName: true, unclaimReason: true },
      },
    },
  });
  return items.map(({ claims, powerType, powerTypeRaw, ...item }) => ({ ...item, powerType: powerType?.name ?? powerTypeRaw, claim: claims[0] ?? null }));
}

/** Claim rate by street over every active street and township, and in total. */
export async function claimRates(editionId: number, streetIds?: number[]) {
  const [items, streets, counts] = await Promise.all([
    prisma.catalogueItem.count({ where: { editionId } }),
    prisma.orgUnit.findMany({
      // A district 编办 sees its own district's streets (lib/auth/scope.ts).
      where: { kind: { in: ["STREET", "TOWNSHIP"] }, active: true, ...(streetIds ? { id: { in: streetIds } } : {}) },
      orderBy: [{ parent: { sortOrder: "asc" } }, { sortOrder: "asc" }, { id: "asc" }],
      select: { id: true, name: true, parent: { select: { name: true } } },
    }),
    prisma.claim.groupBy({ by: ["streetId", "active"], where: { editionId }, _count: { _all: true } }),
  ]);
  const claimed = new Map<number, number>();
  const unclaimed = new Map<number, number>();
  for (const c of counts) (c.active ? claimed : unclaimed).set(c.streetId, c._count._all);
  const rows = streets.map((s) => {
    const n = claimed.get(s.id) ?? 0;
    return { streetId: s.id, name: s.name, district: s.parent?.name ?? null, claimed: n, unclaimed: unclaimed.get(s.id) ?? 0, rate: claimRate(n, 1, items) };
  });
  const total = rows.reduce((sum, r) => sum + r.claimed, 0);
  return { items, streets: rows, claimed: total, rate: claimRate(total, streets.length, items), complete: rows.filter((r) => r.claimed === items && items > 0).length };
}
