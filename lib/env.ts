import { z } from "zod";

// The one place that reads process.env. Everything else imports `env`.
const flag = z
  .enum(["1", "0", "true", "false", "yes", "no", ""])
  .optional()
  .transform((v) => v === "1" || v === "true" || v === "yes");

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().min(1).optional(),
  // The role that owns the tables and runs migrations; DATABASE_URL is then the app's runtime role.
  DATABASE_OWNER_URL: z.string().min(1).optional(),
  // Streaming replicas for the public portal's reads, comma-separated (README "Running on several servers").
  DATABASE_REPLICA_URLS: z.string().optional(),
  // Hourly check for dispatched cases that became overdue (lib/dispatch/overdue-schedule.ts).
  QINGDAN_OVERDUE_CHECK: z.enum(["on", "off"]).default("on"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOSTNAME: z.string().optional(),
  QINGDAN_DATA_DIR: z.string().default(".data"),
  QINGDAN_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  NEXTAUTH_SECRET: z.string().min(16).optional(),
  NEXTAUTH_URL: z.string().url().optional(),
  SESSION_MAX_AGE_HOURS: z.coerce.number().positive().max(24 * 30).default(8),
  // Sign-in ends after this many minutes without a page or action (GET /api/auth/session does not count).
  QINGDAN_SESSION_IDLE_MINUTES: z.coerce.number().positive().max(24 * 60 * 30).default(30),
  QINGDAN_TRUST_PROXY: flag,
  // How many reverse proxies in front of the app append to X-Forwarded-For (only with QINGDAN_TRUST_PROXY).
  QINGDAN_TRUST_PROXY_HOPS: z.coerce.number().int().min(1).max(10).default(1),
  QINGDAN_LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  QINGDAN_LOGIN_LOCK_MINUTES: z.coerce.number().positive().default(15),
  QINGDAN_ADDRESS_MAX_FAILURES: z.coerce.number().int().min(1).default(20),
  // An uploaded spreadsheet is parsed in a worker thread with these limits (a corrupted file can
  // make SheetJS loop forever); past them the worker is stopped and the upload refused.
  QINGDAN_IMPORT_PARSE_TIMEOUT_SECONDS: z.coerce.number().positive().max(3600).default(30),
  QINGDAN_IMPORT_PARSE_MEMORY_MB: z.coerce.number().int().min(64).max(16384).default(1024),
  CHROMIUM_PATH: z.string().optional(),
});

export type Env = z.infer<typeof schema>;

function parseEnv(): Env {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`环境变量有误 (invalid environment):\n${lines.join("\n")}`);
  }
  return parsed.data;
}

export const env: Env = parseEnv();

/**
 * Whether this code was compiled by Next.js (the built app or `next dev`) rather than run as
 * TypeScript source under tsx (the scripts) or Vitest. Next.js replaces `process.env.NEXT_RUNTIME`
 * at build time and never sets it at run time, so it is read literally here, not through `env`.
 */
export const bundledByNext = process.env.NEXT_RUNTIME === "nodejs";
