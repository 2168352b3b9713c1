import { describe, expect, it } from "vitest";
import { contentDisposition, csvField, csvText, neutraliseCell, neutraliseValue } from "./export-cells";

describe("neutraliseCell", () => {
  it("prefixes a single quote to text a spreadsheet would run as a formula", () => {
    expect(neutraliseCell("=HYPERLINK(\"http://evil\",\"点我\")")).toBe("'=HYPERLINK(\"http://evil\",\"点我\")");
    expect(neutraliseCell("+1+1")).toBe("'+1+1");
    expect(neutraliseCell("-2+3")).toBe("'-2+3");
    expect(neutraliseCell("@SUM(A1:A2)")).toBe("'@SUM(A1:A2)");
    expect(neutraliseCell("\t=cmd")).toBe("'\t=cmd");
    expect(neutraliseCell("\r=cmd")).toBe("'\r=cmd");
  });

  it("leaves ordinary text alone, including a formula character later in the text", () => {
    expect(neutraliseCell("【法律】《中华人民共和国食品安全法》第一百二十二条")).toBe("【法律】《中华人民共和国食品安全法》第一百二十二条");
    expect(neutraliseCell("东湖街道办事处")).toBe("东湖街道办事处");
    expect(neutraliseCell("a=b")).toBe("a=b");
    expect(neutraliseCell(" =1")).toBe(" =1");
    expect(neutraliseCell("")).toBe("");
    expect(neutraliseCell(null)).toBe("");
    expect(neutraliseCell(undefined)).toBe("");
  });

  it("neutraliseValue does the same for text and leaves numbers and empty cells as they are", () => {
    expect(neutraliseValue("=HYPERLINK(\"x\")")).toBe("'=HYPERLINK(\"x\")");
    expect(neutraliseValue("-1")).toBe("'-1");
    expect(neutraliseValue("东湖街道")).toBe("东湖街道");
    expect(neutraliseValue(-3)).toBe(-3);
    expect(neutraliseValue(null)).toBeNull();
  });
});

describe("CSV", () => {
  it("quotes fields holding a quote, a comma or a line break, and neutralises formulas", () => {
    expect(csvField("普通")).toBe("普通");
    expect(csvField("第一条,第二条\n第三条")).toBe('"第一条,第二条\n第三条"');
    expect(csvField('"引号"')).toBe('"""引号"""');
    expect(csvField("=HYPERLINK(\"x\")")).toBe(`"'=HYPERLINK(""x"")"`);
  });

  it("starts with a UTF-8 BOM and ends every line with CRLF", () => {
    expect(csvText([["序号", "名称"], ["1", "-"]])).toBe("\ufeff序号,名称\r\n1,'-\r\n");
  });
});

describe("contentDisposition", () => {
  it("sends the Chinese file name as RFC 5987 UTF-8 with an ASCII fallback", () => {
    const header = contentDisposition("示例省赋权事项指导清单（2021年版）.xlsx", "edition-1.xlsx");
    expect(header).toBe(
      `attachment; filename="edition-1.xlsx"; filename*=UTF-8''${encodeURIComponent("示例省赋权事项指导清单（2021年版）.xlsx")}`,
    );
    expect(decodeURIComponent(header.split("''")[1])).toBe("示例省赋权事项指导清单（2021年版）.xlsx");
    expect(contentDisposition("a'b(c).csv", "x.csv")).toContain("filename*=UTF-8''a%27b%28c%29.csv");
    expect(contentDisposition("清单.pdf", "清单\"1\".pdf")).toContain('filename="___1_.pdf"');
  });
});
