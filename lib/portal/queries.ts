import "server-only";
import { cache } from "react";
import { publicDb } from "@/lib/db/client";
import { countRows, type ListRow, type VersionCounts } from "./items";
import { latestTypedVersions } from "@/lib/list-types/queries";
import { FORM_LABELS } from "@/lib/lists/labels";
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
  readVersionRows,
  searchPublished,
  type ItemFilter,
  type ListFilter,
  type PublicVersion,
  type SearchFilter,
} from "./read";

export async function publicHomeSummary() {
  const [city, districts, totals] = await Promise.all([
    publicDb.orgUnit.findFirst({ where: { kind: "CITY", active: true }, select: { name: true }, orderBy: { id: "asc" } }),
    readDistricts(publicDb),
    readPortalTotals(publicDb),
  ]);
  return { cityName: city?.name ?? null, districts, publishedLists: totals.lists, publishedItems: totals.items, versions: totals.versions, latest: totals.latest };
}

export const publishedLists = (filter: ListFilter) => readPublishedLists(publicDb, filter);
export const districts = () => readDistricts(publicDb);
// Once per request: the page and its metadata both ask.
export const publicList = cache((listId: number, versionNo?: number | null) => readPublicList(publicDb, listId, versionNo));
export const versionItems = (versionId: number, filter?: ItemFilter) => readVersionItems(publicDb, versionId, filter);
export const versionCounts = (versionId: number) => readVersionCounts(publicDb, versionId);
export const publicItem = (listId: number, itemKey: string, versionNo?: number | null) => readPublicItem(publicDb, listId, itemKey, versionNo);
export const versionDiff = (listId: number, from: number, to: number) => readDiff(publicDb, listId, from, to);
export const searchLists = (filter: SearchFilter) => searchPublished(publicDb, filter);
export const latestVersions = (take = 8) => readLatestVersions(publicDb, take);

export type LatestPublication = { key: string; href: string; title: string; typeName: string; versionNo: number; adjustment: boolean; count: number; documentNumber: string; publishedAt: Date };

/** The most recent publications of every kind of list, power lists (职权清单) and typed lists alike, newest first. */
export async function latestPublications(take = 8): Promise<LatestPublication[]> {
  const [power, typed] = await Promise.all([readLatestVersions(publicDb, take), latestTypedVersions(take)]);
  return [
    ...power.map((v) => ({ key: `p${v.listId}-${v.versionNo}`, href: `/lists/${v.listId}`, title: v.title, typeName: FORM_LABELS.POWER, versionNo: v.versionNo, adjustment: v.adjustmentId !== null, count: v.itemCount, documentNumber: v.documentNumber, publishedAt: v.publishedAt })),
    ...typed.map((v) => ({ key: `t${v.listId}-${v.versionNo}`, href: `/typed-lists/${v.listId}`, title: v.title, typeName: v.typeName, versionNo: v.versionNo, adjustment: false, count: v.rowCount, documentNumber: v.documentNumber, publishedAt: v.publishedAt })),
  ]
    .sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime())
    .slice(0, take);
}

// A published version never changes (a database trigger refuses it), so its rows and counts
// are kept in memory, least recently used out first, up to about MAX_BYTES in all: some
// 100,000 of the bench's items (300 lists), fewer where legal bases are long. Which version is
// current is never cached: publicList reads it on every request. The key carries the
// publication time as well as the id, so a database reset that reuses ids cannot serve another
// list's rows. On globalThis, so that every route bundle shares one cache and one bound.
const MAX_BYTES = 64 * 1024 * 1024;
type VersionRows = { rows: ListRow[]; counts: VersionCounts };
type Entry = { load: Promise<VersionRows>; bytes: number };
const store = ((globalThis as unknown as { qingdanVersionRows?: { entries: Map<string, Entry>; bytes: number } }).qingdanVersionRows ??= {
  entries: new Map(),
  bytes: 0,
});

/** Roughly what a row holds in memory: its strings as UTF-16 and the object around them (a bench row: 674 bytes). */
function rowBytes(r: ListRow): number {
  let chars = 0;
  for (const v of Object.values(r)) if (typeof v === "string") chars += v.length;
  return 2 * chars + 350;
}

export function versionRows(version: Pick<PublicVersion, "id" | "publishedAt">): Promise<VersionRows> {
  const key = `${version.id}@${version.publishedAt.getTime()}`;
  const hit = store.entries.get(key);
  if (hit) {
    store.entries.delete(key);
    store.entries.set(key, hit);
    return hit.load;
  }
  const entry: Entry = { load: readVersionRows(publicDb, version.id).then((rows) => ({ rows, counts: countRows(rows) })), bytes: 0 };
  store.entries.set(key, entry);
  entry.load.then(
    ({ rows }) => {
      if (store.entries.get(key) !== entry) return;
      entry.bytes = rows.reduce((n, r) => n + rowBytes(r), 0);
      store.bytes += entry.bytes;
      for (const [old, e] of store.entries) {
        if (store.bytes <= MAX_BYTES || old === key) break;
        store.entries.delete(old);
        store.bytes -= e.bytes;
      }
    },
    () => {
      if (store.entries.get(key) === entry) store.entries.delete(key);
    },
  );
  return entry.load;
}
