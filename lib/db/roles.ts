// Two database roles. The owner runs the migrations and owns every table, trigger and function;
// the runtime role, which the app connects as, holds only the grants below. Not being superuser
// nor owner, the runtime role cannot switch the guards off (`SET session_replication_role`,
// `ALTER TABLE … DISABLE TRIGGER`), so the triggers in prisma/migrations hold against the app's
// own credentials.
import pg from "pg";

export type RoleCredentials = { user: string; password: string };

/** Every row of these is a record: the app reads and adds, never changes or removes. */
export const APPEND_ONLY_TABLES = ["audit_log", "power_list_version", "power_list_version_item", "local_duty_list_version", "typed_list_version", "appraisal_rating", "funding_disbursement"];

export const quoteIdent = (name: string) => pg.escapeIdentifier(name);

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export function userOf(url: string): string {
  return decodeURIComponent(new URL(url).username);
}

/** Creates (or brings up to date) the owner and runtime login roles. Needs a superuser or CREATEROLE. */
export async function ensureRoles(client: pg.ClientBase, roles: { owner: RoleCredentials; runtime: RoleCredentials }) {
  // The owner may create databases only for `prisma migrate dev`'s shadow database.
  const attributes = { owner: "LOGIN CREATEDB", runtime: "LOGIN NOCREATEDB" } as const;
  for (const kind of ["owner", "runtime"] as const) {
    const { user, password } = roles[kind];
    const exists = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [user]);
    const verb = exists.rowCount ? "ALTER" : "CREATE";
    await client.query(
      `${verb} ROLE ${quoteIdent(user)} WITH ${attributes[kind]} NOSUPERUSER NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT PASSWORD ${pg.escapeLiteral(password)}`,
    );
  }
  // The runtime role must not inherit the owner's rights (members of the owning role may ALTER).
  await client.query(`REVOKE ${quoteIdent(roles.owner.user)} FROM ${quoteIdent(roles.runtime.user)}`).catch(() => {});
}

/**
 * Makes `owner` own `database` and everything in its public schema. A database created by an
 * earlier version (everything owned by the bootstrap superuser) is handed over here. Runs as a
 * superuser on `adminUrl` (any database of the cluster).
 */
