import { z } from "zod";
import { AppError } from "@/lib/errors";
import type { Tx } from "@/lib/db/client";

/*
 * Edit stamps: a form carries the stamp of the record as the page showed it (`expectedStamp`, a
 * hidden field), and the command refuses the save when the record changed meanwhile, so a second
 * editor's stale save never silently overwrites the first. The stamp is the row's updated_at,
 * which every write through Prisma moves on; the check locks the row, so two saves cannot both
 * pass it. Power-list drafts use their own version counter (lib/lists), local duties a content
 * stamp (lib/local-duties); both refuse the same way.
 */

export const STALE_MESSAGE = "该记录已被他人修改，您的修改没有保存。请刷新页面查看最新内容后重试。";

/**
 * The schema field. Optional so that scripts and tests may write without one; every edit form
 * sends it (an empty string means "the record did not exist yet").
 */
export const expectedStamp = z.string().max(40, "参数有误").optional();

/** The stamp a page hands to its form. */
export function stampOf(updatedAt: Date | null | undefined): string {
  return updatedAt ? updatedAt.toISOString() : "";
}

/** Tables with a stamp, and the column that identifies a row. */
const STAMPED = {
  catalogue_item: "id",
  catalogue_edition: "id",
  dictionary_entry: "id",
  org_unit: "id",
  app_user: "id",
  power_list_category: "id",
  evaluation_round: "id",
  work_calendar_day: "date",
} as const;
export type StampedTable = keyof typeof STAMPED;

/** Refuses a save whose stamp is not the record's current one; nothing has been written yet. */
export function assertStamp(current: string, expected: string | undefined, message = STALE_MESSAGE) {
  if (expected === undefined) return;
  if (current !== expected) throw new AppError("CONFLICT", message);
}

/**
 * Locks the row (until the transaction ends) and checks the form's stamp against it. Call it
 * before the command writes anything. A row that is gone is NOT_FOUND, except where the stamp says
 * the form expected no row (`""`, e.g. a calendar day not yet set).
 */
export async function assertFresh(tx: Tx, table: StampedTable, key: number | Date, expected: string | undefined, message = STALE_MESSAGE) {
  if (expected === undefined) return;
  const column = STAMPED[table];
  const rows = await tx.$queryRawUnsafe<{ stamp: string }[]>(
    `SELECT to_char(updated_at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS stamp FROM "${table}" WHERE "${column}" = $1 FOR UPDATE`,
    key,
  );
  if (rows.length === 0) {
    if (expected === "") return;
    throw new AppError("NOT_FOUND");
  }
  assertStamp(rows[0].stamp, expected, message);
}
