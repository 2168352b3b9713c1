import { describe, expect, it } from "vitest";
import { stripHandManaged } from "./migration-drift";

const generated = `-- AlterTable
ALTER TABLE "org_unit" ADD COLUMN "code" TEXT;

-- AddForeignKey
ALTER TABLE "devolution" ADD CONSTRAINT "devolution_round_id_fkey" FOREIGN KEY ("round_id") REFERENCES "devolution_round"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "devolution_comment" ADD CONSTRAINT "devolution_comment_devolution_id_fkey" FOREIGN KEY ("devolution_id") REFERENCES "devolution"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "devolution" ADD CONSTRAINT "devolution_letter_id_fkey" FOREIGN KEY ("letter_id") REFERENCES "confirmation_letter"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "devolution" ADD CONSTRAINT "devolution_department_id_fkey" FOREIGN KEY ("department_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
`;

describe("stripHandManaged", () => {
  it("drops only the foreign keys the triggers replace, with their headers", () => {
    const { sql, removed } = stripHandManaged(generated);
    expect(removed).toEqual(["devolution_round_id_fkey", "devolution_letter_id_fkey", "devolution_department_id_fkey"]);
    expect(sql).toContain(`ADD COLUMN "code"`);
    expect(sql).toContain("devolution_comment_devolution_id_fkey");
    expect(sql).not.toContain("devolution_letter_id_fkey");
    expect(sql).not.toContain("devolution_round_id_fkey");
    expect(sql).not.toContain("devolution_department_id_fkey");
    expect(sql.match(/-- AddForeignKey/g)).toHaveLength(1);
  });

  it("leaves a migration without them as it was", () => {
    const plain = `-- AlterTable\nALTER TABLE "org_unit" ADD COLUMN "code" TEXT;\n`;
    expect(stripHandManaged(plain)).toEqual({ sql: plain, removed: [] });
  });
});
