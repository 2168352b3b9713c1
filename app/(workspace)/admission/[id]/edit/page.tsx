import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/session";
import { getAdmission, targetCandidates } from "@/lib/admission/queries";
import { PageHeader } from "@/components/ui/page-header";
import { AdmissionForm } from "@/components/admission/admission-form";
import { routeId } from "@/lib/validation";

export const metadata: Metadata = { title: "修改准入申请" };

export default async function EditAdmissionPage({ params }: { params: Promise<{ id: string }> }) {
  const id = routeId((await params).id) ?? notFound();
  const a = await getAdmission(id);
  if (!a) notFound();
  await requirePermission("admission.edit", { type: "admission", applicantUnitId: a.applicantUnitId, targetUnitIds: a.targets.map((t) => t.unitId), status: a.status });
  const units = await targetCandidates();
  const returned = [...a.steps].reverse().find((s) => s.stage === "INITIAL_REVIEW" && s.outcome === "退回修改");
  const defaults = {
    kind: a.kind, level: a.level, title: a.title, dutyType: a.dutyType, content: a.content, authority: a.authority, timeLimit: a.timeLimit,
    legalBasis: a.legalBasis, departmentDuty: a.departmentDuty, localDuty: a.localDuty, leadResponsibility: a.leadResponsibility,
    supportResponsibility: a.supportResponsibility, fundingAmount: a.fundingAmount.toString(), fundingSource: a.fundingSource === "无需经费" ? "" : a.fundingSource,
    staffing: a.staffing, workload: a.workload, targetUnitIds: a.targets.map((t) => t.unitId),
  };
  return (
    <div className="max-w-3xl">
      <PageHeader title={`修改准入申请 ${a.code}`} description={a.status === "RETURNED" ? "按编办意见修改后重新提交。" : "编办初审前可以修改。"} />
      {returned?.note && (
        <p className="mb-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800" role="status">编办退回意见：{returned.note}</p>
      )}
      <AdmissionForm units={units} defaults={defaults as never} id={a.id} />
    </div>
  );
}
