import Link from "next/link";
import type { Metadata } from "next";
import { forbidden, notFound, redirect } from "next/navigation";
import { can } from "@/lib/auth/policy";
import { requireEntry } from "@/lib/auth/session";
import { listForAdjustment } from "@/lib/adjustments/queries";
import { categoryOptions, powerTypeOptions } from "@/lib/lists/queries";
import { buttonClass } from "@/components/ui/cx";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { AdjustmentForm } from "@/components/lists/adjustment-form";
import { routeId } from "@/lib/validation";

export const metadata: Metadata = { title: "提出调整申请" };

export default async function NewAdjustmentPage({ searchParams }: { searchParams: Promise<{ listId?: string }> }) {
  const user = await requireEntry("adjustment.create");
  const list = await listForAdjustment(routeId((await searchParams).listId) ?? notFound());
  if (!list) notFound();
  if (!can(user, "adjustment.create", { type: "adjustment", listUnitId: list.unitId, published: true, applicantUnitId: null, status: null })) forbidden();
  // The user's own unit's request in progress (just submitted — the form's own re-render, or a post
  // made before the page was interactive): open it rather than a form that cannot be used.
  if (list.openAdjustmentId && list.openAdjustmentUnitId === user.unitId) redirect(`/lists/adjustments/${list.openAdjustmentId}`);
  const [categories, powerTypes] = await Promise.all([categoryOptions(), powerTypeOptions()]);
  return (
    <div>
      <p className="mb-1 text-sm">
        <Link href="/lists/adjustments" className={buttonClass.link}>
          ← 动态调整
        </Link>
      </p>
      <PageHeader title="提出调整申请" description={`${list.title}（现行第 ${list.currentVersion.versionNo} 版，${list.items.length} 项）`} />
      {list.openAdjustmentId ? (
        <EmptyState title="该清单已有正在办理的调整申请">
          办结后再提出新的申请。
          <span className="mt-3 block">
            <Link href={`/lists/adjustments/${list.openAdjustmentId}`} className={buttonClass.link}>
              查看正在办理的申请
            </Link>
          </span>
        </EmptyState>
      ) : (
        <AdjustmentForm list={{ id: list.id, title: list.title, form: list.form, versionNo: list.currentVersion.versionNo }} items={list.items} categories={categories} powerTypes={powerTypes} />
      )}
    </div>
  );
}
