"use server";

import { defineAction } from "@/lib/action";
import { importChineseDays, setCalendarDay } from "./commands";
import { importSchema, setDaySchema } from "./schema";

export const setCalendarDayAction = defineAction({
  schema: setDaySchema,
  permission: "calendar.manage",
  run: setCalendarDay,
  revalidate: ["/calendar"],
});

export const importChineseDaysAction = defineAction({
  schema: importSchema,
  permission: "calendar.manage",
  run: (_input, ctx) => importChineseDays(ctx),
  revalidate: ["/calendar"],
});
