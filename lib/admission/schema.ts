import { z } from "zod";
import { MAX_ATTACHMENT_BYTES } from "./files";
import { fileTooLargeMessage } from "@/lib/uploads";
import { withFileLimit } from "@/lib/forms";
import { date, filterPage, filterText, id, text, textOrEmpty } from "@/lib/validation";

export const admissionFieldsSchema = z
  .object({
    kind: z.enum(["DUTY", "SERVICE", "POWER", "SIGNBOARD", "CERTIFICATE"], { error: "请选择准入事项类别" }),
    level: z.enum(["STREET", "COMMUNITY"], { error: "请选择下沉层级" }),
    title: text("事项名称", 100, { min: 2 }),
    dutyType: text("事项类型", 30),
    content: text("事项内容", 2000),
    authority: text("赋予的权限", 1000),
    timeLimit: text("履职时限", 200),
    legalBasis: text("法律法规及文件依据", 2000),
    departmentDuty: text("区级部门职责", 2000),
    localDuty: text("街道（社区）职责", 2000),
    leadResponsibility: text("主体责任", 200),
    supportResponsibility: text("配合责任", 200),
    fundingAmount: z
      .string({ error: "请填写经费金额" })
      .trim()
      .min(1, "请填写经费金额，不需要经费时填 0")
      .regex(/^\d{1,10}(\.\d{1,2})?$/, "请填写金额（元），最多两位小数，例如 35000"),
    fundingSource: textOrEmpty("经费来源", 200),
    staffing: text("人员力量测算", 1000),
    workload: text("工作量测算", 1000),
    targetUnitIds: z.array(id, { error: "请选择承接单位" }).min(1, "请至少选择一个承接单位").max(2000, "承接单位过多"),
  })
  .superRefine((v, ctx) => {
    if (Number(v.fundingAmount) > 0 && !v.fundingSource) ctx.addIssue({ code: "custom", path: ["fundingSource"], message: "有经费时请写明经费来源，例如「区级财政预算」" });
  });

export type AdmissionFields = z.infer<typeof admissionFieldsSchema>;

export const createAdmissionSchema = admissionFieldsSchema;
export const updateAdmissionSchema = z.intersection(admissionFieldsSchema, z.object({ id }));

export const idSchema = z.object({ id });

export const initialReviewSchema = z
  .object({ id, decision: z.enum(["FORWARD", "RETURN"], { error: "请选择初审结果" }), comment: textOrEmpty("初审意见", 1000) })
  .superRefine((v, ctx) => {
    if (v.decision === "RETURN" && !v.comment) ctx.addIssue({ code: "custom", path: ["comment"], message: "退回修改时请写明需要修改的内容" });
  });

export const opinionSchema = z.object({
  id,
  unitId: id,
  opinion: z.enum(["AGREE", "CONDITIONAL", "DISAGREE"], { error: "请选择审查意见" }),
  body: text("意见内容", 2000),
  // Who signed the member unit's written opinion: required when 编办 enters it on its behalf.
  signatory: textOrEmpty("签署人", 50),
});

export const consultSchema = z
  .object({ id, response: z.enum(["AGREE", "OBJECT"], { error: "请选择是否同意承接" }), reason: textOrEmpty("理由", 1000) })
  .superRefine((v, ctx) => {
    if (v.response === "OBJECT" && !v.reason) ctx.addIssue({ code: "custom", path: ["reason"], message: "提出异议时请写明理由" });
  });

export const closeConsultationSchema = z.object({ id, note: textOrEmpty("说明", 500) });

export const decideSchema = z
  .object({
    id,
    decision: z.enum(["ADMIT", "REFUSE"], { error: "请选择决定" }),
    approvalDocNo: text("联审文号", 50),
    note: textOrEmpty("决定说明", 1000),
    // 部分准入: for each unit that objected, whether its objection is upheld (it then does not
    // receive the duty) and why.
    objections: z
      .array(z.object({ unitId: id, upheld: z.boolean().default(false), reason: textOrEmpty("异议成立的理由", 500) }))
      .max(2000)
      .default([]),
  })
  .superRefine((v, ctx) => {
    if (v.decision === "REFUSE" && !v.note) ctx.addIssue({ code: "custom", path: ["note"], message: "不予准入时请写明理由" });
    if (v.decision === "ADMIT")
      v.objections.forEach((o, i) => {
        if (o.upheld && !o.reason) ctx.addIssue({ code: "custom", path: ["objections", i, "reason"], message: "异议成立时请写明理由" });
      });
  });

export const fileSchema = z.object({
  id,
  filingNumber: text("备案号", 50),
  filingAuthority: text("备案机关", 50),
  filedOn: date("备案日期"),
});

export const uploadSchema = z.object({
  admissionId: id,
  // Size first, before the session, the transaction or the bytes are read.
  file: withFileLimit(
    z
      .instanceof(File, { message: "请选择要上传的文件" })
      .refine((f) => f.size > 0, "文件是空的，请重新选择。")
      .refine((f) => f.size <= MAX_ATTACHMENT_BYTES, fileTooLargeMessage(MAX_ATTACHMENT_BYTES)),
    MAX_ATTACHMENT_BYTES,
  ),
});

export const attachmentIdSchema = z.object({ attachmentId: id });

export const queueFilterSchema = z.object({
  status: z.enum(["SUBMITTED", "RETURNED", "JOINT_REVIEW", "CONSULTING", "DECIDING", "FILING", "ADMITTED", "REFUSED", "WITHDRAWN", "OPEN", "OVERDUE"]).optional().catch(undefined),
  q: filterText(50),
  page: filterPage(10_000),
});
export type QueueFilter = z.infer<typeof queueFilterSchema>;

export const settingsSchema = z.object({
  filingAuthority: text("备案机关", 50, { min: 2 }),
  appraisalExclusionMonths: z.coerce
    .number({ error: "请填写月数" })
    .int("请填写整数月数")
    .min(0, "月数不能小于 0")
    .max(24, "月数不能超过 24"),
});
