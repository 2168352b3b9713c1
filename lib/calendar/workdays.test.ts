import { describe, expect, it } from "vitest";
import { addWorkdays, isWorkday, makeCalendar, toDay, workdaysBetween } from "./workdays";
import { chineseDaysCalendar } from "./chinese-days";

const calendar = makeCalendar(chineseDaysCalendar());

describe("the work calendar seeded from chinese-days", () => {
  it("knows the 2025 National Day holiday and its make-up Saturdays and Sunday", () => {
    for (let d = 1; d <= 8; d++) expect(isWorkday(`2025-10-0${d}`, calendar), `10-0${d}`).toBe(false);
    expect(isWorkday("2025-09-28", calendar)).toBe(true); // Sunday, make-up workday
    expect(isWorkday("2025-10-11", calendar)).toBe(true); // Saturday, make-up workday
    expect(isWorkday("2025-10-12", calendar)).toBe(false); // ordinary Sunday
    expect(isWorkday("2025-09-30", calendar)).toBe(true);
  });
});

describe("addWorkdays", () => {
  it("skips the holiday and counts the make-up Saturday", () => {
    // From Tue 30 Sep: 9 Oct (1), 10 Oct (2), Sat 11 Oct make-up (3), 13 Oct (4), 14 Oct (5).
    expect(addWorkdays("2025-09-30", 1, calendar)).toBe("2025-10-09");
    expect(addWorkdays("2025-09-30", 3, calendar)).toBe("2025-10-11");
    expect(addWorkdays("2025-09-30", 5, calendar)).toBe("2025-10-14");
    // From Sat 27 Sep, a rest day: Sun 28 Sep is a make-up workday.
    expect(addWorkdays("2025-09-27", 1, calendar)).toBe("2025-09-28");
    expect(addWorkdays("2025-09-27", 3, calendar)).toBe("2025-09-30");
  });

  it("with 0 days gives the day itself or the next workday", () => {
    expect(addWorkdays("2025-09-30", 0, calendar)).toBe("2025-09-30");
    expect(addWorkdays("2025-10-03", 0, calendar)).toBe("2025-10-09");
  });

  it("without a calendar counts Monday to Friday only", () => {
    const plain = makeCalendar([]);
    expect(addWorkdays("2025-09-30", 5, plain)).toBe("2025-10-07");
  });

  it("reads an instant as its Asia/Shanghai day", () => {
    // 16:30 UTC on 30 Sep is already 1 Oct in Shanghai.
    expect(toDay(new Date("2025-09-30T16:30:00Z"))).toBe("2025-10-01");
    expect(addWorkdays(new Date("2025-09-30T16:30:00Z"), 1, calendar)).toBe("2025-10-09");
  });

  it("rejects a negative count", () => {
    expect(() => addWorkdays("2025-09-30", -1, calendar)).toThrow(RangeError);
  });
});

describe("workdaysBetween", () => {
  it("counts across the holiday, both ways", () => {
    expect(workdaysBetween("2025-09-30", "2025-10-14", calendar)).toBe(5);
    expect(workdaysBetween("2025-10-14", "2025-09-30", calendar)).toBe(-5);
    expect(workdaysBetween("2025-10-01", "2025-10-08", calendar)).toBe(0);
    expect(workdaysBetween("2025-09-26", "2025-09-28", calendar)).toBe(1);
    expect(workdaysBetween("2025-09-30", "2025-09-30", calendar)).toBe(0);
  });

  it("agrees with addWorkdays", () => {
    for (const n of [1, 2, 7, 20]) expect(workdaysBetween("2025-09-25", addWorkdays("2025-09-25", n, calendar), calendar)).toBe(n);
  });
});
