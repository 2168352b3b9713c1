import Link from "next/link";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireEntry } from "@/lib/auth/session";
import { can } from "@/lib/auth/policy";
import { getList, reviewerUnitOptions } from "@/lib/lists/queries";
import { buttonClass } from "@/components/ui/cx";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { StagesEditor } from "@/components/lists/stages-editor";
import { routeId } from "@/lib/validation";

export const metadata: Metadata = { title: "调整审核环节" };

export default async function StagesPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireEntry("list.manageStages");
  const id = routeId((await params).id) ?? notFound();
  const list = await getList(id);
  if (!list) notFound();
  const units = await reviewerUnitOptions();
  const editable = can(user, "list.manageStages", { type: "powerList", unitId: list.unitId, status: list.status });
  return (
    <div>
      <p className="mb-1 text-sm">
        <Link href={`/lists/manage/${id}`} className={buttonClass.link}>
          ← {list.title}
        </Link>
      </p>
      <PageHeader
        title="调整审核环节"
        description="可增删、改名、调整顺序并指定每个环节的审核单位。已完成的环节不能改；进行中的环节只能更换审核单位；「印发公布」始终是最后一步。"
      />
      {editable ? (
        <StagesEditor
          listId={id}
          version={list.version}
          units={units}
          stages={list.stages.map((s) => ({ id: s.id, key: String(s.id), kind: s.kind, name: s.name, status: s.status, unitIds: s.assignees.map((a) => a.unitId) }))}
        />
      ) : (
        <EmptyState title="该清单的审核环节已不能调整">审核已全部通过或清单已公布。</EmptyState>
      )}
    </div>
  );
}
