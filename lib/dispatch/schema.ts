import { z } from "zod";
import { MAX_ATTACHMENT_BYTES } from "@/lib/admission/files";
import { fileTooLargeMessage } from "@/lib/uploads";

const id = z.coerce.number({ error: "参数有误" }).int("参数有误").positive("参数有误");
const text = (label: string, max: number) =>
  z.string({ error: `请填写${label}` }).trim().min(1, `请填写${label}`).max(max, `${label}不能超过 ${max} 字`);
const optionalId = z.preprocess((v) => (v === "" || v == null ? undefined : v), id.optional());

export const MAX_CASE_FILES = 5;
const files = z
  .array(z.instanceof(File, { message: "请选择文件" }))
  .max(MAX_CASE_FILES, `最多上传 ${MAX_CASE_FILES} 个证据附件`)
  // Size first (one message for the field, naming the file), before anything is read or stored.
  .superRefine((list, ctx) => {
    const big = list.find((f) => f.size > MAX_ATTACHMENT_BYTES);
    if (big) ctx.addIssue({ code: "custom", message: `${big.name}：${fileTooLargeMessage(MAX_ATTACHMENT_BYTES)}` });
  })
  .default([]);

/** "YYYY-MM-DDTHH:mm" as typed in a datetime-local field, read as Beijing time. */
export const localDateTime = z
  .string({ error: "请填写发现时间" })
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "请填写发现时间，例如 2026-03-02 09:30")
  .transform((v) => new Date(`${v}:00+08:00`))
  .refine((d) => !Number.isNaN(d.getTime()), "发现时间有误");

export const reportSchema = z.object({
  departmentId: id,
  localDutyId: optionalId,
  title: text("问题概述", 100),
  location: text("发生地点", 200),
  foundAt: localDateTime,
  description: text("情况说明", 2000),
  files,
});

export const forwardSchema = z.object({
  streetId: id,
  localDutyId: optionalId,
  title: text("投诉事项", 100),
  location: text("地点", 200),
  description: text("投诉内容", 2000),
  replyWorkdays: z.coerce.number({ error: "请填写办理时限" }).int("办理时限应为整数").min(1, "办理时限至少 1 个工作日").max(30, "办理时限不能超过 30 个工作日").default(5),
});

export const acceptSchema = z.object({ id, note: z.string().trim().max(500, "说明不能超过 500 字").default("") });
export const handleSchema = z.object({ id, result: text("办理结果", 2000) });
export const replySchema = z.object({ id, result: text("办理结果", 2000) });
export const escalateSchema = z.object({ id, reason: text("无法办理的理由", 1000) });

export const listFilterSchema = z.object({
  status: z.enum(["REPORTED", "FORWARDED", "ESCALATED", "ACCEPTED", "HANDLED", "REPLIED", "OPEN", "OVERDUE"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10000).default(1).catch(1),
});
export type ListFilter = z.infer<typeof listFilterSchema>;
