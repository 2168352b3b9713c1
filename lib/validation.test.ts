import { describe, expect, it } from "vitest";
import { z } from "zod";
import { isRealDay, today, toDay } from "./dates";
import {
  date,
  filterDate,
  filterId,
  filterText,
  id,
  idOf,
  localDateTime,
  MAX_ID,
  optionalDate,
  optionalId,
  optionalText,
  parseId,
  routeId,
  routeKey,
  text,
  textOrEmpty,
  UNSAFE_TEXT_MESSAGE,
  unsafeTextPath,
} from "./validation";

function messageOf(schema: z.ZodType, value: unknown): string | null {
  const r = schema.safeParse(value);
  return r.success ? null : r.error.issues[0].message;
}

describe("real calendar days", () => {
  it("accepts days that exist, leap days only in leap years", () => {
    expect(isRealDay("2028-02-29")).toBe(true);
    expect(isRealDay("2000-02-29")).toBe(true);
    expect(isRealDay("2027-02-28")).toBe(true);
    expect(isRealDay("2027-02-29")).toBe(false);
    expect(isRealDay("1900-02-29")).toBe(false);
    expect(isRealDay("2027-02-31")).toBe(false);
    expect(isRealDay("2026-04-31")).toBe(false);
    expect(isRealDay("2026-13-45")).toBe(false);
    expect(isRealDay("2026-00-10")).toBe(false);
    expect(isRealDay("2026-01-00")).toBe(false);
    expect(isRealDay("2026-1-5")).toBe(false);
    expect(isRealDay("2026-01-05T00:00")).toBe(false);
  });

  it("date() refuses what is not a real day with a Chinese message, and keeps the value as typed", () => {
    const publish = date("公布日期");
    expect(publish.parse("2028-02-29")).toBe("2028-02-29");
    expect(messageOf(publish, "2027-02-29")).toBe("请填写有效的公布日期（如 2027-02-28）");
    expect(messageOf(publish, "2027-02-31")).toBe("请填写有效的公布日期（如 2027-02-28）");
    expect(messageOf(publish, "2026-13-45")).toBe("请填写有效的公布日期（如 2027-02-28）");
    expect(messageOf(date(), "2027/02/01")).toBe("请填写有效的日期（如 2027-02-28）");
    expect(messageOf(publish, "")).toBe("请填写公布日期");
    expect(messageOf(publish, undefined)).toBe("请填写公布日期");
    expect(messageOf(publish, "0001-01-01")).toBe("公布日期应在 1900 年至 2199 年之间");
  });

  it("optionalDate() takes blank as null but still refuses an impossible day", () => {
    const schema = optionalDate();
    expect(schema.parse("")).toBeNull();
    expect(schema.parse(undefined)).toBeNull();
    expect(schema.parse("2028-02-29")).toBe("2028-02-29");
    expect(messageOf(schema, "2027-02-31")).toBe("请填写有效的日期（如 2027-02-28）");
  });

  it("a day filter from the query string drops an impossible day instead of failing", () => {
    expect(filterDate.parse("2027-02-31")).toBeUndefined();
    expect(filterDate.parse("2026-13-45")).toBeUndefined();
    expect(filterDate.parse("2027-02-28")).toBe("2027-02-28");
  });

  it("localDateTime() reads Beijing time and refuses impossible days and times", () => {
    const found = localDateTime("发现时间");
    expect(found.parse("2026-03-02T09:30").toISOString()).toBe("2026-03-02T01:30:00.000Z");
    expect(messageOf(found, "2027-02-31T09:30")).toContain("请填写发现时间");
    expect(found.safeParse("2026-03-02T24:00").success).toBe(false);
    expect(found.safeParse("2026-03-02T09:60").success).toBe(false);
  });

  it("today() and toDay() are China's calendar day; toDay refuses an impossible day", () => {
    expect(today(new Date("2025-12-31T16:00:00Z"))).toBe("2026-01-01");
    expect(toDay(new Date("2025-12-31T15:59:59Z"))).toBe("2025-12-31");
    expect(() => toDay("2027-02-31")).toThrow(RangeError);
  });
});

