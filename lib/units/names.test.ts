import { describe, expect, it } from "vitest";
import { governmentName } from "./names";

describe("governmentName", () => {
  it("keeps the 镇 or 乡 of a township", () => {
    expect(governmentName("清河", "TOWNSHIP")).toBe("清河镇人民政府");
    expect(governmentName("清河镇", "TOWNSHIP")).toBe("清河镇人民政府");
    expect(governmentName("白沙乡", "TOWNSHIP")).toBe("白沙乡人民政府");
    expect(governmentName("白沙", "TOWNSHIP", "乡")).toBe("白沙乡人民政府");
    expect(governmentName("茶山镇人民政府", "TOWNSHIP")).toBe("茶山镇人民政府");
  });

  it("names a street's office", () => {
    expect(governmentName("东湖", "STREET")).toBe("东湖街道办事处");
    expect(governmentName("东湖街道", "STREET")).toBe("东湖街道办事处");
  });
});
