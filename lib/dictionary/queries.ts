import "server-only";
import { prisma } from "@/lib/db/client";

/** Both dictionaries with how many items (in any edition) use each entry. */
export async function dictionaryEntries() {
  const entries = await prisma.dictionaryEntry.findMany({
    orderBy: [{ kind: "asc" }, { sortOrder: "asc" }, { id: "asc" }],
    select: {
      id: true, kind: true, code: true, name: true, synonyms: true, active: true, sortOrder: true,
      _count: { select: { itemsOfType: true, itemsOfDomain: true } },
    },
  });
  return entries.map(({ _count, ...e }) => ({ ...e, items: e.kind === "POWER_TYPE" ? _count.itemsOfType : _count.itemsOfDomain }));
}
