import type { z } from "zod";
import type { CommandContext } from "@/lib/action";
import { chineseDaysCalendar } from "./chinese-days";
import { dbDate, dayOfDbDate } from "./workdays";
import type { setDaySchema } from "./schema";
import { assertFresh } from "@/lib/edit-stamp";

export async function setCalendarDay(input: z.infer<typeof setDaySchema>, { tx, user, audit }: CommandContext) {
  const date = dbDate(input.date);
  await assertFresh(tx, "work_calendar_day", date, input.expectedStamp);
  const before = await tx.workCalendarDay.findUnique({ where: { date } });
  if (input.kind === "NORMAL") {
    if (before) await tx.workCalendarDay.delete({ where: { date } });
  } else {
    await tx.workCalendarDay.upsert({
      where: { date },
      create: { date, kind: input.kind, name: input.name, source: "MANUAL", updatedByName: user.displayName },
      update: { kind: input.kind, name: input.name, source: "MANUAL", updatedByName: user.displayName },
    });
  }
  await audit({
    action: "calendar.setDay",
    subjectType: "workCalendarDay",
    subjectId: input.date,
    before: before ? { kind: before.kind, name: before.name } : { kind: "NORMAL" },
    after: { kind: input.kind, name: input.name || null },
  });
  return { date: input.date };
}

/** Adds the package's holidays and make-up days that the table lacks; never overwrites an edit. */
export async function importChineseDays({ tx, audit }: Pick<CommandContext, "tx" | "audit">) {
  const existing = new Set((await tx.workCalendarDay.findMany({ select: { date: true } })).map((r) => dayOfDbDate(r.date)));
  const rows = chineseDaysCalendar().filter((d) => !existing.has(d.date));
  if (rows.length) await tx.workCalendarDay.createMany({ data: rows.map((d) => ({ date: dbDate(d.date), kind: d.kind, name: d.name, source: "CHINESE_DAYS" })) });
  await audit({ action: "calendar.import", subjectType: "workCalendarDay", after: { added: rows.length, from: rows[0]?.date ?? null, to: rows.at(-1)?.date ?? null } });
  return { added: rows.length };
}
