import { describe, expect, it } from "vitest";
import { bestMatch, nameScore, normaliseName, similarity } from "./match";

const duties = [
  { id: 1, name: "城市生活垃圾分类督导", departmentId: 10, departmentName: "示例市城市管理综合执法局" },
  { id: 2, name: "燃气安全入户宣传", departmentId: 11, departmentName: "示例市应急管理局" },
].map((d) => ({ ...d, nameKey: normaliseName(d.name) }));

describe("normaliseName", () => {
  it("drops punctuation, spaces and filler words", () => {
    expect(normaliseName("开展 城市生活垃圾分类（督导）工作")).toBe("城市生活垃圾分类督导");
  });
});

describe("matching a task against admitted duties", () => {
  it("finds a duty whose name the task contains, from the same department", () => {
    const m = bestMatch({ nameKey: normaliseName("做好城市生活垃圾分类督导检查工作"), departmentId: 10, departmentName: "" }, duties);
    expect(m?.duty.id).toBe(1);
  });
  it("finds a similar name", () => {
    expect(nameScore(normaliseName("燃气安全入户宣传检查"), normaliseName("燃气安全入户宣传"))).toBe(1);
    expect(similarity("生活垃圾分类督导", "垃圾分类督导检查")).toBeGreaterThan(0.6);
  });
  it("does not match another department's duty or an unrelated task", () => {
    expect(bestMatch({ nameKey: normaliseName("城市生活垃圾分类督导"), departmentId: 11, departmentName: "示例市应急管理局" }, duties)).toBeNull();
    expect(bestMatch({ nameKey: normaliseName("辖区养犬登记"), departmentId: 10, departmentName: "" }, duties)).toBeNull();
  });
  it("matches the department by name when the id is unknown", () => {
    expect(bestMatch({ nameKey: normaliseName("燃气安全入户宣传"), departmentId: null, departmentName: "示例市应急管理局" }, duties)?.duty.id).toBe(2);
  });
});
