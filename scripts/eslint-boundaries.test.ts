import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// The import boundaries of eslint.config.mjs: a new file that crosses one fails `npm run lint`.
const eslint = new ESLint({ cwd: process.cwd(), cache: false });

const CODE = `import { prisma } from "@/lib/db/client";
import { createList } from "@/lib/lists/commands";
import type { Role } from "@/lib/generated/prisma/enums";
export const role: Role | null = null;
export const used = [prisma, createList];
`;

async function restricted(filePath: string) {
  const [result] = await eslint.lintText(CODE, { filePath });
  return result.messages.filter((m) => m.ruleId === "@typescript-eslint/no-restricted-imports").map((m) => m.line);
}

describe("import boundaries", () => {
  it("keep Prisma and commands out of components and pages", async () => {
    expect(await restricted("components/lists/new-widget.tsx")).toEqual([1, 2]);
    expect(await restricted("app/(workspace)/lists/new-page/page.tsx")).toEqual([1, 2]);
  }, 60_000);

  it("keep Prisma in the database layer, queries and commands", async () => {
    expect(await restricted("lib/lists/new-read-model.ts")).toEqual([1]);
    expect(await restricted("lib/lists/queries.ts")).toEqual([]);
    expect(await restricted("lib/lists/queries/by-unit.ts")).toEqual([]);
    expect(await restricted("lib/lists/commands.ts")).toEqual([]);
    expect(await restricted("tests/integration/lists.test.ts")).toEqual([]);
  }, 60_000);
});
