import Link from "next/link";
import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/session";
import { listTypesForAdmin } from "@/lib/list-types/queries";
import { FIELD_TYPE_LABELS } from "@/lib/list-types/fields";
import { ORG_KIND_LABELS } from "@/lib/auth/roles";
import { PageHeader } from "@/components/ui/page-header";
import { buttonClass } from "@/components/ui/cx";
import { Badge } from "@/components/ui/badge";
import { ActionButton } from "@/components/lists/action-button";
import { deleteListTypeAction, reactivateListTypeAction, retireListTypeAction } from "@/lib/list-types/actions";

export const metadata: Metadata = { title: "清单类型" };

/** 编办's list types: name, unit kinds, columns, stages; 停用 / 启用, and 删除 for a type no list uses. */
export default async function ListTypesPage() {
  await requirePermission("listType.manage");
  const types = await listTypesForAdmin();
  return (
    <div className="space-y-6">
      <PageHeader
        title="清单类型"
        description="各类清单的列、分类和审核环节。修改只影响草稿和以后公布的版本。停用的类型不能再新建清单，已有清单照常查看和公开。"
        actions={
          <Link href="/admin/list-types/new" className={buttonClass.primary}>
            新建清单类型
          </Link>
        }
      />
      <ul className="space-y-3" data-testid="list-types">
        {types.map((t) => (
          <li key={t.id} className="rounded-lg border border-slate-200 bg-white p-4" data-testid={`list-type-${t.code}`}>
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <span className="flex items-baseline gap-2">
                <Link href={`/admin/list-types/${t.id}`} className="text-base font-semibold text-brand-700 hover:underline">
                  {t.name}
                </Link>
                {t.retired && <Badge tone="gray">已停用</Badge>}
              </span>
              <code className="text-xs text-slate-600">{t.code}</code>
            </div>
            <p className="mt-1 text-sm text-slate-600">
              适用：{t.unitKinds.map((k) => ORG_KIND_LABELS[k]).join("、")} · 审核环节：{t.stageLabels.join(" → ") || "无"}
            </p>
            <p className="mt-1 text-sm text-slate-700">
              {t.fields.map((f) => `${f.label}（${FIELD_TYPE_LABELS[f.type] ?? f.type}${f.required ? "，必填" : ""}）`).join("、")}
            </p>
            <div className="mt-3 flex flex-wrap items-start gap-2 text-sm">
              <span className="self-center text-slate-600">{t.listCount ? `已有 ${t.listCount} 份清单` : "尚无清单"}</span>
              {t.retired ? (
                <ActionButton
                  action={reactivateListTypeAction}
                  input={{ typeId: t.id, revision: t.revision }}
                  testId={`reactivate-${t.code}`}
                  confirm={{ title: "启用清单类型", message: `启用后，各单位可以再新建「${t.name}」。`, confirmLabel: "启用", tone: "primary" }}
                >
                  启用
                </ActionButton>
              ) : (
                <ActionButton
                  action={retireListTypeAction}
                  input={{ typeId: t.id, revision: t.revision }}
                  testId={`retire-${t.code}`}
                  confirm={{ title: "停用清单类型", message: `停用后不能再新建「${t.name}」；已有的 ${t.listCount} 份清单照常查看、修改，已公布的仍在门户公开。以后可以再启用。`, confirmLabel: "停用", tone: "danger" }}
                >
                  停用
                </ActionButton>
              )}
              {t.listCount === 0 && (
                <ActionButton
                  action={deleteListTypeAction}
                  input={{ typeId: t.id, revision: t.revision }}
                  testId={`delete-${t.code}`}
                  redirectTo="/admin/list-types"
                  confirm={{ title: "删除清单类型", message: `确定删除「${t.name}」吗？删除后不能恢复。`, confirmLabel: "删除", tone: "danger" }}
                >
                  删除
                </ActionButton>
              )}
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
