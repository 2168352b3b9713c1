import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/session";
import { admissionSettings } from "@/lib/admission/queries";
import { PageHeader } from "@/components/ui/page-header";
import { SettingsForm } from "@/components/admission/settings-form";

export const metadata: Metadata = { title: "准入和评议设置" };

export default async function AdmissionSettingsPage() {
  await requirePermission("admission.settings");
  const settings = await admissionSettings();
  return (
    <div className="max-w-2xl">
      <PageHeader title="准入和评议设置" description="准入事项报哪个机关备案，以及年度评议时哪些新准入的事项暂不参评。" />
      <SettingsForm settings={settings} />
    </div>
  );
}
