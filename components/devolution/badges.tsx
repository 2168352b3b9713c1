import type { DevolutionDecision, LetterStatus } from "@/lib/generated/prisma/enums";
import { Badge } from "@/components/ui/badge";
import { DECISION_LABELS, STATE_LABELS, STATE_TONES, type RowState } from "@/lib/devolution/state";

export function StateBadge({ state }: { state: RowState }) {
  return <Badge tone={STATE_TONES[state]}>{STATE_LABELS[state]}</Badge>;
}

const DECISION_TONES: Record<DevolutionDecision, "green" | "amber" | "red"> = { ACCEPT: "green", DEFER: "amber", DECLINE: "red" };

export function DecisionBadge({ decision, arbitrated }: { decision: DevolutionDecision; arbitrated?: boolean }) {
  return (
    <Badge tone={DECISION_TONES[decision]}>
      {DECISION_LABELS[decision]}
      {arbitrated ? "（裁决）" : ""}
    </Badge>
  );
}

export const LETTER_STATUS_LABELS: Record<LetterStatus, string> = { PENDING: "待签认", CONFIRMED: "双方已确认", WITHDRAWN: "已撤回" };

export function LetterStatusBadge({ status, departmentConfirmed, streetConfirmed }: { status: LetterStatus; departmentConfirmed?: boolean; streetConfirmed?: boolean }) {
  if (status === "CONFIRMED") return <Badge tone="green">双方已确认</Badge>;
  if (status === "WITHDRAWN") return <Badge tone="gray">已撤回</Badge>;
  const waiting = departmentConfirmed ? "待街道确认" : streetConfirmed ? "待部门确认" : "待双方确认";
  return <Badge tone="amber">{waiting}</Badge>;
}

export function RoundStatusBadge({ status, overdue }: { status: "OPEN" | "CLOSED"; overdue?: boolean }) {
  if (status === "CLOSED") return <Badge tone="gray">已结束</Badge>;
  return overdue ? <Badge tone="red">已逾期</Badge> : <Badge tone="blue">进行中</Badge>;
}
