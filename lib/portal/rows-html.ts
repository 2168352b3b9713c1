import type { DutySection } from "@/lib/generated/prisma/enums";
import { fieldLabel, SECTION_LABELS } from "@/lib/lists/labels";
import { UNCLASSIFIED, type ListRow, type RowGroup } from "./items";

/**
 * The item tables of a published list page, as one HTML string.
 *
 * They are the bulk of the page (a hundred rows of five or six cells, or all ~340 on 显示全部),
 * static (plain links, nothing interactive) and sent once, as HTML (components/portal/static-
 * island.tsx). Built as a string they cost a fraction of rendering a thousand React elements on
 * every first visit of a list: the issue's "one request at a time" figure is mostly this page's
 * server time. Every text goes through `escapeHtml`; nothing here is trusted markup.
 */

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export function escapeHtml(text: string | number | null | undefined): string {
  return text == null ? "" : String(text).replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

type ColumnField = "powerType" | "legalBasis" | "handlingSection" | "departmentName" | "streetDuty" | "reclaimMethod";
type Column = { label: string; value: (r: ListRow) => string | null; wide?: boolean };

/** The columns after 序号 and 事项名称, per form and section, named as the lists name them (fieldLabel). */
export function columnsFor(section: DutySection, form: "POWER" | "DUTY"): Column[] {
  const fields: [ColumnField, boolean][] =
    form === "DUTY" && section === "COOPERATING"
      ? [["departmentName", false], ["streetDuty", true]]
      : form === "DUTY" && section === "RECLAIMED"
        ? [["departmentName", false], ["reclaimMethod", true]]
        : [["powerType", false], ["legalBasis", true], ["handlingSection", false]];
  return fields.map(([field, wide]) => ({ label: fieldLabel(field, section), value: (r) => r[field], wide }));
}

/** One `<section>` per group: a heading with the group's size, then its table. */
export function groupsHtml(groups: RowGroup<ListRow>[], form: "POWER" | "DUTY", itemHref: (itemKey: string) => string): string {
  const out: string[] = [];
  groups.forEach((g, i) => {
    const cols = columnsFor(g.section, form);
    const title = form === "DUTY" ? `${SECTION_LABELS[g.section]} · ${g.category ?? UNCLASSIFIED}` : (g.category ?? UNCLASSIFIED);
    out.push(
      `<section aria-labelledby="g-${i}"><h3 id="g-${i}" class="mb-2 text-base font-semibold text-slate-800">${escapeHtml(title)}${g.continued ? "（续）" : ""} `,
      `<span class="text-sm font-normal text-slate-600">（${g.total} 项）</span></h3>`,
      `<div class="item-table-frame"><table class="item-table" data-testid="items-table"><thead><tr><th scope="col">序号</th><th scope="col">事项名称</th>`,
    );
    for (const c of cols) out.push(`<th scope="col">${c.label}</th>`);
    out.push("</tr></thead><tbody>");
    for (const r of g.rows) {
      out.push(`<tr><td>${r.position}</td><td><a href="${escapeHtml(itemHref(r.itemKey))}">${escapeHtml(r.name)}</a>`);
      if (r.subItemName) out.push(`<small>子项：${escapeHtml(r.subItemName)}</small>`);
      out.push("</td>");
      for (const c of cols) {
        const value = c.value(r);
        out.push(
          c.wide
            ? `<td data-label="${c.label}" class="wide">${value ? `<div>${escapeHtml(value)}</div>` : ""}</td>`
            : `<td data-label="${c.label}">${escapeHtml(value)}</td>`,
        );
      }
      out.push("</tr>");
    }
    out.push("</tbody></table></div></section>");
  });
  return out.join("");
}
