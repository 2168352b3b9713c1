import { describe, expect, it } from "vitest";
import { formatFileSize } from "./format";

describe("formatFileSize", () => {
  it("shows a small file in bytes, not as 0 KB", () => {
    expect(formatFileSize(193)).toBe("193 字节");
    expect(formatFileSize(0)).toBe("0 字节");
  });
  it("shows kilobytes and megabytes with one decimal", () => {
    expect(formatFileSize(1536)).toBe("1.5 KB");
    expect(formatFileSize(10 * 1024 * 1024)).toBe("10.0 MB");
  });
});

describe("dates: one format for tables, one for running text", async () => {
  const { formatDate, formatDateText, formatDateTime, formatDateTimeText } = await import("./format");
  it("tables and exports: 2026-12-27, in China's calendar", () => {
    expect(formatDate("2026-12-27")).toBe("2026-12-27");
    expect(formatDate(new Date("2026-12-27T00:00:00Z"))).toBe("2026-12-27"); // a DATE column
    expect(formatDate(new Date("2026-12-26T16:30:00Z"))).toBe("2026-12-27"); // 00:30 in Beijing
    expect(formatDate(null)).toBe("");
    expect(formatDateTime(new Date("2026-12-27T06:03:05Z"))).toBe("2026-12-27 14:03:05");
  });
  it("running text: 2026年12月27日, without leading zeros", () => {
    expect(formatDateText("2026-12-27")).toBe("2026年12月27日");
    expect(formatDateText(new Date("2027-01-05T00:00:00Z"))).toBe("2027年1月5日");
    expect(formatDateTimeText(new Date("2026-12-27T06:03:05Z"))).toBe("2026年12月27日 14:03");
    expect(formatDateText(undefined)).toBe("");
  });
});
