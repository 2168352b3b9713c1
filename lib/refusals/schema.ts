import { z } from "zod";
import { date, filterId, id, idOf, text, textOrEmpty } from "@/lib/validation";

export const registerTaskSchema = z.object({
  title: text("任务名称", 100, { min: 2 }),
  departmentId: idOf("请选择交办部门"),
  receivedOn: date("收到日期"),
  description: textOrEmpty("说明", 1000),
});

export const refuseSchema = z.object({
  id,
  reason: text("拒绝理由", 1000, { min: 5 }),
});

export const acceptSchema = z.object({ id });

export const TASK_STATUSES = ["REGISTERED", "ACCEPTED", "REFUSED"] as const;

/** The register's filter, from the query string: anything malformed means "no filter". */
export const registerFilterSchema = z.object({
  unitId: filterId,
  departmentId: filterId,
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  status: z.enum(TASK_STATUSES).optional().catch(undefined),
  task: filterId,
});
export type RegisterFilter = z.infer<typeof registerFilterSchema>;
