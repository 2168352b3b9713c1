import Link from "next/link";
import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/session";
import { listTypesForAdmin } from "@/lib/list-types/queries";
import { FIELD_TYPE_LABELS } from "@/lib/list-types/fields";
import { ORG_KIND_LABELS } from "@/lib/auth/roles";
import { PageHeader } from "@/components/ui/page-header";
import { buttonClass } from "@/components/ui/cx";

export const metadata: Metadata = { title: "清单类型" };

/** 编办's list types: name, unit kinds, columns, stages. */
export default async function ListTypesPage() {
  await requirePermission("listType.manage");
  const types = await listTypesForAdmin();
  return (
    <div className="space-y-6">
      <PageHeader
        title="清单类型"
        description="各类清单的列、分类和审核环节。修改只影响草稿和以后公布的版本。"
        actions={
          <Link href="/admin/list-types/new" className={buttonClass.primary}>
            新建清单类型
          </Link>
        }
      />
      <ul className="space-y-3" data-testid="list-types">
        {types.map((t) => (
          <li key={t.id} className="rounded-lg border border-slate-200 bg-white p-4">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <Link href={`/admin/list-types/${t.id}`} className="text-base font-semibold text-brand-700 hover:underline">
                {t.name}
              </Link>
              <code className="text-xs text-slate-600">{t.code}</code>
            </div>
            <p className="mt-1 text-sm text-slate-600">
              适用：{t.unitKinds.map((k) => ORG_KIND_LABELS[k]).join("、")} · 审核环节：{t.stages.join(" → ") || "无"}
            </p>
            <p className="mt-1 text-sm text-slate-700">
              {t.fields.map((f) => `${f.label}（${FIELD_TYPE_LABELS[f.type] ?? f.type}${f.required ? "，必填" : ""}）`).join("、")}
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
