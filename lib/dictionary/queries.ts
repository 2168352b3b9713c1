import "server-only";
import { prisma } from "@/lib/db/client";
import { stampOf } from "@/lib/edit-stamp";

/** Both dictionaries with how many items (in any edition) use each entry. */
export async function dictionaryEntries() {
  const entries = await prisma.dictionaryEntry.findMany({
    orderBy: [{ kind: "asc" }, { sortOrder: "asc" }, { id: "asc" }],
    select: {
      id: true, kind: true, code: true, name: true, synonyms: true, active: true, sortOrder: true, updatedAt: true,
      _count: { select: { itemsOfType: true, itemsOfDomain: true } },
    },
  });
  return entries.map(({ _count, updatedAt, ...e }) => ({ ...e, stamp: stampOf(updatedAt), items: e.kind === "POWER_TYPE" ? _count.itemsOfType : _count.itemsOfDomain }));
}
