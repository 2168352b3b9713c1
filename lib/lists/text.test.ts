import { describe, expect, it } from "vitest";
import { bigrams, citedLaws, itemSearchText, likeEscape, searchQuery } from "./text";

describe("search text", () => {
  it("keeps the name, code, type, department and cited law titles, normalised", () => {
    const text = itemSearchText({
      name: "对违法建设的处罚",
      code: "CG-001",
      powerType: "行政处罚",
      departmentName: "城管局",
      legalBasis: "【法律】《中华人民共和国城乡规划法》第六十五条；【法规】《湖北省城乡规划条例》",
    });
    expect(text.split("\n")).toEqual(["对违法建设的处罚", "cg-001", "行政处罚", "城管局", "中华人民共和国城乡规划法", "城乡规划法", "湖北省城乡规划条例"]);
    expect(citedLaws("无书名号")).toEqual([]);
  });

  it("splits Chinese into the distinct bigrams the SQL function makes, never across a line break", () => {
    expect(bigrams("城市管理")).toEqual(["城市", "市管", "管理"]);
    expect(bigrams("管理\n管理")).toEqual(["管理"]);
    expect(bigrams("低")).toEqual([]);
  });

  it("normalises queries and escapes LIKE wildcards", () => {
    expect(searchQuery("  占道 经营 ")).toBe("占道经营");
    expect(searchQuery("ＡＢＣ")).toBe("abc");
    expect(likeEscape("50%_a\\b")).toBe("50\\%\\_a\\\\b");
  });
});