describe("text", () => {
  const name = text("事项名称", 10, { min: 2 });

  it("trims, normalises line ends and names the field in its messages", () => {
    expect(name.parse("  甲\r\n乙  ")).toBe("甲\n乙");
    expect(messageOf(name, "   ")).toBe("请填写事项名称");
    expect(messageOf(name, "甲")).toBe("事项名称至少 2 个字");
    expect(messageOf(text("留言内容", 10), "   ")).toBe("请填写留言内容");
    expect(messageOf(name, undefined)).toBe("请填写事项名称");
    expect(messageOf(name, "名".repeat(11))).toBe("事项名称不能超过 10 个字");
  });

  it("refuses NUL, other control characters and lone surrogates, keeps emoji and tabs", () => {
    expect(messageOf(name, "有\u0000空字符")).toBe(UNSAFE_TEXT_MESSAGE);
    expect(messageOf(name, "控制\u0007字符")).toBe(UNSAFE_TEXT_MESSAGE);
    expect(messageOf(name, "半个\uD83D字")).toBe(UNSAFE_TEXT_MESSAGE);
    expect(messageOf(name, "半个\uDE00字")).toBe(UNSAFE_TEXT_MESSAGE);
    expect(name.parse("表情😀\t好")).toBe("表情😀\t好");
  });

  it("optionalText() gives null for blank, textOrEmpty() gives an empty string; both refuse NUL", () => {
    expect(optionalText("说明", 5).parse("  ")).toBeNull();
    expect(optionalText("说明", 5).parse(undefined)).toBeNull();
    expect(optionalText("说明", 5).parse(null)).toBeNull();
    expect(textOrEmpty("说明", 5).parse(undefined)).toBe("");
    expect(messageOf(optionalText("说明", 5), "\u0000")).toBe(UNSAFE_TEXT_MESSAGE);
    expect(messageOf(textOrEmpty("说明", 5), "a\uD800")).toBe(UNSAFE_TEXT_MESSAGE);
    expect(messageOf(optionalText("说明", 5), "123456")).toBe("说明不能超过 5 个字");
  });

  it("a text filter from the query string drops what it cannot use", () => {
    const q = filterText(5);
    expect(q.parse(" 城管 ")).toBe("城管");
    expect(q.parse("")).toBeUndefined();
    expect(q.parse("a\u0000")).toBeUndefined();
    expect(q.parse("123456")).toBeUndefined();
    expect(q.parse(["a", "b"])).toBeUndefined();
  });

  it("finds the first unstorable string anywhere in an action's input", () => {
    expect(unsafeTextPath({ a: "ok", list: [{ body: "fine" }, { body: "bad\u0000" }] })).toBe("list.1.body");
    expect(unsafeTextPath({ a: "ok", n: 3, when: new Date(), bytes: new Uint8Array([0]) })).toBeNull();
    expect(unsafeTextPath("\uDC00")).toBe("_");
    expect(unsafeTextPath({ ["k\u0000"]: 1 })).toBe("k\u0000");
  });
});

describe("ids", () => {
  it("accept 1 to 2147483647 as a number or a string of digits", () => {
    expect(id.parse(1)).toBe(1);
    expect(id.parse("12")).toBe(12);
    expect(id.parse(MAX_ID)).toBe(2147483647);
    expect(id.parse("2147483647")).toBe(2147483647);
  });

  it("refuse ids PostgreSQL's INTEGER cannot hold and anything that is not plainly a number", () => {
    expect(messageOf(id, "2147483648")).toBe("编号有误，请刷新页面后重试");
    expect(messageOf(id, 2147483648)).toBe("编号有误，请刷新页面后重试");
    expect(messageOf(id, "99999999999999999999999")).toBe("编号有误，请刷新页面后重试");
    for (const bad of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, "0", "-1", "1.5", "1e3", "0x1F", " 12", "12 ", "+12", "１２"]) {
      expect(id.safeParse(bad).success, String(bad)).toBe(false);
    }
    expect(messageOf(id, undefined)).toBe("缺少编号，请刷新页面后重试");
    expect(messageOf(id, "")).toBe("缺少编号，请刷新页面后重试");
    expect(messageOf(idOf("请选择所属单位"), "")).toBe("请选择所属单位");
    expect(messageOf(idOf("请选择所属单位"), "abc")).toBe("请选择所属单位");
  });

  it("read leading zeros as the number they spell: '00012' is 12 (documented choice)", () => {
    // Forms never send leading zeros; a hand-typed URL such as /lists/00012 has always opened
    // list 12, so it still does rather than becoming a 404.
    expect(parseId("00012")).toBe(12);
    expect(id.parse("00012")).toBe(12);
    expect(routeId("00012")).toBe(12);
    expect(parseId("000")).toBeNull();
  });

  it("optionalId() takes '', null and undefined as null", () => {
    expect(optionalId.parse("")).toBeNull();
    expect(optionalId.parse(null)).toBeNull();
    expect(optionalId.parse(undefined)).toBeNull();
    expect(optionalId.parse("7")).toBe(7);
    expect(optionalId.safeParse("2147483648").success).toBe(false);
  });

  it("an id filter from the query string drops an invalid id", () => {
    expect(filterId.parse("5")).toBe(5);
    expect(filterId.parse("2147483648")).toBeUndefined();
    expect(filterId.parse("x")).toBeUndefined();
    expect(filterId.parse(undefined)).toBeUndefined();
  });
});

describe("route parameters", () => {
  it("routeId() gives the id or null (the page answers 404)", () => {
    expect(routeId("42")).toBe(42);
    for (const bad of ["%00", "\u0000", "2147483648", "0", "-3", "1.0", "abc", "", undefined, ["1", "2"]]) {
      expect(routeId(bad as string | string[] | undefined), String(bad)).toBeNull();
    }
  });

  it("routeKey() decodes once and refuses NUL, broken escapes, lone surrogates and long keys", () => {
    expect(routeKey("A1b2")).toBe("A1b2");
    expect(routeKey("%E4%BA%8B%E9%A1%B9")).toBe("事项");
    expect(routeKey("%00")).toBeNull();
    expect(routeKey("\u0000")).toBeNull();
    expect(routeKey("%E4%BA")).toBeNull();
    expect(routeKey("%ED%A0%80")).toBeNull();
    expect(routeKey("\uD800")).toBeNull();
    expect(routeKey("x".repeat(21), 20)).toBeNull();
    expect(routeKey("")).toBeNull();
    expect(routeKey(undefined)).toBeNull();
  });
});
