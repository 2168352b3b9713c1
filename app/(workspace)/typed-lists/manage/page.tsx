import Link from "next/link";
import type { Metadata } from "next";
import { requireEntry } from "@/lib/auth/session";
import { mayEnter } from "@/lib/auth/policy";
import { stageLabels, typedListsOverview, unitsWithoutList } from "@/lib/list-types/queries";
import { TYPED_STATUS_LABELS, TYPED_STATUS_TONES } from "@/lib/list-types/labels";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { buttonClass } from "@/components/ui/cx";
import { CreateTypedListForm } from "@/components/list-types/forms";
import { formatDate } from "@/lib/format";

export const metadata: Metadata = { title: "各类清单" };

/** Every list type with each unit's list of it: status, versions, and a new draft for a unit without one. */
export default async function TypedListsManagePage() {
  const user = await requireEntry("typedList.read");
  const overview = await typedListsOverview(user);
  const { lists } = overview;
  const types = await stageLabels(overview.types);
  const canEdit = mayEnter(user, "typedList.edit");
  const free = canEdit ? await Promise.all(types.map((t) => unitsWithoutList(t.id, user))) : [];
  return (
    <div className="space-y-6">
      <PageHeader
        title="各类清单"
        description="责任清单、公共服务事项清单、信息共享清单等按清单类型编制、审核和公布。"
        actions={
          mayEnter(user, "listType.manage") ? (
            <Link href="/admin/list-types" className={buttonClass.secondary}>
              管理清单类型
            </Link>
          ) : null
        }
      />
      {types.length === 0 && <EmptyState title={mayEnter(user, "typedList.edit") ? "还没有清单类型" : "没有需要本单位查看或审核的清单"} />}
      {types.map((t, i) => {
        const mine = lists.filter((l) => l.typeId === t.id);
        return (
          <section key={t.id} aria-labelledby={`type-${t.id}`} className="rounded-lg border border-slate-200 bg-white p-4">
            <h2 id={`type-${t.id}`} className="text-lg font-semibold">
              {t.name}
              {t.retired && (
                <span className="ml-2 align-middle">
                  <Badge tone="gray">已停用</Badge>
                </span>
              )}
            </h2>
            <p className="text-sm text-slate-600">
              {t.fields.length} 列{t.stageLabels.length ? ` · 审核环节：${t.stageLabels.join(" → ")}` : " · 无审核环节"}
            </p>
            {mine.length > 0 && (
              <ul className="mt-3 divide-y divide-slate-200 text-sm">
                {mine.map((l) => (
                  <li key={l.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                    <Link href={`/typed-lists/manage/${l.id}`} className="font-medium text-brand-700 hover:underline">
                      {l.title}
                    </Link>
                    <span className="flex items-center gap-2 text-slate-600">
                      <Badge tone={TYPED_STATUS_TONES[l.status]}>{TYPED_STATUS_LABELS[l.status]}</Badge>
                      {l.versionCount ? `已公布 ${l.versionCount} 版` : "未公布"} · {formatDate(l.updatedAt)} 更新
                    </span>
                  </li>
                ))}
              </ul>
            )}
            {canEdit && free[i]?.length > 0 && (
              <div className="mt-3">
                <CreateTypedListForm typeId={t.id} units={free[i]} />
              </div>
            )}
          </section>
        );
      })}
    </div>
  );
}
