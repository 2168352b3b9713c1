import { z } from "zod";
import { MAX_ATTACHMENT_BYTES } from "@/lib/admission/files";
import { fileTooLargeMessage } from "@/lib/uploads";
import { withFileLimit } from "@/lib/forms";
import { filterDate, filterPage, id, idOf, localDateTime, optionalId, text, textOrEmpty } from "@/lib/validation";

/** A duty from the unit's list, or none. */
const localDutyId = optionalId.transform((v) => v ?? undefined).optional();

export const MAX_CASE_FILES = 5;
const files = withFileLimit(
  z
    .array(z.instanceof(File, { message: "请选择文件" }))
    .max(MAX_CASE_FILES, `最多上传 ${MAX_CASE_FILES} 个证据附件`)
    // Size first (one message for the field, naming the file), before anything is read or stored.
    .superRefine((list, ctx) => {
      const big = list.find((f) => f.size > MAX_ATTACHMENT_BYTES);
      if (big) ctx.addIssue({ code: "custom", message: `${big.name}：${fileTooLargeMessage(MAX_ATTACHMENT_BYTES)}` });
    }),
  MAX_ATTACHMENT_BYTES,
).default([]);

/** "YYYY-MM-DDTHH:mm" as typed in a datetime-local field, read as Beijing time. */
const foundAt = localDateTime("发现时间");

export const reportSchema = z.object({
  departmentId: id,
  localDutyId,
  title: text("问题概述", 100),
  location: text("发生地点", 200),
  foundAt,
  description: text("情况说明", 2000),
  files,
});

export const forwardSchema = z.object({
  streetId: id,
  localDutyId,
  title: text("投诉事项", 100),
  location: text("地点", 200),
  description: text("投诉内容", 2000),
  replyWorkdays: z.coerce.number({ error: "请填写办理时限" }).int("办理时限应为整数").min(1, "办理时限至少 1 个工作日").max(30, "办理时限不能超过 30 个工作日").default(5),
  files,
});

export const acceptSchema = z.object({ id, note: textOrEmpty("说明", 500) });
export const handleSchema = z.object({ id, result: text("办理结果", 2000) });
export const replySchema = z.object({ id, result: text("办理结果", 2000) });
export const escalateSchema = z.object({ id, reason: text("无法办理的理由", 1000) });
export const rerouteSchema = z.object({ id, departmentId: idOf("请选择应当接收案件的部门"), reason: text("改派理由", 500, { min: 2 }) });

export const listFilterSchema = z.object({
  status: z.enum(["REPORTED", "FORWARDED", "ESCALATED", "ACCEPTED", "HANDLED", "REPLIED", "OPEN", "OVERDUE"]).optional().catch(undefined),
  page: filterPage(10_000),
});
export type ListFilter = z.infer<typeof listFilterSchema>;

/** Statistics over a year, or over a period (从 … 至 …, both days included) when both days are given. */
export const statsFilterSchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  from: filterDate.catch(undefined),
  to: filterDate.catch(undefined),
});
