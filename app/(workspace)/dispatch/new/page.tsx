import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { requireEntry } from "@/lib/auth/session";
import { can } from "@/lib/auth/policy";
import { formOptions } from "@/lib/dispatch/queries";
import { PageHeader } from "@/components/ui/page-header";
import { ForwardForm, ReportForm } from "@/components/dispatch/case-forms";
import { toLocalMinute } from "@/lib/dates";

export const metadata: Metadata = { title: "登记派单" };

export default async function NewDispatchPage() {
  const user = await requireEntry("dispatch.read");
  const report = can(user, "dispatch.report");
  if (!report && !can(user, "dispatch.forward")) forbidden();
  const opts = await formOptions(user);
  const now = toLocalMinute();
  return (
    <div>
      <PageHeader
        title={report ? "上报案件" : "转交投诉"}
        description={report ? "发现属地管理事项中的问题，应在发现当日上报主管部门；部门须在 3 个工作日内接收正式移交（按工作日历计算，节假日顺延）。" : "将群众投诉转交街道（乡镇）办理，街道办结后回复；无法办理的由街道上交本部门。"}
      />
      {report ? <ReportForm departments={opts.departments} duties={opts.duties} now={now} /> : <ForwardForm streets={opts.streets} duties={opts.forwardDuties} />}
    </div>
  );
}
