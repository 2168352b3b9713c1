// Constraints Prisma's schema declares but the migrations replaced on purpose. `prisma migrate dev`
// proposes them again in every new migration; `npm run db:new-migration` takes them out.
export const HAND_MANAGED_CONSTRAINTS = [
  // Set-based triggers check these (20261202120000_devolution_set_based_references).
  "devolution_round_id_fkey",
  "devolution_street_id_fkey",
  "devolution_item_id_fkey",
  "devolution_department_id_fkey",
  // And this one since 20261207190000_devolution_open_round_lighter.
  "devolution_letter_id_fkey",
];

/** The migration without the statements (and their `-- AddForeignKey` headers) that re-add them. */
export function stripHandManaged(sql: string): { sql: string; removed: string[] } {
  const removed: string[] = [];
  const blocks = sql.split(/\n(?=-- [A-Z][A-Za-z]+\n)/);
  const kept = blocks.filter((block) => {
    const name = HAND_MANAGED_CONSTRAINTS.find((c) => block.includes(`ADD CONSTRAINT "${c}"`));
    if (!name) return true;
    removed.push(name);
    return false;
  });
  return { sql: kept.join("\n"), removed };
}
