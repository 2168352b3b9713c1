import type { AdmissionKind, AdmissionLevel, AdmissionOpinionKind, AdmissionStage, AdmissionStatus, ConsultationResponse } from "@/lib/generated/prisma/enums";

export const KIND_LABELS: Record<AdmissionKind, string> = {
  DUTY: "工作职责",
  SERVICE: "公共服务事项",
  POWER: "行政权力事项",
  SIGNBOARD: "挂牌事项",
  CERTIFICATE: "证明事项",
};

export const LEVEL_LABELS: Record<AdmissionLevel, string> = { STREET: "街道（乡镇）", COMMUNITY: "社区（村）" };

export const STATUS_LABELS: Record<AdmissionStatus, string> = {
  SUBMITTED: "待编办初审",
  RETURNED: "退回修改",
  JOINT_REVIEW: "联席审查中",
  CONSULTING: "征求基层意见",
  DECIDING: "待编办决定",
  FILING: "待备案",
  ADMITTED: "已准入",
  REFUSED: "不予准入",
  WITHDRAWN: "已撤回",
};

export const STATUS_TONES: Record<AdmissionStatus, "gray" | "blue" | "green" | "amber" | "red"> = {
  SUBMITTED: "blue",
  RETURNED: "amber",
  JOINT_REVIEW: "blue",
  CONSULTING: "blue",
  DECIDING: "blue",
  FILING: "blue",
  ADMITTED: "green",
  REFUSED: "red",
  WITHDRAWN: "gray",
};

export const STAGE_LABELS: Record<AdmissionStage, string> = {
  INITIAL_REVIEW: "编办初审",
  REVISION: "申请单位修改",
  JOINT_REVIEW: "联席会议成员单位审查",
  CONSULTATION: "征求街道（社区）意见",
  DECISION: "编办作出决定",
  FILING: "报备案",
};

export const OPINION_LABELS: Record<AdmissionOpinionKind, string> = { AGREE: "同意", CONDITIONAL: "原则同意（附意见）", DISAGREE: "不同意" };
export const RESPONSE_LABELS: Record<ConsultationResponse, string> = { AGREE: "同意承接", OBJECT: "提出异议" };
