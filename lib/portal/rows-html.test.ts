import { describe, expect, it } from "vitest";
import { pageRows, type ListRow } from "./items";
import { escapeHtml, groupsHtml } from "./rows-html";

function row(n: number, extra: Partial<ListRow> = {}): ListRow {
  return {
    itemKey: `k${n}`, position: n, category: "加强行政执法", categoryOrder: 6, section: "BASIC", name: `事项${n}`, subItemName: null,
    powerType: "行政处罚", legalBasis: "《城乡规划法》第六十四条", handlingSection: "综合执法办", departmentName: null, streetDuty: null,
    reclaimMethod: null, searchText: "", ...extra,
  };
}

const href = (key: string) => `/lists/7/items/${encodeURIComponent(key)}?v=2`;

describe("the list page's item tables as HTML", () => {
  it("escapes every text and attribute taken from the data", () => {
    expect(escapeHtml(`<script>alert("x")</script> & '`)).toBe("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;");
    const html = groupsHtml(
      pageRows([row(1, { name: "<img src=x onerror=alert(1)>", legalBasis: `"><script>1</script>`, category: "<b>类</b>", subItemName: "a&b", itemKey: `"k` })], 1, false).groups,
      "POWER",
      href,
    );
    expect(html).not.toMatch(/<img|<script|<b>/);
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(html).toContain("&lt;b&gt;类&lt;/b&gt;");
    expect(html).toContain("<small>子项：a&amp;b</small>");
    expect(html).toContain(`href="/lists/7/items/%22k?v=2"`);
  });

  it("renders one section per group with its size, the columns of its form and section, and each row's cells", () => {
    const rows = [row(1), row(2, { legalBasis: null, handlingSection: null }), row(3, { category: "统筹区域发展", section: "COOPERATING", departmentName: "市场监管局", streetDuty: "配合检查" })];
    const power = groupsHtml(pageRows(rows, 1, false, 2).groups, "POWER", href);
    expect(power.match(/<section /g)).toHaveLength(1);
    expect(power).toContain(`<h3 id="g-0" class="mb-2 text-base font-semibold text-slate-800">加强行政执法 <span class="text-sm font-normal text-slate-600">（2 项）</span></h3>`);
    expect(power).toContain(`<th scope="col">权力类型</th><th scope="col">实施依据</th><th scope="col">承办机构</th>`);
    expect(power).toContain(`<tr><td>1</td><td><a href="/lists/7/items/k1?v=2">事项1</a></td><td data-label="权力类型">行政处罚</td><td data-label="实施依据" class="wide"><div>《城乡规划法》第六十四条</div></td><td data-label="承办机构">综合执法办</td></tr>`);
    // An empty wide cell has no inner block; an empty plain cell is empty.
    expect(power).toContain(`<td data-label="实施依据" class="wide"></td><td data-label="承办机构"></td>`);

    const duty = groupsHtml(pageRows(rows, 2, false, 2).groups, "DUTY", href);
    expect(duty).toContain("配合履职事项 · 统筹区域发展");
    expect(duty).toContain(`<th scope="col">上级部门</th><th scope="col">乡镇（街道）配合职责</th>`);
    expect(duty).toContain(`<td data-label="上级部门">市场监管局</td><td data-label="乡镇（街道）配合职责" class="wide"><div>配合检查</div></td>`);
    const reclaimed = groupsHtml(pageRows([row(4, { section: "RECLAIMED", departmentName: "自然资源局", reclaimMethod: "由部门直接实施" })], 1, false).groups, "DUTY", href);
    expect(reclaimed).toContain(`<th scope="col">收回部门</th><th scope="col">收回后运行方式</th>`);
    expect(reclaimed).toContain(`<td data-label="收回部门">自然资源局</td><td data-label="收回后运行方式" class="wide"><div>由部门直接实施</div></td>`);
  });

  it("marks a group that began on an earlier page as continued", () => {
    const rows = [row(1), row(2), row(3)];
    expect(groupsHtml(pageRows(rows, 2, false, 2).groups, "POWER", href)).toContain("加强行政执法（续） <span");
  });
});
