import pg from "pg";

/**
 * This test file's database (set by setup.ts). The app code under test connects as the runtime
 * role through DATABASE_URL; `ownerUrl` is for the few test arrangements that need the owner
 * (creating a fault-injection trigger, say), never for the code under test.
 */
export const testDatabase = { ownerUrl: "", runtimeUrl: "", adminUrl: "" };

async function query<T>(url: string, text: string, values: unknown[]) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Runs one statement as the owner role. */
export const ownerSql = <T = Record<string, unknown>>(text: string, values: unknown[] = []) => query<T>(testDatabase.ownerUrl, text, values);

/** Runs one statement as the cluster's superuser (on this test file's database). */
export const superuserSql = <T = Record<string, unknown>>(text: string, values: unknown[] = []) => query<T>(testDatabase.adminUrl, text, values);
