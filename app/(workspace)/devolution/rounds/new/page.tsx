import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/session";
import { cityName, issuedGuidanceEditions, streetChoices } from "@/lib/devolution/queries";
import { defaultDocumentPrefix } from "@/lib/devolution/letter-content";
import { today as chinaToday } from "@/lib/dates";
import { DevolutionRoundForm } from "@/components/devolution/round-form";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "发起承接确认" };

export default async function NewRoundPage() {
  const user = await requirePermission("devolution.manage");
  // A district 编办 opens rounds for the streets and townships of its own district only.
  const [editions, streets, city] = await Promise.all([issuedGuidanceEditions(user.area?.districtId ?? null), streetChoices(user.area?.unitIds), cityName()]);
  const today = chinaToday();
  const inTwoWeeks = chinaToday(new Date(Date.now() + 14 * 86_400_000));
  return (
    <div className="max-w-4xl">
      <PageHeader
        title="发起承接确认"
        description="选择赋权事项指导清单和参加的街道（乡镇）。发起后，每个事项按原实施部门自动分派，部门即可逐街道提出承接意见；分派可在「事项分派」中调整。"
      />
      <DevolutionRoundForm
        editions={editions.map((e) => ({ id: e.id, title: e.title, items: e._count.items }))}
        streets={streets}
        defaults={{ title: `${today.slice(0, 4)}年街道（乡镇）赋权承接确认`, deadline: inTwoWeeks, documentPrefix: defaultDocumentPrefix(city), today }}
      />
    </div>
  );
}
