import { hashPassword, verifyPassword } from "../../lib/auth/password";
import { writeAudit } from "../../lib/audit/write";
import { ms, percentile, timeRuns, type BenchSuite } from "./types";

export const foundationBench: BenchSuite = {
  name: "foundation",
  async run({ prisma }) {
    const hash = await hashPassword("Bench2026pass");
    const verify = await timeRuns(() => verifyPassword("Bench2026pass", hash), 10, 1);
    const unit = await prisma.orgUnit.create({ data: { name: "基准市", kind: "CITY" } });
    // 100,000 audit rows, then the admin audit page's filtered, paged query.
    await prisma.$executeRawUnsafe(`
      INSERT INTO audit_log (at, actor_id, actor_name, unit_id, unit_name, action, subject_type, subject_id)
      SELECT now() - (g || ' minutes')::interval, g % 50, '用户' || (g % 50), ${unit.id}, '基准市',
             (ARRAY['user.update','auth.signIn','unit.rename','catalogue.item.update'])[1 + g % 4], 'user', (g % 1000)::text
      FROM generate_series(1, 100000) g`);
    const page = await timeRuns(() =>
      Promise.all([
        prisma.auditLog.findMany({ where: { action: { startsWith: "user." }, actorId: 7 }, orderBy: { at: "desc" }, take: 50 }),
        prisma.auditLog.count({ where: { action: { startsWith: "user." }, actorId: 7 } }),
      ]),
    );
    const write = await timeRuns(() => prisma.$transaction((tx) => writeAudit(tx, null, { address: null, userAgent: null }, { action: "system.bench" })), 50, 5);
    return [
      { name: "password check (scrypt N=2^15)", value: ms(percentile(verify, 50)), target: "50–300 ms, deliberately slow" },
      { name: "audit page query over 100k rows, p95", value: ms(percentile(page, 95)), target: "< 100 ms" },
      { name: "audit write in a transaction, p95", value: ms(percentile(write, 95)), target: "< 30 ms (one fsync commit)" },
    ];
  },
};
