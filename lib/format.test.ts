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
