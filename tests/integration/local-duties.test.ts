import { describe, expect, it } from "vitest";
import { addDutyAction, publishDutiesAction, removeDutyAction, updateDutyAction } from "@/lib/local-duties/actions";
import { manageView, publishedList, searchLocalDuties, unitsPendingPublication } from "@/lib/local-duties/queries";
import { localDutyTodos } from "@/lib/local-duties/queries";
import { registerTaskAction } from "@/lib/refusals/actions";
import type { LocalDutySnapshotItem } from "@/lib/local-duties/commands";
import { actAs, prisma, unitId } from "./helpers";


const fields = (over: Record<string, unknown> = {}) => ({
  dutyType: "城市管理",
  name: "背街小巷环境卫生日常巡查",
  departmentId: "",
  departmentName: "示例市城市管理综合执法局",
  departmentDuty: "制定标准，组织考核。",
  localDuty: "日常巡查，发现问题及时处置或上报。",
  legalBasis: "《城市市容和环境卫生管理条例》第十条",
  leadResponsibility: "区城管局",
  supportResponsibility: "街道办事处",
  ...over,
});

describe("存量事项 in a 属地管理事项清单", () => {
  it("only 编办 maintains them, at the server", async () => {
    const donghu = await unitId("东湖街道办事处");
    for (const name of ["chengguan", "sifa", "jiedao", "shequ", "lingdao"]) {
      await actAs(name);
      expect(await addDutyAction({ unitId: donghu, ...fields() }), name).toMatchObject({ ok: false, code: "FORBIDDEN" });
      expect(await publishDutiesAction({ unitId: donghu, note: "公布" }), name).toMatchObject({ ok: false, code: "FORBIDDEN" });
    }
    expect(await prisma.localDuty.count({ where: { name: fields().name } })).toBe(0);
  });

  it("refuses bad input with field messages, and units that hold no such list", async () => {
    await actAs("bianban");
    const donghu = await unitId("东湖街道办事处");
    const bad = await addDutyAction({ unitId: donghu, ...fields({ name: "", departmentName: "", localDuty: " " }) });
    expect(bad).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { name: expect.any(String), departmentId: expect.any(String), localDuty: expect.any(String) } });
    const dept = await unitId("示例市司法局");
    expect(await addDutyAction({ unitId: dept, ...fields() })).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(await addDutyAction({ unitId: donghu, ...fields({ departmentId: donghu }) })).toMatchObject({ ok: false, fieldErrors: { departmentId: expect.any(String) } });
  });

  it("adds, corrects and removes, each audited, and publishes only on request as a new version", async () => {
    await actAs("bianban");
    const donghu = await unitId("东湖街道办事处");
    const before = await manageView(donghu);
    const startVersion = before!.latest?.versionNo ?? 0;

    const chengguan = await unitId("示例市城市管理综合执法局");
    const added = await addDutyAction({ unitId: donghu, ...fields({ departmentId: chengguan, departmentName: "" }) });
    if (!added.ok) throw new Error(added.message);
    expect(await addDutyAction({ unitId: donghu, ...fields({ name: "背街小巷环境卫生日常巡查 " }) })).toMatchObject({ ok: false, code: "DUPLICATE" });

    let view = await manageView(donghu);
    expect(view!.pending).toBe(true);
    // The set-based check agrees with the page, and 编办's 工作台 says so; a street's does not.
    expect((await unitsPendingPublication()).map((u) => u.unitId)).toEqual([donghu]);
    expect(await localDutyTodos((await actAs("bianban"))!)).toMatchObject([{ area: "属地管理", count: 1, href: `/local-duties/manage/${donghu}` }]);
    expect(await localDutyTodos((await actAs("jiedao"))!)).toEqual([]);
    await actAs("bianban");
    expect(view!.latest?.versionNo ?? 0).toBe(startVersion);
    const row = view!.duties.find((d) => d.id === added.data.id)!;
    expect(row).toMatchObject({ departmentId: chengguan, departmentName: "示例市城市管理综合执法局", admissionId: null });

    // Two people edit the same row: the second, holding the old stamp, is refused.
    expect(await updateDutyAction({ id: row.id, stamp: row.stamp, ...fields({ departmentId: chengguan, localDuty: "每日巡查。" }) })).toMatchObject({ ok: true });
    expect(await updateDutyAction({ id: row.id, stamp: row.stamp, ...fields({ departmentId: chengguan, localDuty: "每周巡查。" }) })).toMatchObject({ ok: false, code: "CONFLICT" });
    expect((await prisma.localDuty.findUniqueOrThrow({ where: { id: row.id } })).localDuty).toBe("每日巡查。");

    expect(await searchLocalDuties("背街小巷环境卫生")).toEqual([]);
    // Not yet published: not yet in force, so a street may still refuse such a task.
    const task = { title: "背街小巷环境卫生日常巡查", departmentId: chengguan, receivedOn: "2026-11-20", description: "" };
    await actAs("jiedao");
    expect(await registerTaskAction(task)).toMatchObject({ ok: true, data: { checkResult: "NOT_ADMITTED" } });
    await actAs("bianban");

    const published = await publishDutiesAction({ unitId: donghu, note: "编办梳理存量事项" });
    expect(published).toMatchObject({ ok: true, data: { versionNo: startVersion + 1 } });
    const v1 = await prisma.localDutyListVersion.findFirstOrThrow({ where: { unitId: donghu }, orderBy: { versionNo: "desc" } });
    expect((v1.items as LocalDutySnapshotItem[]).find((i) => i.id === row.id)).toMatchObject({ localDuty: "每日巡查。", admissionCode: null });
    expect(await publishDutiesAction({ unitId: donghu, note: "再次公布" })).toMatchObject({ ok: false, code: "INVALID_STATE" });
    expect(await unitsPendingPublication()).toEqual([]);
    // The public search finds it now, by name or by what the street does; % is literal.
    expect(await searchLocalDuties("背街小巷环境卫生")).toMatchObject([{ unitId: donghu, name: "背街小巷环境卫生日常巡查", total: 1 }]);
    expect((await searchLocalDuties("每日巡查")).map((h) => h.name)).toContain("背街小巷环境卫生日常巡查");
    expect(await searchLocalDuties("%")).toEqual([]);
    await actAs("jiedao");
    expect(await registerTaskAction(task)).toMatchObject({ ok: true, data: { checkResult: "ADMITTED", matchedDutyName: "背街小巷环境卫生日常巡查" } });
    await actAs("bianban");

    view = await manageView(donghu);
    const fresh = view!.duties.find((d) => d.id === row.id)!;
    expect(await removeDutyAction({ id: row.id, stamp: fresh.stamp, reason: "" })).toMatchObject({ ok: false, fieldErrors: { reason: expect.any(String) } });
    expect(await removeDutyAction({ id: row.id, stamp: fresh.stamp, reason: "已由区城管局收回" })).toMatchObject({ ok: true });
    expect(await prisma.localDuty.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ active: false, revokedReason: "已由区城管局收回" });
    // Removed but not yet published: the published list still holds it.
    await actAs("jiedao");
    expect(await registerTaskAction(task)).toMatchObject({ ok: true, data: { checkResult: "ADMITTED" } });
    await actAs("bianban");
    expect(await publishDutiesAction({ unitId: donghu, note: "移出已收回事项" })).toMatchObject({ ok: true, data: { versionNo: startVersion + 2 } });
    const v2 = await prisma.localDutyListVersion.findFirstOrThrow({ where: { unitId: donghu }, orderBy: { versionNo: "desc" } });
    expect(JSON.stringify(v2.items)).not.toContain("背街小巷环境卫生日常巡查");
    // The earlier version still says what it said.
    expect(JSON.stringify((await prisma.localDutyListVersion.findUniqueOrThrow({ where: { id: v1.id } })).items)).toContain("背街小巷环境卫生日常巡查");

    for (const action of ["localDuty.add", "localDuty.update", "localDuty.remove"]) {
      expect(await prisma.auditLog.count({ where: { action, subjectId: String(row.id) } }), action).toBe(1);
    }
    expect(await prisma.auditLog.count({ where: { action: "localDuty.publish", subjectId: String(donghu) } })).toBe(2);
  });

  it("leaves admitted duties to their admission and the yearly review", async () => {
    await actAs("bianban");
    const admitted = await prisma.localDuty.findFirstOrThrow({ where: { active: true, admissionId: { not: null } } });
    const view = await manageView(admitted.unitId);
    const row = view!.duties.find((d) => d.id === admitted.id)!;
    expect(await updateDutyAction({ id: row.id, stamp: row.stamp, ...fields({ name: "改名" }) })).toMatchObject({ ok: false, code: "INVALID_STATE" });
    expect(await removeDutyAction({ id: row.id, stamp: row.stamp, reason: "试图移出" })).toMatchObject({ ok: false, code: "INVALID_STATE" });
    expect(await prisma.localDuty.findUniqueOrThrow({ where: { id: admitted.id } })).toMatchObject({ active: true, name: admitted.name });
  });
});

