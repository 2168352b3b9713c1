import Link from "next/link";
import type { PowerListForm } from "@/lib/generated/prisma/enums";
import { formatDateTime } from "@/lib/format";
import { moveItemAction, removeItemAction } from "@/lib/lists/actions";
import { SECTION_LABELS } from "@/lib/lists/labels";
import type { DraftItem } from "@/lib/lists/queries";
import { table } from "@/components/ui/table";
import { dangerOutlineButton } from "@/components/ui/cx";
import { buttonClass } from "@/components/ui/cx";
import { ActionButton } from "./action-button";
import { SourceBadge } from "./status";

type Group = { key: string; title: string; items: DraftItem[] };

export function groupItems(items: DraftItem[], form: PowerListForm): Group[] {
  const groups: Group[] = [];
  for (const item of items) {
    const category = item.category?.name ?? "未分类";
    const key = `${form === "DUTY" ? item.section : ""}|${category}`;
    const title = form === "DUTY" ? `${SECTION_LABELS[item.section]} · ${category}` : category;
    const last = groups[groups.length - 1];
    if (last?.key === key) last.items.push(item);
    else groups.push({ key, title, items: [item] });
  }
  return groups;
}

/** The draft's items by group; the drafter can edit, move and remove them. */
export function DraftTable({ listId, version, items, form, editable }: { listId: number; version: number; items: DraftItem[]; form: PowerListForm; editable: boolean }) {
  const groups = groupItems(items, form);
  let n = 0;
  return (
    <div className="space-y-6" data-testid="draft-items">
      {groups.map((g) => (
        <section key={g.key} aria-labelledby={`group-${g.key}`}>
          <h3 id={`group-${g.key}`} className="mb-2 text-sm font-semibold text-slate-800">
            {g.title} <span className="font-normal text-slate-500">（{g.items.length} 项）</span>
          </h3>
          <div className={table.wrapper}>
            <table className={table.table}>
              <thead className={table.thead}>
                <tr>
                  <th scope="col" className={`${table.th} w-12`}>序号</th>
                  <th scope="col" className={table.th}>事项名称</th>
                  <th scope="col" className={table.th}>权力类型</th>
                  <th scope="col" className={table.th}>来源</th>
                  {editable && <th scope="col" className={table.th}>操作</th>}
                </tr>
              </thead>
              <tbody className={table.tbody}>
                {g.items.map((item, i) => {
                  n++;
                  return (
                    <tr key={item.id} id={`item-${item.id}`} data-testid={`draft-item-${item.id}`} data-item-name={item.name} className="target:bg-amber-50">
                      <td className={`${table.td} tabular-nums text-slate-500`}>{n}</td>
                      <td className={`${table.td} min-w-[16rem]`}>
                        <span className="font-medium text-slate-900">{item.name}</span>
                        {item.subItemName && <span className="mt-0.5 block text-xs text-slate-500">子项：{item.subItemName}</span>}
                        {item.comments.length > 0 && (
                          <details className="mt-1">
                            <summary className="cursor-pointer text-xs font-medium text-amber-800">审核意见 {item.comments.length} 条</summary>
                            <ul className="mt-1 space-y-1 text-xs text-slate-700">
                              {item.comments.map((c) => (
                                <li key={c.id} className="rounded bg-amber-50 px-2 py-1">
                                  {c.body}
                                  <span className="block text-slate-500">
                                    {c.stageName} · {c.unitName} {c.authorName} · {formatDateTime(c.createdAt)}
                                  </span>
                                </li>
                              ))}
                            </ul>
                          </details>
                        )}
                      </td>
                      <td className={`${table.td} whitespace-nowrap`}>{item.powerType ?? "—"}</td>
                      <td className={`${table.td} min-w-[10rem]`}>
                        <SourceBadge source={item.source} />
                        {item.sourceLabel && <span className="mt-0.5 block text-xs text-slate-500">{item.sourceLabel}</span>}
                      </td>
                      {editable && (
                        <td className={`${table.td} whitespace-nowrap`}>
                          <span className="flex flex-wrap items-start gap-1">
                            <Link href={`/lists/manage/${listId}/items/${item.id}`} className={buttonClass.small} aria-label={`编辑「${item.name}」`}>
                              编辑
                            </Link>
                            {i > 0 && (
                              <ActionButton action={moveItemAction} input={{ listId, version, itemId: item.id, direction: "up" as const }} ariaLabel={`上移「${item.name}」`}>
                                上移
                              </ActionButton>
                            )}
                            {i < g.items.length - 1 && (
                              <ActionButton action={moveItemAction} input={{ listId, version, itemId: item.id, direction: "down" as const }} ariaLabel={`下移「${item.name}」`}>
                                下移
                              </ActionButton>
                            )}
                            <ActionButton
                              action={removeItemAction}
                              input={{ listId, version, itemId: item.id }}
                              className={dangerOutlineButton.replace("px-4 py-2 text-sm", "px-2 py-1 text-xs")}
                              confirm={{ title: "从草案中删除事项", message: `确定从草案中删除「${item.name}」吗？删除后如需恢复，须重新添加。`, confirmLabel: "删除", tone: "danger" }}
                            >
                              删除
                            </ActionButton>
                          </span>
                        </td>
                      )}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </div>
  );
}
