import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { RadarChart } from "./charts";

describe("the results radar chart", () => {
  it("prints each indicator's whole name (wrapped, not cut to 8 characters) at a readable size", () => {
    const html = renderToStaticMarkup(createElement(RadarChart, { axes: [{ name: "双向派单按时办理率", share: 0.5 }, { name: "厘清区街职责边界", share: 1 }, { name: "派驻机构管理", share: null }] }));
    const text = html.replace(/<title>.*?<\/title>/g, "").replace(/<[^>]+>/g, "");
    for (const name of ["双向派单按时办理率", "厘清区街职责边界", "派驻机构管理"]) expect(text).toContain(name);
    expect(text).not.toContain("…");
    expect(html).toContain('font-size="14"');
  });
});