describe("what a clerk reads on a local-duty list", () => {
  it("heads a community's list 社区职责 and names city departments 市级, in the page, the export and the API labels", async () => {
    const guihua = await unitId("东湖桂花社区");
    const list = await publishedList(guihua);
    expect(list).not.toBeNull();
    expect(list!.labels.localDuty).toBe("社区职责");
    // The seeded departments are the city's (示例市…): never 区级.
    expect(list!.labels.departmentDuty).toBe("市级部门职责");
    const street = await publishedList(await unitId("东湖街道办事处"));
    expect(street!.labels.localDuty).toBe("街道职责");
    const view = await manageView(guihua);
    expect(view!.unit.kind).toBe("COMMUNITY");
    expect(view!.duties.filter((d) => d.departmentId).every((d) => d.departmentLevel === "市级")).toBe(true);
  });

  it("counts what publishing would add, change and remove, and an unpublished list is not 'the same as the version in force'", async () => {
    await actAs("bianban");
    const qinghe = await prisma.orgUnit.findFirstOrThrow({ where: { kind: { in: ["STREET", "TOWNSHIP"] }, localDutyVersions: { none: {} } }, select: { id: true } });
    const added = await addDutyAction({ unitId: qinghe.id, ...fields({ name: "沿街门店门前三包巡查" }) });
    expect(added).toMatchObject({ ok: true });
    const view = await manageView(qinghe.id);
    expect(view).toMatchObject({ latest: null, pending: true, changes: { added: 1, changed: 0, removed: 0 } });
  });

  it("cites the elderly-rights law, not the planning law, for the seeded 高龄津贴 duty", async () => {
    const duties = await prisma.localDuty.findMany({ where: { name: { contains: "高龄津贴" } } });
    expect(duties.length).toBeGreaterThan(0);
    for (const d of duties) {
      expect(d.legalBasis).toContain("老年人权益保障法");
      expect(d.legalBasis).not.toContain("城乡规划法");
    }
  });
});
