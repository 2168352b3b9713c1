// The app connects as a runtime role that can neither switch the database guards off nor get
// around them: not superuser, not owner, no TRUNCATE, append-only where rows are records.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { prisma } from "./helpers";
import { ownerSql, superuserSql, testDatabase } from "./database";
import { runtimeRoleProblems } from "@/lib/db/roles";

let runtime: pg.Client;

/** One statement on the runtime role's own connection (a SET must not leak into the app's pool). */
const asRuntime = (text: string, values: unknown[] = []) => runtime.query(text, values);

beforeAll(async () => {
  runtime = new pg.Client({ connectionString: testDatabase.runtimeUrl });
  await runtime.connect();
});

afterAll(async () => {
  await runtime.end();
});

describe("the app's database role", () => {
  it("is the runtime role, not a superuser and not the owner", async () => {
    const [me] = await prisma.$queryRaw<{ user: string; superuser: boolean }[]>`
      SELECT current_user::text AS user, rolsuper AS superuser FROM pg_roles WHERE rolname = current_user`;
    expect(me.superuser).toBe(false);
    const [owner] = await ownerSql<{ owner: string }>(`SELECT pg_get_userbyid(relowner) AS owner FROM pg_class WHERE relname = 'audit_log'`);
    expect(owner.owner).not.toBe(me.user);
  });

  it("cannot switch the triggers off", async () => {
    await expect(asRuntime("SET session_replication_role = replica")).rejects.toThrow(/permission denied/);
    await expect(asRuntime("ALTER TABLE audit_log DISABLE TRIGGER ALL")).rejects.toThrow(/must be owner/);
    await expect(asRuntime("ALTER TABLE catalogue_item DISABLE TRIGGER catalogue_item_guard_update")).rejects.toThrow(/must be owner/);
    await expect(asRuntime("DROP TRIGGER audit_log_append_only ON audit_log")).rejects.toThrow(/must be owner/);
    await expect(asRuntime("CREATE OR REPLACE FUNCTION qingdan_refuse_change() RETURNS trigger AS $$ BEGIN RETURN NEW; END; $$ LANGUAGE plpgsql")).rejects.toThrow(
      /must be owner|permission denied/,
    );
    expect((await asRuntime("SHOW session_replication_role")).rows[0].session_replication_role).toBe("origin");
  });

  it("cannot update, delete or truncate the audit log", async () => {
    const [row] = (await asRuntime(`INSERT INTO audit_log (action) VALUES ('test.db-roles') RETURNING id`)).rows;
    await expect(asRuntime(`UPDATE audit_log SET action = 'changed' WHERE id = $1`, [row.id])).rejects.toThrow(/permission denied/);
    await expect(asRuntime(`DELETE FROM audit_log WHERE id = $1`, [row.id])).rejects.toThrow(/permission denied/);
    await expect(asRuntime(`TRUNCATE audit_log`)).rejects.toThrow(/permission denied/);
    // And the trigger still refuses the owner.
    await expect(ownerSql(`UPDATE audit_log SET action = 'changed' WHERE id = $1`, [row.id])).rejects.toThrow(/append-only/);
    await expect(ownerSql(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
    expect((await asRuntime(`SELECT action FROM audit_log WHERE id = $1`, [row.id])).rows).toEqual([{ action: "test.db-roles" }]);
  });

  it("cannot change a published power-list version or an issued catalogue edition", async () => {
    const [item] = (await asRuntime(`SELECT id, name FROM power_list_version_item ORDER BY id LIMIT 1`)).rows;
    await expect(asRuntime(`UPDATE power_list_version_item SET name = '篡改' WHERE id = $1`, [item.id])).rejects.toThrow(/permission denied/);
    await expect(asRuntime(`DELETE FROM power_list_version_item WHERE id = $1`, [item.id])).rejects.toThrow(/permission denied/);
    await expect(ownerSql(`UPDATE power_list_version_item SET name = '篡改' WHERE id = $1`, [item.id])).rejects.toThrow(/append-only/);
    // Draft and issued items share a table: the app may write it, the trigger guards issued rows.
    const [issued] = (await asRuntime(
      `SELECT i.id FROM catalogue_item i JOIN catalogue_edition e ON e.id = i.edition_id WHERE e.status = 'ISSUED' ORDER BY i.id LIMIT 1`,
    )).rows;
    await expect(asRuntime(`UPDATE catalogue_item SET name = '篡改' WHERE id = $1`, [issued.id])).rejects.toThrow(/is issued/);
    expect((await asRuntime(`SELECT name FROM power_list_version_item WHERE id = $1`, [item.id])).rows[0].name).toBe(item.name);
  });

  it("cannot change the results of a published evaluation round, nor unpublish it", async () => {
    const [result] = (await asRuntime(
      `SELECT x.id, x.round_id, x.total::text AS total FROM evaluation_result x JOIN evaluation_round r ON r.id = x.round_id WHERE r.status = 'PUBLISHED' ORDER BY x.id LIMIT 1`,
    )).rows;
    expect(result).toBeDefined();
    await expect(asRuntime(`UPDATE evaluation_result SET total = 100 WHERE id = $1`, [result.id])).rejects.toThrow(/is published/);
    await expect(asRuntime(`DELETE FROM evaluation_result WHERE id = $1`, [result.id])).rejects.toThrow(/is published/);
    await expect(
      asRuntime(`INSERT INTO evaluation_result (round_id, unit_id, unit_name, side, total, rank, rank_of, rater_count, indicators)
                 SELECT round_id, unit_id, unit_name, side, total, rank, rank_of, rater_count, indicators FROM evaluation_result WHERE id = $1`, [result.id]),
    ).rejects.toThrow(/is published/);
    await expect(asRuntime(`UPDATE evaluation_round SET status = 'CLOSED' WHERE id = $1`, [result.round_id])).rejects.toThrow(/is published/);
    await expect(asRuntime(`DELETE FROM evaluation_round WHERE id = $1`, [result.round_id])).rejects.toThrow(/is published/);
    await expect(asRuntime(`TRUNCATE evaluation_result`)).rejects.toThrow(/permission denied/);
    await expect(ownerSql(`UPDATE evaluation_result SET total = 100 WHERE id = $1`, [result.id])).rejects.toThrow(/is published/);
    await expect(ownerSql(`TRUNCATE evaluation_result`)).rejects.toThrow(/TRUNCATE refused/);
    expect((await asRuntime(`SELECT total::text AS total FROM evaluation_result WHERE id = $1`, [result.id])).rows[0].total).toBe(result.total);
  });

  it("cannot truncate the review ratings", async () => {
    const before = Number((await asRuntime(`SELECT count(*) AS n FROM appraisal_rating`)).rows[0].n);
    expect(before).toBeGreaterThan(0);
    await expect(asRuntime(`TRUNCATE appraisal_rating`)).rejects.toThrow(/permission denied/);
    await expect(asRuntime(`DELETE FROM appraisal_rating`)).rejects.toThrow(/permission denied/);
    await expect(ownerSql(`TRUNCATE appraisal_rating`)).rejects.toThrow(/append-only/);
    expect(Number((await asRuntime(`SELECT count(*) AS n FROM appraisal_rating`)).rows[0].n)).toBe(before);
  });

  it("has TRUNCATE on no table at all", async () => {
    const rows = (await asRuntime(
      `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND has_table_privilege(c.oid, 'TRUNCATE')`,
    )).rows;
    expect(rows).toEqual([]);
  });
});

describe("the start-up check of the runtime role", () => {
  it("reports a superuser and the owner as unsafe, the runtime role as safe", async () => {
    const superuser = await runtimeRoleProblems(testDatabase.adminUrl);
    expect(superuser.map((p) => p.en)).toEqual(expect.arrayContaining(["is a superuser", expect.stringMatching(/session_replication_role/)]));
    const owner = await runtimeRoleProblems(testDatabase.ownerUrl);
    expect(owner.map((p) => p.en)).toEqual(expect.arrayContaining([expect.stringMatching(/owns/), expect.stringMatching(/audit log/)]));
    expect(await runtimeRoleProblems(testDatabase.runtimeUrl)).toEqual([]);
  });

  it("reports a runtime role that was granted session_replication_role", async () => {
    const user = decodeURIComponent(new URL(testDatabase.runtimeUrl).username);
    await superuserSql(`GRANT SET ON PARAMETER session_replication_role TO "${user}"`);
    try {
      expect((await runtimeRoleProblems(testDatabase.runtimeUrl)).map((p) => p.en)).toEqual([expect.stringMatching(/session_replication_role/)]);
    } finally {
      await superuserSql(`REVOKE SET ON PARAMETER session_replication_role FROM "${user}"`);
    }
  });
});
