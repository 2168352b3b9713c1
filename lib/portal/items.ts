// What the public list page does with a published version's items once they are in memory:
// filter (the same rules as readVersionItems' SQL), count by type, category and section, and
// cut one page. Pure, so the page can keep a version's rows in memory and the rules are tested.
import type { DutySection } from "@/lib/generated/prisma/enums";
import { searchQuery } from "@/lib/lists/text";
import type { ItemFilter } from "./read";

/** The columns the list page shows of an item, plus what filtering needs. */
export type ListRow = {
  itemKey: string;
  position: number;
  category: string | null;
  categoryOrder: number;
  section: DutySection;
  name: string;
  subItemName: string | null;
  powerType: string | null;
  legalBasis: string | null;
  handlingSection: string | null;
  departmentName: string | null;
  streetDuty: string | null;
  reclaimMethod: string | null;
  searchText: string;
};

export const UNCLASSIFIED = "未分类";

export type VersionCounts = {
  byType: { name: string; count: number }[];
  byCategory: { name: string; count: number }[];
  bySection: { name: DutySection; count: number }[];
};

/** Items matching the filter, in published order (text as a substring of the search text). */
export function filterRows<T extends ListRow>(rows: T[], filter: ItemFilter): T[] {
  const q = searchQuery(filter.q);
  const type = filter.type ? (filter.type === UNCLASSIFIED ? null : filter.type) : undefined;
  const category = filter.category ? (filter.category === UNCLASSIFIED ? null : filter.category) : undefined;
  if (!q && type === undefined && category === undefined && !filter.section) return rows;
  return rows.filter(
    (r) =>
      (!q || r.searchText.includes(q)) &&
      (type === undefined || r.powerType === type) &&
      (category === undefined || r.category === category) &&
      (!filter.section || r.section === filter.section),
  );
}

/** How many items there are by power type (most first), by category (list order) and by section. */
export function countRows(rows: ListRow[]): VersionCounts {
  const types = new Map<string, number>();
  const categories = new Map<string, { count: number; order: number }>();
  const sections = new Map<DutySection, number>();
  for (const r of rows) {
    const type = r.powerType ?? UNCLASSIFIED;
    types.set(type, (types.get(type) ?? 0) + 1);
    const name = r.category ?? UNCLASSIFIED;
    const c = categories.get(name);
    if (c) {
      c.count++;
      c.order = Math.min(c.order, r.categoryOrder);
    } else categories.set(name, { count: 1, order: r.categoryOrder });
    sections.set(r.section, (sections.get(r.section) ?? 0) + 1);
  }
  return {
    byType: [...types].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, "zh")),
    byCategory: [...categories].sort((a, b) => a[1].order - b[1].order).map(([name, c]) => ({ name, count: c.count })),
    bySection: [...sections].map(([name, count]) => ({ name, count })),
  };
}

export const LIST_PAGE_SIZE = 100;

export type RowGroup<T> = { key: string; section: DutySection; category: string | null; total: number; continued: boolean; rows: T[] };

/**
 * One page of the (filtered) items, grouped as published: consecutive items of the same section
 * and category. `total` is the group's size over all pages; `continued` says it began on an
 * earlier page. `page` beyond the last is the last page; `all` shows every item on one page.
 */
export function pageRows<T extends ListRow>(rows: T[], page: number, all: boolean, pageSize = LIST_PAGE_SIZE) {
  const pages = Math.max(1, Math.ceil(rows.length / pageSize));
  const current = all ? 1 : Math.min(Math.max(1, page), pages);
  const from = all ? 0 : (current - 1) * pageSize;
  const to = all ? rows.length : Math.min(rows.length, from + pageSize);
  const groupKey = (r: ListRow) => `${r.section}|${r.category ?? ""}`;
  const totals = new Map<string, number>();
  for (const r of rows) totals.set(groupKey(r), (totals.get(groupKey(r)) ?? 0) + 1);
  const groups: RowGroup<T>[] = [];
  for (let i = from; i < to; i++) {
    const r = rows[i];
    const key = groupKey(r);
    const last = groups[groups.length - 1];
    if (last?.key === key) last.rows.push(r);
    else groups.push({ key, section: r.section, category: r.category, total: totals.get(key) ?? 0, continued: i > 0 && groupKey(rows[i - 1]) === key, rows: [r] });
  }
  return { page: current, pages, all: all || pages === 1, from: from + 1, to, groups };
}
