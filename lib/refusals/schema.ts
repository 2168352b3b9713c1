import { z } from "zod";

export const registerTaskSchema = z.object({
  title: z.string({ error: "请填写任务名称" }).trim().min(2, "任务名称至少 2 个字").max(100, "任务名称不能超过 100 字"),
  departmentId: z.coerce.number({ error: "请选择交办部门" }).int().positive("请选择交办部门"),
  receivedOn: z.string({ error: "请选择收到日期" }).regex(/^\d{4}-\d{2}-\d{2}$/, "请选择收到日期"),
  description: z.string().trim().max(1000, "说明不能超过 1000 字").default(""),
});

export const refuseSchema = z.object({
  id: z.coerce.number().int().positive(),
  reason: z.string({ error: "请写明拒绝理由" }).trim().min(5, "请写明拒绝理由（至少 5 个字）").max(1000, "理由不能超过 1000 字"),
});

export const acceptSchema = z.object({ id: z.coerce.number().int().positive() });
