import data from "chinese-days/dist/chinese-days.json";
import type { DayKind } from "./workdays";

type Source = { holidays: Record<string, string>; workdays: Record<string, string> };

// Values look like "National Day,国庆节,3": English, Chinese, length.
const chineseName = (v: string) => v.split(",")[1] ?? v;

/** The State Council schedule as shipped by the chinese-days package (2004 onwards). */
export function chineseDaysCalendar(years?: { from: number; to: number }): { date: string; kind: DayKind; name: string }[] {
  const src = data as Source;
  const inRange = (d: string) => !years || (Number(d.slice(0, 4)) >= years.from && Number(d.slice(0, 4)) <= years.to);
  return [
    ...Object.entries(src.holidays).filter(([d]) => inRange(d)).map(([date, v]) => ({ date, kind: "HOLIDAY" as const, name: chineseName(v) })),
    ...Object.entries(src.workdays).filter(([d]) => inRange(d)).map(([date, v]) => ({ date, kind: "WORKDAY" as const, name: `${chineseName(v)}调休上班` })),
  ].sort((a, b) => a.date.localeCompare(b.date));
}
