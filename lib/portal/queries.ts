import "server-only";
import { prisma } from "@/lib/db/client";
import {
  readDiff,
  readDistricts,
  readLatestVersions,
  readPortalTotals,
  readPublicItem,
  readPublicList,
  readPublishedLists,
  readVersionCounts,
  readVersionItems,
  searchPublished,
  type ItemFilter,
  type ListFilter,
  type SearchFilter,
} from "./read";

export async function publicHomeSummary() {
  const [city, districts, totals] = await Promise.all([
    prisma.orgUnit.findFirst({ where: { kind: "CITY", active: true }, select: { name: true }, orderBy: { id: "asc" } }),
    readDistricts(prisma),
    readPortalTotals(prisma),
  ]);
  return { cityName: city?.name ?? null, districts, publishedLists: totals.lists, publishedItems: totals.items, versions: totals.versions, latest: totals.latest };
}

export const publishedLists = (filter: ListFilter) => readPublishedLists(prisma, filter);
export const districts = () => readDistricts(prisma);
export const publicList = (listId: number, versionNo?: number | null) => readPublicList(prisma, listId, versionNo);
export const versionItems = (versionId: number, filter?: ItemFilter) => readVersionItems(prisma, versionId, filter);
export const versionCounts = (versionId: number) => readVersionCounts(prisma, versionId);
export const publicItem = (listId: number, itemKey: string, versionNo?: number | null) => readPublicItem(prisma, listId, itemKey, versionNo);
export const versionDiff = (listId: number, from: number, to: number) => readDiff(prisma, listId, from, to);
export const searchLists = (filter: SearchFilter) => searchPublished(prisma, filter);
export const latestVersions = (take = 8) => readLatestVersions(prisma, take);
