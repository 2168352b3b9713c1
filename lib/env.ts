import { z } from "zod";

// The one place that reads process.env. Everything else imports `env`.
const flag = z
  .enum(["1", "0", "true", "false", "yes", "no", ""])
  .optional()
  .transform((v) => v === "1" || v === "true" || v === "yes");

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().min(1).optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOSTNAME: z.string().optional(),
  QINGDAN_DATA_DIR: z.string().default(".data"),
  QINGDAN_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  NEXTAUTH_SECRET: z.string().min(16).optional(),
  NEXTAUTH_URL: z.string().url().optional(),
  SESSION_MAX_AGE_HOURS: z.coerce.number().positive().max(24 * 30).default(8),
  QINGDAN_TRUST_PROXY: flag,
  QINGDAN_LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  QINGDAN_LOGIN_LOCK_MINUTES: z.coerce.number().positive().default(15),
  QINGDAN_ADDRESS_MAX_FAILURES: z.coerce.number().int().min(1).default(20),
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
