import { describe, expect, it } from "vitest";
import { emptyItem, itemContentHash, itemMatchKey, itemSearchText, normaliseText, type ItemData } from "./item-data";

function item(over: Partial<ItemData> = {}): ItemData {
  return { ...emptyItem("对随地吐痰的处罚"), powerTypeId: 2, legalBasis: "【法规】《城市市容和环境卫生管理条例》第三十四条", ...over };
}

describe("item identity and search text", () => {
  it("normalises width, spaces, invisible characters and case", () => {
    expect(normaliseText(" ＡＢ\u200b c\n食品 安全法 ")).toBe("abc食品安全法");
  });

  it("uses the code when there is one, else name, sub-items and type", () => {
    expect(itemMatchKey(item({ code: " SL-CF-001 " }))).toBe("code:sl-cf-001");
    expect(itemMatchKey(item())).toBe("name:对随地吐痰的处罚||#2");
    expect(itemMatchKey(item({ powerTypeId: null, powerTypeRaw: "行政 指导" }))).toBe("name:对随地吐痰的处罚||行政指导");
    const withSubs = item({ subItems: [{ name: "子项 一", powerTypeId: null, powerTypeRaw: null, fields: {}, sourceRow: null }] });
    expect(itemMatchKey(withSubs)).toBe("name:对随地吐痰的处罚|子项一|#2");
  });

  it("searches name, sub-items, codes and legal bases, whitespace-insensitive", () => {
    const text = itemSearchText(item({ code: "A-1", subItems: [{ name: "子项", powerTypeId: null, powerTypeRaw: null, fields: { code: "A-1-1", legalBasis: "【法律】《食品 安全法》" }, sourceRow: null }] }));
    expect(text.split("\n")).toEqual(["a-1", "对随地吐痰的处罚", "子项", "a-1-1", "【法规】《城市市容和环境卫生管理条例》第三十四条", "【法律】《食品安全法》"]);
  });

  it("hashes content, not where it came from", () => {
    const a = item({ sourceSheet: "Sheet1", sourceRow: 3 });
    const b = item({ sourceSheet: "其他", sourceRow: 99 });
    expect(itemContentHash(a)).toBe(itemContentHash(b));
    expect(itemContentHash(a)).not.toBe(itemContentHash(item({ remarks: "备注" })));
    expect(itemContentHash(a)).not.toBe(itemContentHash(item({ subItems: [{ name: "子项", powerTypeId: null, powerTypeRaw: null, fields: {}, sourceRow: null }] })));
  });
});
