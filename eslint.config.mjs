// `npm run lint`: Next.js's rules (React, hooks, accessibility, Core Web Vitals), typescript-eslint's
// recommended rules (through eslint-config-next/typescript), and the import boundaries of
// ARCHITECTURE.md. No type-aware rules: they would make lint take minutes on this tree.
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// ---------------------------------------------------------------------------------------------
// Import boundaries. The Prisma client is reached only from the database layer, the reads
// (queries) and the writes (commands); components reach neither Prisma nor commands; pages and
// route handlers under app/ compose reads, labels and components. Type-only imports (enums,
// `Tx`, model types) are allowed anywhere: they do not touch the database.

const PRISMA = {
  regex: String.raw`^(@/|(\.\./)+|\./)(lib/)?(db/client|generated/prisma)(/.*)?$`,
  allowTypeImports: true,
  message: "Prisma is reached only from lib/db, an area's queries or commands, scripts, prisma and tests; read through lib/<area>/queries.ts.",
};
const COMMANDS = {
  regex: String.raw`(^@/lib/|^\.{1,2}/)(.*/)?commands[^/]*$`,
  allowTypeImports: true,
  message: "Commands are called through the area's server actions (lib/<area>/actions.ts), never from a page or a component.",
};
const boundaries = (...patterns) => ["error", { patterns }];
const RULE = "@typescript-eslint/no-restricted-imports";

/** Where the Prisma client belongs. lib/action.ts is the write path: it opens the transaction. */
const PRISMA_HOMES = [
  "lib/db/**",
  "lib/**/queries*.ts",
  "lib/**/queries/**",
  "lib/**/commands*.ts",
  "lib/action.ts",
  // The audit log's own writer of security events (outside any command's transaction), and the
  // sign-in server action and demo-password check, which are the auth area's write and read path.
  "lib/audit/security.ts",
  "lib/auth/actions.ts",
  "lib/auth/demo-passwords.ts",
  "scripts/**",
  "prisma/**",
  "tests/**",
  "prisma.config.ts",
];

// Every file follows the boundaries (the allow-list of files that broke them when the rule
// was introduced is empty since issue 11 moved their reads into queries).

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next/**", ".next-*/**", "node_modules/**", "lib/generated/**", "test-results/**", ".data/**", "next-env.d.ts"]),
  {
    rules: {
      // The tree writes `catch {}` and `void promise` on purpose in a few places; unused
      // variables prefixed with _ are deliberate.
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
    },
  },
  { files: ["**/*.{ts,tsx,mts,mjs}"], rules: { [RULE]: boundaries(PRISMA) } },
  { files: ["app/**", "components/**"], rules: { [RULE]: boundaries(PRISMA, COMMANDS) } },
  { files: PRISMA_HOMES, rules: { [RULE]: "off" } },
  {
    // React Compiler's diagnostics (react-hooks 7): this app does not build with the compiler,
    // and these rules took three quarters of lint's time (react-hooks/static-components alone,
    // the first to compile each component). The classic hook rules stay on.
    rules: Object.fromEntries(
      ["static-components", "use-memo", "preserve-manual-memoization", "incompatible-library", "immutability", "globals", "refs", "set-state-in-effect", "error-boundaries", "purity", "set-state-in-render", "unsupported-syntax", "config", "gating"].map((r) => [`react-hooks/${r}`, "off"]),
    ),
  },
]);
