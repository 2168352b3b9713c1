import { beforeAll, describe, expect, it } from "vitest";
import { prisma, seedDemo, actAs, unitId } from "./helpers";
import { ownerSql } from "./database";
import { defineAction } from "@/lib/action";
import { z } from "zod";

beforeAll(() => seedDemo());

describe("audit log", () => {
  it("is append-only: the database refuses update, delete and truncate", async () => {
    const row = await prisma.auditLog.create({ data: { action: "test.append" } });
    // The app's role has no such rights; the trigger refuses even the owner.
    await expect(prisma.auditLog.update({ where: { id: row.id }, data: { action: "test.changed" } })).rejects.toThrow(/permission denied/);
    await expect(prisma.auditLog.delete({ where: { id: row.id } })).rejects.toThrow(/permission denied/);
    await expect(prisma.$executeRawUnsafe(`TRUNCATE audit_log`)).rejects.toThrow(/permission denied/);
    await expect(ownerSql(`UPDATE audit_log SET action = 'test.changed' WHERE id = $1`, [row.id])).rejects.toThrow(/append-only/);
    await expect(ownerSql(`DELETE FROM audit_log WHERE id = $1`, [row.id])).rejects.toThrow(/append-only/);
    await expect(ownerSql(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
    expect(await prisma.auditLog.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ action: "test.append" });
  });

  it("is written in the same transaction as the change: a failing command leaves neither", async () => {
    await actAs("admin");
    const unit = await unitId("北门街道办事处");
    const failing = defineAction({
      schema: z.object({ name: z.string() }),
      permission: "unit.manage",
      run: async (input, ctx) => {
        await ctx.tx.orgUnit.update({ where: { id: unit }, data: { name: input.name } });
        await ctx.audit({ action: "unit.rename", subjectType: "unit", subjectId: unit });
        throw new Error("boom after writing");
      },
    });
    const auditsBefore = await prisma.auditLog.count();
    const r = await failing({ name: "不应保存" });
    expect(r).toMatchObject({ ok: false, code: "INTERNAL" });
    expect((await prisma.orgUnit.findUniqueOrThrow({ where: { id: unit } })).name).toBe("北门街道办事处");
    expect(await prisma.auditLog.count()).toBe(auditsBefore);
  });
});
