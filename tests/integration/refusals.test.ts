import { beforeAll, describe, expect, it } from "vitest";
import { refuseTaskAction, registerTaskAction } from "@/lib/refusals/actions";
import { actAs, prisma, seedDemo, SEED_TIMEOUT, unitId } from "./helpers";

beforeAll(() => seedDemo(), SEED_TIMEOUT);

describe("refusal right", () => {
  it("lets a community refuse an un-admitted task, but not an admitted one", async () => {
    await actAs("shequ");
    const r = await registerTaskAction({ title: "文明城市创建入户宣传资料发放", departmentId: await unitId("示例市文化和旅游局"), receivedOn: "2026-11-20", description: "" });
    expect(r).toMatchObject({ ok: true, data: { checkResult: "NOT_ADMITTED" } });
    const admitted = await registerTaskAction({ title: "做好高龄津贴申领材料初审", departmentId: await unitId("示例市民政局"), receivedOn: "2026-11-20", description: "" });
    expect(admitted).toMatchObject({ ok: true, data: { checkResult: "ADMITTED", matchedDutyName: "高龄津贴申领材料初审" } });
    if (!r.ok || !admitted.ok) return;
    expect(await refuseTaskAction({ id: r.data.id, reason: "短" })).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(await refuseTaskAction({ id: admitted.data.id, reason: "不想做这项工作" })).toMatchObject({ ok: false, code: "INVALID_STATE" });
    await actAs("jiedao");
    expect(await refuseTaskAction({ id: r.data.id, reason: "不是我单位的任务" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await refuseTaskAction({ id: 2_000_000_000, reason: "不存在的任务编号" })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    await actAs("chengguan");
    expect(await registerTaskAction({ title: "任意任务", departmentId: await unitId("示例市民政局"), receivedOn: "2026-11-20" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    await actAs("shequ");
    expect(await refuseTaskAction({ id: r.data.id, reason: "未经准入，社区无相应人员和经费" })).toMatchObject({ ok: true });
    expect(await prisma.auditLog.count({ where: { action: "refusal.refuse", subjectId: String(r.data.id) } })).toBe(1);
  });
});
