import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/session";
import { targetCandidates } from "@/lib/admission/queries";
import { PageHeader } from "@/components/ui/page-header";
import { AdmissionForm } from "@/components/admission/admission-form";

export const metadata: Metadata = { title: "新建准入申请" };

export default async function NewAdmissionPage() {
  await requirePermission("admission.apply");
  const units = await targetCandidates();
  return (
    <div className="max-w-3xl">
      <PageHeader title="新建准入申请" description="写明拟下沉的事项、承接单位、依据和随事转移的经费。提交后由编办初审，再经联席会议成员单位审查和征求街道（社区）意见。" />
      <AdmissionForm units={units} />
    </div>
  );
}
