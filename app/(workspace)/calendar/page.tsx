import Link from "next/link";
import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/session";
import { can } from "@/lib/auth/policy";
import { calendarYear } from "@/lib/calendar/queries";
import { makeCalendar, monthDays, dayOfDbDate, toDay } from "@/lib/calendar/workdays";
import { PageHeader } from "@/components/ui/page-header";
import { cx } from "@/components/ui/cx";
import { ImportButton, SetDayForm } from "@/components/admission/calendar-forms";

export const metadata: Metadata = { title: "工作日历" };

const WEEK = ["日", "一", "二", "三", "四", "五", "六"];

export default async function CalendarPage({ searchParams }: { searchParams: Promise<{ year?: string }> }) {
  const user = await requirePermission("calendar.read");
  const today = toDay(new Date());
  const y = Number((await searchParams).year);
  const year = Number.isInteger(y) && y >= 2004 && y <= 2100 ? y : Number(today.slice(0, 4));
  const rows = await calendarYear(year);
  const calendar = makeCalendar(rows);
  const names = new Map(rows.map((r) => [dayOfDbDate(r.date), r.name]));
  const holidays = rows.filter((r) => r.kind === "HOLIDAY").length;
  return (
    <div className="space-y-6">
      <PageHeader
        title={`${year} 年工作日历`}
        description={`所有办理期限按工作日计算：周一至周五上班，法定节假日休息，调休日上班。本年有 ${holidays} 天节假日、${rows.length - holidays} 天调休上班。`}
        actions={
          <div className="flex gap-2 text-sm">
            <Link className="text-brand-600 hover:underline" href={`/calendar?year=${year - 1}`}>上一年</Link>
            <Link className="text-brand-600 hover:underline" href={`/calendar?year=${year + 1}`}>下一年</Link>
          </div>
        }
      />
      {can(user, "calendar.manage") && (
        <section className="space-y-3">
          <p className="text-sm text-slate-600">国务院办公厅公布下一年放假安排后，请逐日设置节假日和调休上班日；设置即时生效。</p>
          <SetDayForm defaultDate={today} />
          <ImportButton />
        </section>
      )}
      {rows.length === 0 && <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800">本年尚未设置节假日，期限暂按周一至周五计算。</p>}
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
        {Array.from({ length: 12 }, (_, i) => i + 1).map((m) => {
          const days = monthDays(year, m, calendar);
          return (
            <section key={m} className="rounded-lg border border-slate-200 bg-white p-3" aria-label={`${m}月`}>
              <h2 className="mb-2 text-sm font-semibold">{m} 月</h2>
              <div className="grid grid-cols-7 gap-1 text-center text-xs">
                {WEEK.map((w) => <span key={w} className="text-slate-500">{w}</span>)}
                {Array.from({ length: days[0].weekday }, (_, i) => <span key={`b${i}`} />)}
                {days.map((d) => (
                  <span
                    key={d.day}
                    title={names.get(d.day) ?? (d.workday ? "工作日" : "休息日")}
                    className={cx(
                      "rounded py-1",
                      d.override === "HOLIDAY" && "bg-red-100 font-medium text-red-700",
                      d.override === "WORKDAY" && "bg-amber-100 font-medium text-amber-800",
                      !d.override && !d.workday && "text-slate-500",
                      d.day === today && "ring-2 ring-brand-600",
                    )}
                  >
                    {Number(d.day.slice(8))}
                  </span>
                ))}
              </div>
            </section>
          );
        })}
      </div>
      <p className="flex flex-wrap gap-4 text-xs text-slate-600">
        <span><span className="mr-1 inline-block h-3 w-3 rounded bg-red-100 align-middle" />法定节假日</span>
        <span><span className="mr-1 inline-block h-3 w-3 rounded bg-amber-100 align-middle" />调休上班</span>
        <span className="text-slate-500">灰色：周末休息</span>
      </p>
      {rows.length > 0 && (
        <section>
          <h2 className="mb-2 text-lg font-semibold">本年设置明细</h2>
          <ul className="grid gap-1 text-sm sm:grid-cols-2 lg:grid-cols-3">
            {rows.map((r) => (
              <li key={dayOfDbDate(r.date)}>
                {dayOfDbDate(r.date)} {r.kind === "HOLIDAY" ? "休" : "班"} {r.name}
                {r.source === "MANUAL" && <span className="text-xs text-slate-500">（{r.updatedByName} 设置）</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
