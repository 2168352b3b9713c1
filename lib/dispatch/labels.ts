import type { DispatchStatus } from "@/lib/generated/prisma/enums";

export const STATUS_LABELS: Record<DispatchStatus, string> = {
  REPORTED: "待部门接收",
  FORWARDED: "待街道办理",
  ESCALATED: "街道已上交，待部门接收",
  ACCEPTED: "部门办理中",
  HANDLED: "已办结，已告知街道",
  REPLIED: "街道已办结回复",
};

export const DIRECTION_LABELS = { UP: "街道上报部门", DOWN: "部门转交街道" } as const;

export const EVENT_LABELS: Record<string, string> = {
  report: "街道上报",
  forward: "部门转交投诉",
  accept: "部门接收移交",
  handle: "部门办结并告知街道",
  reply: "街道办结回复",
  escalate: "街道无法办理，上交部门",
  reroute: "部门改派其他部门",
  overdue: "逾期提醒（系统）",
};