export async function ensureOwnedDatabase(adminUrl: string, database: string, owner: string) {
  await withClient(adminUrl, async (client) => {
    const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${quoteIdent(database)} OWNER ${quoteIdent(owner)}`);
    else await client.query(`ALTER DATABASE ${quoteIdent(database)} OWNER TO ${quoteIdent(owner)}`);
  });
  const url = new URL(adminUrl);
  url.pathname = `/${encodeURIComponent(database)}`;
  await withClient(url.toString(), (client) => reownPublicSchema(client, owner));
}

async function reownPublicSchema(client: pg.ClientBase, owner: string) {
  const o = quoteIdent(owner);
  const schema = await client.query(
    `SELECT pg_get_userbyid(nspowner) AS owner FROM pg_namespace WHERE nspname = 'public'`,
  );
  if (schema.rowCount && !["pg_database_owner", owner].includes(schema.rows[0].owner)) {
    await client.query(`ALTER SCHEMA public OWNER TO ${o}`);
  }
  const stale = `pg_get_userbyid(%OWNER%) <> ${pg.escapeLiteral(owner)}`;
  // Tables first: their indexes, triggers, row types and column sequences follow them.
  const relations = await client.query(
    `SELECT c.oid::regclass::text AS name, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND ${stale.replace("%OWNER%", "c.relowner")}`,
  );
  const kinds: Record<string, string> = { r: "TABLE", p: "TABLE", v: "VIEW", m: "MATERIALIZED VIEW", f: "FOREIGN TABLE" };
  for (const r of relations.rows) await client.query(`ALTER ${kinds[r.relkind]} ${r.name} OWNER TO ${o}`);
  const sequences = await client.query(
    `SELECT c.oid::regclass::text AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind = 'S' AND ${stale.replace("%OWNER%", "c.relowner")}`,
  );
  for (const s of sequences.rows) await client.query(`ALTER SEQUENCE ${s.name} OWNER TO ${o}`);
  const routines = await client.query(
    `SELECT p.oid::regprocedure::text AS name FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
     WHERE n.nspname = 'public' AND ${stale.replace("%OWNER%", "p.proowner")}`,
  );
  for (const f of routines.rows) await client.query(`ALTER ROUTINE ${f.name} OWNER TO ${o}`);
  const types = await client.query(
    `SELECT t.oid::regtype::text AS name FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
     WHERE n.nspname = 'public' AND t.typtype IN ('e', 'd', 'r') AND ${stale.replace("%OWNER%", "t.typowner")}`,
  );
  for (const t of types.rows) await client.query(`ALTER TYPE ${t.name} OWNER TO ${o}`);
}

/**
 * The runtime role's grants, run as the owner after every migration (idempotent): read and write
 * the app's tables, append only to the record tables, no TRUNCATE anywhere, nothing on Prisma's
 * migration table; the same for tables that later migrations create (default privileges).
 */
export async function grantRuntimeRole(ownerUrl: string, runtime: string) {
  const r = quoteIdent(runtime);
  await withClient(ownerUrl, async (client) => {
    const tables = new Set(
      (await client.query(
        `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')`,
      )).rows.map((row) => row.relname as string),
    );
    const list = (names: string[]) => names.filter((t) => tables.has(t)).map(quoteIdent).join(", ");
    const appendOnly = list(APPEND_ONLY_TABLES);
    await client.query("BEGIN");
    try {
      await client.query(`GRANT USAGE ON SCHEMA public TO ${r}`);
      await client.query(`REVOKE CREATE ON SCHEMA public FROM PUBLIC`);
      await client.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${r}`);
      await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${r}`);
      if (appendOnly) await client.query(`REVOKE UPDATE, DELETE ON ${appendOnly} FROM ${r}`);
      if (tables.has("_prisma_migrations")) await client.query(`REVOKE ALL ON "_prisma_migrations" FROM ${r}`);
      await client.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${r}`);
      await client.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${r}`);
      await client.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${r}`);
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    }
  });
}

export type RoleProblem = { zh: string; en: string };

/**
 * What the user of `url` could do to get around the database guards; empty when it is a proper
 * runtime role. Checked at start: an external server may hand the app an owner or a superuser.
 */
export async function runtimeRoleProblems(url: string): Promise<RoleProblem[]> {
  return withClient(url, async (client) => {
    const problems: RoleProblem[] = [];
    const { rows } = await client.query(
      `SELECT r.rolsuper, r.rolbypassrls, r.rolreplication,
              (SELECT count(*)::int FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND pg_has_role(current_user, c.relowner, 'MEMBER')) AS owned,
              to_regclass('public.audit_log') IS NOT NULL AS has_audit
         FROM pg_roles r WHERE r.rolname = current_user`,
    );
    const role = rows[0];
    if (role.rolsuper) problems.push({ zh: "是超级用户", en: "is a superuser" });
    if (role.owned > 0) problems.push({ zh: `拥有（或可切换为拥有者）${role.owned} 张表，可停用触发器`, en: `owns (or can act as the owner of) ${role.owned} tables, so it can disable triggers` });
    if (role.rolbypassrls) problems.push({ zh: "有 BYPASSRLS 属性", en: "has BYPASSRLS" });
    if (role.rolreplication) problems.push({ zh: "有 REPLICATION 属性", en: "has REPLICATION" });
    // Tried, not inferred: a grant (GRANT SET ON PARAMETER) allows it without superuser too.
    await client.query("BEGIN");
    try {
      await client.query("SET LOCAL session_replication_role = replica");
      problems.push({ zh: "可以设置 session_replication_role（会跳过所有触发器）", en: "can set session_replication_role (which skips every trigger)" });
    } catch {
      // refused: as it should be
    } finally {
      await client.query("ROLLBACK");
    }
    if (role.has_audit && !role.rolsuper) {
      const { rows: audit } = await client.query(
        `SELECT has_table_privilege('public.audit_log', 'UPDATE, DELETE, TRUNCATE') AS writable`,
      );
      if (audit[0].writable) problems.push({ zh: "对审计日志有 UPDATE、DELETE 或 TRUNCATE 权限", en: "may UPDATE, DELETE or TRUNCATE the audit log" });
    }
    return problems;
  });
}

/** The start-up warning for `runtimeRoleProblems`, in Chinese and English; null when there are none. */
export function describeRoleProblems(user: string, problems: RoleProblem[]): string | null {
  if (problems.length === 0) return null;
  return [
    `⚠ 警告：应用使用的数据库账号 ${user} 可以绕过数据库的保护（审计日志只增不改、已发布内容不可修改）：`,
    ...problems.map((p) => `    - ${p.zh}`),
    `  请改用只有必要权限的运行账号（见 README“使用外部 PostgreSQL”）。`,
    `⚠ WARNING: the app's database user ${user} can bypass the database guards (append-only audit log, immutable published records):`,
    ...problems.map((p) => `    - ${p.en}`),
    `  Connect as a runtime role with only the grants it needs (README, "Using an external PostgreSQL").`,
  ].join("\n");
}
