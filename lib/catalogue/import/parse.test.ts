import { REAL_LISTS_DIR } from "@/tests/fixtures/paths";
import fs from "node:fs";
import path from "node:path";
import * as XLSX from "@e965/xlsx";
import * as cpexcel from "@e965/xlsx/dist/cpexcel.full.mjs";
import { describe, expect, it } from "vitest";
import { matchHeader, normalisePowerType } from "./fields";
import { MAX_IMPORT_BYTES, parseSeq, parseSheetName, parseWorkbook, type ParseResult, type SheetResult } from "./parse";

const FIXTURES = REAL_LISTS_DIR;
const fixtureFiles = fs.existsSync(FIXTURES) ? fs.readdirSync(FIXTURES).filter((f) => !f.endsWith(".md")).sort() : [];

const parsedFixtures = new Map<string, ParseResult>();
function fixture(file: string): ParseResult {
  let result = parsedFixtures.get(file);
  if (!result) {
    result = parseWorkbook(fs.readFileSync(path.join(FIXTURES, file)), file);
    parsedFixtures.set(file, result);
  }
  return result;
}

function sheet(result: ParseResult, name: string): SheetResult {
  const found = result.sheets.find((s) => s.name === name);
  if (!found) throw new Error(`no sheet ${name} in ${result.fileName}: ${result.sheets.map((s) => s.name).join(", ")}`);
  return found;
}

type Cell = string | number | null;
interface SheetSpec {
  name: string;
  rows: Cell[][];
  merges?: string[];
  hidden?: boolean;
}

/** Build a workbook in memory with SheetJS. */
function book(sheets: SheetSpec[], bookType: XLSX.BookType = "xlsx"): Buffer {
  const wb = XLSX.utils.book_new();
  for (const spec of sheets) {
    const ws = XLSX.utils.aoa_to_sheet(spec.rows.map((r) => r.map((c) => (c === null ? undefined : c))));
    if (spec.merges) ws["!merges"] = spec.merges.map((m) => XLSX.utils.decode_range(m));
    XLSX.utils.book_append_sheet(wb, ws, spec.name);
  }
  if (sheets.some((s) => s.hidden)) {
    wb.Workbook = { Sheets: sheets.map((s) => ({ name: s.name, Hidden: s.hidden ? 1 : 0 })) };
  }
  return XLSX.write(wb, { type: "buffer", bookType }) as Buffer;
}

const HEADER = ["序号", "事项名称", "子项名称", "权力类型", "实施依据", "实施层级及权限", "备注"];

describe("real published lists (fixtures)", () => {
  it("has the six fixture files", () => {
    expect(fixtureFiles).toHaveLength(6);
  });

  it.each(fixtureFiles)("%s parses without failure", (file) => {
    const result = fixture(file);
    expect(result.error).toBeUndefined();
    expect(result.ok).toBe(true);
    expect(result.sheets.length).toBeGreaterThan(0);
    for (const s of result.sheets) {
      expect(s.status).toBe("parsed");
      expect(s.headerRow).not.toBeNull();
      expect(s.headerRowCount).toBe(1);
      expect(s.items).toBeGreaterThan(0);
      // No item without a name and every item has a recognised power type.
      for (const item of s.parsedItems) {
        expect(item.name.length).toBeGreaterThan(2);
        expect(item.powerTypeKnown).toBe(true);
        expect(item.issues.filter((i) => i.level === "error")).toEqual([]);
      }
    }
  });

  it("counts main items exactly as every sheet name states", () => {
    const checked: string[] = [];
    for (const file of fixtureFiles) {
      for (const s of fixture(file).sheets) {
        const stated = parseSheetName(s.name).statedCount;
        expect(s.statedCount).toBe(stated);
        if (stated === null) continue;
        expect({ sheet: s.name, items: s.items }).toEqual({ sheet: s.name, items: stated });
        expect(s.warnings.filter((w) => w.includes("工作表名称标明"))).toEqual([]);
        checked.push(s.name);
      }
    }
    expect(checked).toEqual(["行政检查（3项）", "行政许可（3项）", "行政征收（1项）", "行政处罚（5项）", "其他行政权力（5项）"]);
  });

  it("finds header rows, item and sub-item counts per sheet", () => {
    const summary = Object.fromEntries(
      fixtureFiles.map((file) => [file, fixture(file).sheets.map((s) => [s.name, s.headerRow, s.items, s.subItems])]),
    );
    expect(summary).toEqual({
      "karamay-2024-commerce-bureau.xlsx": [["1", 2, 21, 0]],
      "karamay-2024-medical-security-bureau.xls": [["Sheet1", 2, 17, 0]],
      "karamay-2024-science-technology-bureau.xls": [["市科技局", 2, 4, 0]],
      "karamay-2025-fire-enforcement.xlsx": [["Sheet1", 3, 75, 0]],
      "karamay-2025-statistics-bureau.xlsx": [["Sheet1", 2, 3, 0]],
      "karamay-civil-air-defence-office.xlsx": [
        ["行政检查（3项）", 3, 3, 0],
        ["行政许可（3项）", 3, 3, 2],
        ["行政征收（1项）", 3, 1, 0],
        ["行政处罚（5项）", 3, 5, 0],
        ["其他行政权力（5项）", 3, 5, 0],
      ],
    });
  });

  it("statistics bureau: title row, items merged over several rows, narrow-column text unwrapped", () => {
    const s = sheet(fixture("karamay-2025-statistics-bureau.xlsx"), "Sheet1");
    expect(s.columns.slice(0, 4).map((c) => c.field)).toEqual(["seq", "name", "subItemName", "powerType"]);
    // 实施层级及权限 is one header merged over two columns (H:I); both map to the field.
    expect(s.columns[7].field).toBe("implementationLevel");
    expect(s.columns[8].field).toBe("implementationLevel");
    const [first, second, third] = s.parsedItems;
    expect(first.seq).toBe("1");
    expect(first.name).toBe("对拒绝配合统计调查、农业普查、经济普查、人口普查和统计检查的单位和个体工商户的处罚");
    expect(first.rows).toEqual([3, 4]);
    expect(first.subItems).toEqual([]);
    expect(first.powerType).toBe("行政处罚");
    expect(first.exerciseSubject).toBe("市统计局");
    expect(first.legalBasis).toMatch(/^【法律】《中华人民共和国统计法》/);
    expect(first.implementationLevel).toMatch(/^市级\n负责市本级拒绝配合统计调查/);
    expect(second.seq).toBe("2");
    expect(second.rows).toEqual([5, 6]);
    expect(third.name).toBe("对统计违法行为或者核查统计数据方面的检查");
    expect(third.powerType).toBe("行政检查");
    expect(third.rows).toEqual([7, 8, 9, 10]);
    expect(third.responsibilityBasis).toMatch(/^【规章】/);
  });

  it("fire enforcement: an .xlsx that is an OLE workbook inside, two title rows, other header names", () => {
    const result = fixture("karamay-2025-fire-enforcement.xlsx");
    expect(result.format).toBe("xls");
    expect(result.notices.join()).toContain("旧版 Excel");
    const s = sheet(result, "Sheet1");
    expect(s.headerRow).toBe(3);
    const field = (header: string) => s.columns.find((c) => c.header === header)?.field;
    expect(field("项目")).toBe("name");
    expect(field("职权类型")).toBe("powerType");
    expect(field("职权编码")).toBe("code");
    expect(field("法定期限（天/日）")).toBe("statutoryTimeLimit");
    expect(field("承诺期限（天/日）")).toBe("promisedTimeLimit");
    expect(field("责任主体")).toBe("exerciseSubject");
    expect(field("所属行政区划")).toBeNull();
    const first = s.parsedItems[0];
    expect(first).toMatchObject({
      seq: "1",
      name: "公众聚集场所投入使用营业前消防安全检查",
      code: "650200207XK01600",
      powerType: "行政许可",
      statutoryTimeLimit: "告知承诺制：20个工作日\n非告知承诺制:10个工作日",
      chargesFee: "无",
    });
    expect(first.legalBasis).toMatch(/^【法律】《中华人民共和国消防法》/);
    expect(first.extra?.["所属行政区划"]).toBe("克拉玛依市");
    // 「/」 in the code column means "no code".
    expect(s.parsedItems[21].name).toBe("对不按照国家标准、行业标准开展消防技术服务活动的处罚");
    expect(s.parsedItems[21].code).toBeUndefined();
    const byType: Record<string, number> = {};
    for (const item of s.parsedItems) byType[item.powerType!] = (byType[item.powerType!] ?? 0) + 1;
    expect(byType).toEqual({ 行政许可: 1, 行政处罚: 68, 行政强制: 6 });
    expect(s.parsedItems[74]).toMatchObject({ seq: "75", powerType: "行政强制", rows: [78] });
  });

  it("medical security bureau: old .xls with 254 declared columns", () => {
    const result = fixture("karamay-2024-medical-security-bureau.xls");
    expect(result.format).toBe("xls");
    const s = sheet(result, "Sheet1");
    expect(s.columns).toHaveLength(12);
    expect(s.columns.map((c) => c.field)).toEqual([
      "seq", "name", "subItemName", "powerType", "exerciseSubject", "handlingSection", "legalBasis",
      "responsibilities", "responsibilityBasis", "accountableParties", "accountabilityGrounds", "remarks",
    ]);
    const last = s.parsedItems[16];
    expect(last).toMatchObject({ seq: "17", name: "医疗保险稽核", powerType: "行政检查", handlingSection: "医疗保障服务中心" });
    expect(s.parsedItems[14]).toMatchObject({ name: "对举报欺诈骗取医疗保障基金行为的奖励", powerType: "行政奖励" });
    expect(s.parsedItems[0].responsibilityBasis).toContain("【法律】《中华人民共和国行政处罚法》");
  });

  it("commerce bureau: duplicated columns combined, an item without 序号", () => {
    const s = sheet(fixture("karamay-2024-commerce-bureau.xlsx"), "1");
    expect(s.columns.filter((c) => c.field === "responsibilityBasis").map((c) => c.index)).toEqual([11, 15]);
    const unnumbered = s.parsedItems[19];
    expect(unnumbered.seq).toBeUndefined();
    expect(unnumbered.name).toBe("洗染业经营者备案");
    expect(unnumbered.powerType).toBe("其他行政权力");
    expect(s.warnings).toContain("第 22 行「洗染业经营者备案」：序号为空");
    // Item 21 has its 责任事项依据 only in the second (duplicate) column.
    const last = s.parsedItems[20];
    expect(last).toMatchObject({ seq: "21", name: "对外劳务合作经营资格核准", powerType: "行政许可" });
    expect(last.responsibilityBasis).toMatch(/^【法律】《中华人民共和国行政许可法》/);
    // 实施层级及权限 over two columns: level and authority joined.
    expect(s.parsedItems[0].implementationLevel).toBe("地州市级\n负责成品油零售经营资格审批管理");
  });

  it("science and technology bureau: merged rows and stray text hidden under merges", () => {
    const s = sheet(fixture("karamay-2024-science-technology-bureau.xls"), "市科技局");
    expect(s.parsedItems.map((i) => [i.seq, i.rows])).toEqual([
      ["1", [3, 4]],
      ["2", [5, 6]],
      ["3", [7, 8]],
      ["4", [9, 10]],
    ]);
    expect(s.parsedItems[1]).toMatchObject({ name: "技术合同认定登记", powerType: "行政确认", powerTypeRaw: "行政确认" });
    expect(s.parsedItems[0].legalBasis).toMatch(/^【法律】《中华人民共和国促进科技成果转化法》/);
    expect(s.parsedItems[0].extra?.["救助渠道"]).toMatch(/^向作出具体行政行为/);
    expect(s.warnings.join()).toContain("救助渠道");
  });

  it("civil air defence: one sheet per type, sub-items attached to their main item", () => {
    const result = fixture("karamay-civil-air-defence-office.xlsx");
    for (const s of result.sheets) {
      expect(s.sheetPowerType).not.toBeNull();
      for (const item of s.parsedItems) expect(item.powerType).toBe(s.sheetPowerType);
    }
    const permits = sheet(result, "行政许可（3项）");
    expect(permits.skipped).toEqual([]);
    const [first, second, third] = permits.parsedItems;
    expect(first.name).toBe("应建防空地下室的民用建筑项目报建审批");
    expect(first.rows).toEqual([4, 5, 6, 7]);
    expect(first.subItems.map((s) => [s.row, s.rows, s.subItemName])).toEqual([
      [4, [4, 5], "1.新建民用建筑防空地下室同步建设审批"],
      [6, [6, 7], "2.新建民用建筑防空地下室易地建设审批"],
    ]);
    expect(first.subItems[1].implementationLevel).toBe("地州市级\n负责行政区域内新建民用防空地下室易地建设审批。");
    expect(first.subItems[0].legalBasis).toMatch(/^【法律】《中华人民共和国人民防空法》/);
    // Shared by both sub-items → on the main item.
    expect(first.exerciseSubject).toBe("克拉玛依市国防动员办公室（克拉玛依市人民防空办公室）");
    // 子项名称 「无」 means no sub-item.
    expect(second).toMatchObject({ seq: "2", name: "拆除人民防空工程的审批", subItems: [], rows: [8] });
    expect(third).toMatchObject({ seq: "3", name: "人民防空警报设施拆除审批", subItems: [] });
    expect(sheet(result, "其他行政权力（5项）").parsedItems[4].name).toBe("安装防空警报设施");
  });

  it("a 「2,3」 序号 never occurs in the fixtures, so counts match with either reading", () => {
    // README: 「a 序号 such as 「2,3」 stands for two numbered items written in one row」. None
    // of the six files has one, so their sheet counts cannot decide the question; the parser
    // counts it as two items (the README's reading), see the synthetic test below.
    for (const file of fixtureFiles) {
      for (const item of fixture(file).items) expect(item.seqCount).toBe(1);
    }
  });
});

describe("synthetic workbooks", () => {
  it("reads a UTF-8 CSV without BOM", () => {
    const csv = "序号,事项名称,权力类型,实施依据\n1,对违法排污的处罚,行政处罚,【法律】《中华人民共和国环境保护法》\n2,排污许可,行政许可,【法规】《排污许可管理条例》\n";
    const result = parseWorkbook(Buffer.from(csv, "utf8"), "list.csv");
    expect(result.ok).toBe(true);
    expect(result.format).toBe("csv");
    const s = result.sheets[0];
    expect(s.headerRow).toBe(1);
    expect(s.items).toBe(2);
    expect(s.parsedItems[0]).toMatchObject({ seq: "1", name: "对违法排污的处罚", powerType: "行政处罚", legalBasis: "【法律】《中华人民共和国环境保护法》" });
  });

  it("reads a UTF-8 CSV with BOM and a GBK (GB18030) CSV", () => {
    const csv = "序号,事项名称,权力类型\r\n1,对违反规定的处罚,行政处罚\r\n2,审批事项,行政许可\r\n";
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv, "utf8")]);
    // SheetJS's codepage tables (the ESM build exports `utils` at module level).
    const { utils } = cpexcel as unknown as { utils: { encode(cp: number, text: string): Uint8Array | number[] } };
    const gbk = Buffer.from(utils.encode(936, csv));
    expect(gbk.equals(Buffer.from(csv, "utf8"))).toBe(false);
    for (const [bytes, name] of [[bom, "bom.csv"], [gbk, "gbk.csv"]] as const) {
      const result = parseWorkbook(bytes, name);
      expect(result.ok).toBe(true);
      expect(result.sheets[0].parsedItems.map((i) => [i.name, i.powerType])).toEqual([
        ["对违反规定的处罚", "行政处罚"],
        ["审批事项", "行政许可"],
      ]);
    }
    expect(parseWorkbook(gbk, "gbk.csv").notices.join()).toContain("GB18030");
  });

  it("keeps CSV codes as text (leading zeros)", () => {
    const csv = "序号,事项编码,事项名称,权力类型\n1,000123,事项甲,行政检查\n";
    expect(parseWorkbook(Buffer.from(csv), "c.csv").items[0].code).toBe("000123");
  });

  it("skips title rows above the header and note rows below the data", () => {
    const buffer = book([
      {
        name: "清单",
        rows: [
          ["某区2025年权责清单", null, null, null, null, null, null],
          ["填报单位：某区市场监管局", null, null, null, null, null, null],
          HEADER,
          [1, "对无照经营的处罚", "", "行政处罚", "【法规】《无证无照经营查处办法》", "县市区级", ""],
          [2, "食品经营许可", "", "行政许可", "【法律】《中华人民共和国食品安全法》", "县市区级", ""],
          ["备注：本清单根据法律法规动态调整。", null, null, null, null, null, null],
          ["注：县市区级指区本级", null, null, null, null, null, null],
          ["合计：2项", null, null, null, null, null, null],
        ],
        merges: ["A1:G1", "A6:G6"],
      },
    ]);
    const s = parseWorkbook(buffer, "notes.xlsx").sheets[0];
    expect(s.headerRow).toBe(3);
    expect(s.items).toBe(2);
    expect(s.parsedItems.map((i) => i.name)).toEqual(["对无照经营的处罚", "食品经营许可"]);
    expect(s.skipped.map((k) => k.row)).toEqual([6, 7, 8]);
    expect(s.skipped[0].reason).toContain("备注");
    expect(s.skipped[1].reason).toContain("备注");
    expect(s.skipped[2].reason).toContain("合计");
    expect(s.rows).toBe(5);
  });

  it("carries merged 序号 and 事项名称 down over their sub-item rows", () => {
    const buffer = book([
      {
        name: "Sheet1",
        rows: [
          HEADER,
          [1, "建设工程消防验收", "1.特殊建设工程消防验收", "行政许可", "【法律】《中华人民共和国消防法》第十三条", "地州市级", ""],
          [null, null, "2.其他建设工程消防验收备案", "行政许可", "【法律】《中华人民共和国消防法》第十三条", "县市区级", ""],
          [null, null, "3.消防设计审查", "行政许可", "【法律】《中华人民共和国消防法》第十一条", "县市区级", ""],
          [2, "对消防安全检查", "无", "行政检查", "【法律】《中华人民共和国消防法》第五十三条", "县市区级", ""],
        ],
        merges: ["A2:A4", "B2:B4"],
      },
    ]);
    const s = parseWorkbook(buffer, "merged.xlsx").sheets[0];
    expect(s.items).toBe(2);
    expect(s.subItems).toBe(3);
    const [first, second] = s.parsedItems;
    expect(first.name).toBe("建设工程消防验收");
    expect(first.rows).toEqual([2, 3, 4]);
    expect(first.subItems.map((x) => [x.row, x.subItemName, x.implementationLevel])).toEqual([
      [2, "1.特殊建设工程消防验收", "地州市级"],
      [3, "2.其他建设工程消防验收备案", "县市区级"],
      [4, "3.消防设计审查", "县市区级"],
    ]);
    // Differing values stay on the sub-items only; shared ones are on the main item too.
    expect(first.implementationLevel).toBeUndefined();
    expect(first.legalBasis).toBeUndefined();
    expect(first.powerType).toBe("行政许可");
    expect(second).toMatchObject({ seq: "2", name: "对消防安全检查", subItems: [], implementationLevel: "县市区级" });
  });

  it("groups per-level rows (no 子项 name) and unmerged continuation rows under their item", () => {
    const buffer = book([
      {
        name: "Sheet1",
        rows: [
          HEADER,
          [1, "对违法建设的处罚", null, "行政处罚", "【法律】《中华人民共和国城乡规划法》第六十四条", "自治区级", ""],
          [null, null, null, null, null, "地州市级", ""],
          [null, null, null, null, null, "县市区级", ""],
          // Unmerged layout: 序号 and 名称 only on the first row, 子项 below.
          [2, "户外广告设置审批", "户外广告设置", "行政许可", "【规章】《城市市容和环境卫生管理条例》", "县市区级", ""],
          [null, null, "大型户外广告设置", null, null, "地州市级", ""],
        ],
        merges: ["A2:A4", "B2:B4", "D2:D4", "E2:E4"],
      },
    ]);
    const s = parseWorkbook(buffer, "levels.xlsx").sheets[0];
    expect(s.items).toBe(2);
    const [first, second] = s.parsedItems;
    expect(first.subItems.map((x) => x.implementationLevel)).toEqual(["自治区级", "地州市级", "县市区级"]);
    expect(first.legalBasis).toBe("【法律】《中华人民共和国城乡规划法》第六十四条");
    expect(first.subItems.every((x) => x.powerType === "行政处罚")).toBe(true);
    expect(second.subItems.map((x) => [x.row, x.subItemName])).toEqual([
      [5, "户外广告设置"],
      [6, "大型户外广告设置"],
    ]);
    expect(s.subItems).toBe(5);
  });

  it("treats 「1.1」「1.2」 under 「1」 as sub-items and appends text carried over to the next row", () => {
    const buffer = book([
      {
        name: "S",
        rows: [
          ["序号", "事项名称", "子项名称", "权力类型", "实施依据", "备注"],
          [1, "事项甲", "", "行政许可", "【法律】第一部分", ""],
          [null, null, null, null, "【法规】第二部分（续）", null],
          [2, "事项乙", "", "行政处罚", "依据乙", ""],
          ["2.1", "子项一", "", "行政处罚", "依据乙1", ""],
          ["2.2", "子项二", "", "行政处罚", "依据乙2", ""],
          [3, "事项丙", "", "行政检查", "依据丙", ""],
          ["注：本表由某局提供", null, null, null, null, "2025年1月"],
        ],
      },
    ]);
    const s = parseWorkbook(buffer, "children.xlsx").sheets[0];
    expect(s.items).toBe(3);
    const [first, second, third] = s.parsedItems;
    expect(first).toMatchObject({ rows: [2, 3], legalBasis: "【法律】第一部分\n【法规】第二部分（续）", subItems: [] });
    expect(second).toMatchObject({ seq: "2", name: "事项乙", rows: [4, 5, 6], legalBasis: "依据乙", powerType: "行政处罚" });
    expect(second.subItems.map((x) => [x.row, x.subItemName, x.legalBasis])).toEqual([
      [5, "子项一", "依据乙1"],
      [6, "子项二", "依据乙2"],
    ]);
    expect(third.subItems).toEqual([]);
    expect(s.subItems).toBe(2);
    expect(s.skipped).toEqual([{ row: 8, reason: "备注/说明行「注：本表由某局提供」" }]);
  });

  it("reads an HTML table saved as .xls", () => {
    const html =
      '<html><head><meta charset="utf-8"></head><body><table>' +
      '<tr><td colspan="3">某局权责清单</td></tr><tr><td>序号</td><td>事项名称</td><td>权力类型</td></tr>' +
      "<tr><td>1</td><td>事项甲</td><td>行政许可</td></tr><tr><td>2</td><td>事项乙</td><td>行政处罚</td></tr>" +
      "</table></body></html>";
    const result = parseWorkbook(Buffer.from(html), "export.xls");
    expect(result.format).toBe("html");
    expect(result.sheets[0].headerRow).toBe(2);
    expect(result.items.map((i) => [i.name, i.powerType])).toEqual([
      ["事项甲", "行政许可"],
      ["事项乙", "行政处罚"],
    ]);
  });

  it("takes the power type from the sheet name when there is no type column", () => {
    const buffer = book([
      { name: "行政处罚（2项）", rows: [["序号", "事项名称", "实施依据"], [1, "处罚甲", "依据甲"], [2, "处罚乙", "依据乙"]] },
      { name: "行政检查(1项)", rows: [["序号", "事项名称", "实施依据"], [1, "检查甲", "依据丙"]] },
      { name: "其他职权3项", rows: [["序号", "事项名称"], [1, "其他甲"], [2, "其他乙"]] },
    ]);
    const result = parseWorkbook(buffer, "types.xlsx");
    expect(result.sheets.map((s) => [s.sheetPowerType, s.statedCount, s.items])).toEqual([
      ["行政处罚", 2, 2],
      ["行政检查", 1, 1],
      ["其他行政权力", 3, 2],
    ]);
    expect(result.items.map((i) => [i.name, i.powerType, i.powerTypeSource])).toEqual([
      ["处罚甲", "行政处罚", "sheet"],
      ["处罚乙", "行政处罚", "sheet"],
      ["检查甲", "行政检查", "sheet"],
      ["其他甲", "其他行政权力", "sheet"],
      ["其他乙", "其他行政权力", "sheet"],
    ]);
    expect(result.sheets[2].warnings).toContain("工作表名称标明 3 项，实际识别到 2 项，请核对");
  });

  it("uses section title rows (「一、行政许可」) as the type of the rows below", () => {
    const buffer = book([
      {
        name: "清单",
        rows: [
          ["序号", "事项名称", "实施依据"],
          ["一、行政许可（1项）", null, null],
          [1, "许可甲", "依据"],
          ["二", "行政确认", null],
          [2, "确认甲", "依据"],
          [3, "确认乙", "依据"],
        ],
        merges: ["A2:C2"],
      },
    ]);
    const s = parseWorkbook(buffer, "sections.xlsx").sheets[0];
    expect(s.parsedItems.map((i) => [i.name, i.powerType, i.powerTypeSource])).toEqual([
      ["许可甲", "行政许可", "section"],
      ["确认甲", "行政确认", "section"],
      ["确认乙", "行政确认", "section"],
    ]);
    expect(s.skipped.map((k) => k.row)).toEqual([2, 4]);
  });

  it("counts a 「2,3」 序号 as two items, kept as one entry with a warning", () => {
    const buffer = book([
      {
        name: "行政处罚（5项）",
        rows: [
          ["序号", "事项名称", "权力类型"],
          [1, "处罚甲", "行政处罚"],
          ["2,3", "对未按规定报送资料、拒绝检查的处罚", "行政处罚"],
          ["4、5", "处罚丁", "行政处罚"],
        ],
      },
    ]);
    const s = parseWorkbook(buffer, "seq.xlsx").sheets[0];
    expect(s.parsedItems).toHaveLength(3);
    expect(s.parsedItems.map((i) => [i.seq, i.seqCount])).toEqual([
      ["1", 1],
      ["2,3", 2],
      ["4、5", 2],
    ]);
    expect(s.items).toBe(5);
    expect(s.items).toBe(s.statedCount);
    expect(s.parsedItems[1].issues).toEqual([
      expect.objectContaining({ level: "warning", field: "seq", message: expect.stringContaining("按 2 项计数") }),
    ]);
    expect(parseSeq("2，3").count).toBe(2);
    expect(parseSeq("7~9").count).toBe(3);
    expect(parseSeq("1-1").count).toBe(1);
  });

  it("warns about an unknown power type, keeps the raw text, and accepts a typeMap", () => {
    const rows: Cell[][] = [
      ["序号", "事项名称", "权力类型"],
      [1, "二手车经营备案", "行政备案"],
      [2, "对违法行为的监督", "行政监督"],
    ];
    const plain = parseWorkbook(book([{ name: "Sheet1", rows }]), "types.xlsx");
    const [first, second] = plain.items;
    expect(first).toMatchObject({ powerType: "行政备案", powerTypeKnown: false });
    expect(first.issues).toEqual([expect.objectContaining({ level: "warning", field: "powerType", message: expect.stringContaining("无法识别的权力类型「行政备案」") })]);
    expect(second).toMatchObject({ powerType: "行政检查", powerTypeKnown: true, powerTypeRaw: "行政监督" });
    expect(plain.sheets[0].warnings.some((w) => w.includes("行政备案"))).toBe(true);

    const mapped = parseWorkbook(book([{ name: "Sheet1", rows }]), "types.xlsx", { typeMap: { 行政备案: "其他行政权力" } });
    expect(mapped.items[0]).toMatchObject({ powerType: "其他行政权力", powerTypeKnown: true, powerTypeRaw: "行政备案" });
    expect(mapped.items[0].issues).toEqual([]);
  });

  it("warns about duplicate items (same name, sub-item and type) within the file", () => {
    const buffer = book([
      { name: "A", rows: [["序号", "事项名称", "子项名称", "权力类型"], [1, "对违法排污的处罚", "", "行政处罚"], [2, "对违法 排污的处罚", "", "行政处罚"], [3, "对违法排污的处罚", "", "行政强制"]] },
      { name: "B", rows: [["序号", "事项名称", "子项名称", "权力类型"], [1, "对违法排污的处罚", "", "行政处罚"]] },
    ]);
    const result = parseWorkbook(buffer, "dup.xlsx");
    const issues = result.items.map((i) => i.issues.map((x) => x.message));
    expect(issues[0]).toEqual([]);
    expect(issues[1]).toEqual(["与第 2 行的事项重复（事项名称和权力类型相同）"]);
    expect(issues[2]).toEqual([]); // another type
    expect(issues[3]).toEqual(["与工作表「A」第 2 行的事项重复（事项名称和权力类型相同）"]);
  });

  it("flags an item without a name as an error and skips rows with only a 序号", () => {
    const buffer = book([
      { name: "Sheet1", rows: [["序号", "事项名称", "权力类型", "实施依据"], [1, "事项甲", "行政许可", "依据"], [2, null, "行政许可", "依据乙"], [3, null, null, null]] },
    ]);
    const s = parseWorkbook(buffer, "noname.xlsx").sheets[0];
    expect(s.parsedItems).toHaveLength(2);
    expect(s.parsedItems[1].issues).toEqual([{ level: "error", field: "name", message: "缺少事项名称" }]);
    expect(s.warnings).toContain("第 3 行：【错误】缺少事项名称");
    expect(s.skipped).toEqual([{ row: 4, reason: "只有序号「3」，没有事项内容" }]);
  });

  it("combines a two-row header (merged group header with sub-columns)", () => {
    const buffer = book([
      {
        name: "Sheet1",
        rows: [
          ["序号", "事项名称", "权力类型", "责任事项", null, "时限", null],
          [null, null, null, "责任事项内容", "责任事项依据", "法定", "承诺"],
          [1, "事项甲", "行政许可", "1.受理责任", "【法律】《行政许可法》", "20个工作日", "5个工作日"],
        ],
        merges: ["A1:A2", "B1:B2", "C1:C2", "D1:E1", "F1:G1"],
      },
    ]);
    const s = parseWorkbook(buffer, "two-row.xlsx").sheets[0];
    expect(s.headerRow).toBe(1);
    expect(s.headerRowCount).toBe(2);
    expect(s.columns.map((c) => c.field)).toEqual([
      "seq", "name", "powerType", "responsibilities", "responsibilityBasis", "statutoryTimeLimit", "promisedTimeLimit",
    ]);
    expect(s.columns[5].header).toBe("时限/法定");
    expect(s.parsedItems[0]).toMatchObject({ name: "事项甲", statutoryTimeLimit: "20个工作日", promisedTimeLimit: "5个工作日" });
    expect(s.skipped).toEqual([]);
  });

  it("prefers the more specific of two columns for the same identifying field", () => {
    const buffer = book([
      { name: "S", rows: [["序号", "项目", "事项名称", "权力类型"], [1, "市场监管", "对无照经营的处罚", "行政处罚"]] },
    ]);
    const s = parseWorkbook(buffer, "two-names.xlsx").sheets[0];
    expect(s.columns.map((c) => c.field)).toEqual(["seq", null, "name", "powerType"]);
    expect(s.parsedItems[0]).toMatchObject({ name: "对无照经营的处罚", extra: { 项目: "市场监管" } });
  });

  it("skips repeated headers and column-number rows", () => {
    const buffer = book([
      {
        name: "Sheet1",
        rows: [
          ["序号", "事项名称", "权力类型", "备注"],
          [1, 2, 3, 4],
          [1, "事项甲", "行政许可", ""],
          ["序号", "事项名称", "权力类型", "备注"],
          [2, "事项乙", "行政确认", ""],
        ],
      },
    ]);
    const s = parseWorkbook(buffer, "repeat.xlsx").sheets[0];
    expect(s.parsedItems.map((i) => i.name)).toEqual(["事项甲", "事项乙"]);
    expect(s.skipped).toEqual([
      { row: 2, reason: "列序号行" },
      { row: 4, reason: "重复的表头行" },
    ]);
  });

  it("applies a user column map for unrecognised or wrongly recognised columns", () => {
    const rows: Cell[][] = [["编号", "清单事项", "权力类型", "备注"], ["XK-01", "事项甲", "行政许可", "无"], ["XK-02", "事项乙", "行政许可", "说明"]];
    const withoutMap = parseWorkbook(book([{ name: "S", rows }]), "map.xlsx");
    expect(withoutMap.ok).toBe(false);
    expect(withoutMap.sheets[0].status).toBe("skipped");
    const withMap = parseWorkbook(book([{ name: "S", rows }]), "map.xlsx", { columnMap: { S: { 1: "name", 3: null } } });
    expect(withMap.ok).toBe(true);
    const s = withMap.sheets[0];
    expect(s.columns.map((c) => c.field)).toEqual(["code", "name", "powerType", null]);
    expect(withMap.items.map((i) => [i.code, i.name, i.remarks])).toEqual([
      ["XK-01", "事项甲", undefined],
      ["XK-02", "事项乙", undefined],
    ]);
    expect(withMap.items[1].extra).toEqual({ 备注: "说明" });
  });

  it("reports empty and hidden sheets as skipped sheets, not errors", () => {
    const buffer = book([
      { name: "说明", rows: [] },
      { name: "清单", rows: [["序号", "事项名称", "权力类型"], [1, "事项甲", "行政许可"]] },
      { name: "旧版", rows: [["序号", "事项名称", "权力类型"], [1, "旧事项", "行政许可"]], hidden: true },
    ]);
    const result = parseWorkbook(buffer, "sheets.xlsx");
    expect(result.ok).toBe(true);
    expect(result.sheets.map((s) => [s.name, s.status, s.skipReason ?? null])).toEqual([
      ["说明", "skipped", "空工作表，已跳过"],
      ["清单", "parsed", null],
      ["旧版", "skipped", "隐藏的工作表，已跳过（如需导入请先取消隐藏）"],
    ]);
    expect(result.itemCount).toBe(1);
  });

  it("reads legacy .xls (BIFF8) and an .xls name holding an xlsx", () => {
    const rows: Cell[][] = [["序号", "事项名称", "权力类型"], [1, "事项甲", "行政许可"]];
    const biff = parseWorkbook(book([{ name: "S", rows }], "biff8"), "old.xls");
    expect(biff.format).toBe("xls");
    expect(biff.items[0].name).toBe("事项甲");
    const mislabelled = parseWorkbook(book([{ name: "S", rows }], "xlsx"), "really-xlsx.xls");
    expect(mislabelled.ok).toBe(true);
    expect(mislabelled.format).toBe("xlsx");
    expect(mislabelled.notices.join()).toContain("新版 Excel");
  });
});

describe("bad input", () => {
  it("rejects an empty file", () => {
    const result = parseWorkbook(Buffer.alloc(0), "empty.xlsx");
    expect(result).toMatchObject({ ok: false, sheets: [] });
    expect(result.error).toContain("文件为空");
  });

  it("rejects a PNG renamed .xlsx", () => {
    const png = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex");
    const result = parseWorkbook(png, "picture.xlsx");
    expect(result.ok).toBe(false);
    expect(result.error).toContain("不是电子表格");
    expect(result.error).toContain("PNG");
  });

  it("rejects random bytes and plain text renamed .xlsx", () => {
    const random = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
    const r1 = parseWorkbook(random, "random.xlsx");
    expect(r1.ok).toBe(false);
    expect(r1.error).toContain("不是电子表格");
    const r2 = parseWorkbook(Buffer.from("这不是表格，只是一段文字。\nHello world"), "notes.xlsx");
    expect(r2.ok).toBe(false);
    expect(r2.error).toContain("不是 Excel 工作簿");
  });

  it("rejects other Office files (a Word document renamed .xlsx)", () => {
    const cfb = XLSX.CFB.utils.cfb_new();
    XLSX.CFB.utils.cfb_add(cfb, "/word/document.xml", Buffer.from("<w:document/>"));
    const bareZip = Buffer.from(XLSX.CFB.write(cfb, { type: "buffer", fileType: "zip" }) as Uint8Array);
    const zipResult = parseWorkbook(bareZip, "archive.xlsx");
    expect(zipResult.ok).toBe(false);
    expect(zipResult.error).toContain("不是有效的 Excel 工作簿");
    XLSX.CFB.utils.cfb_add(
      cfb,
      "/[Content_Types].xml",
      Buffer.from(
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
          '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      ),
    );
    const docx = Buffer.from(XLSX.CFB.write(cfb, { type: "buffer", fileType: "zip" }) as Uint8Array);
    const result = parseWorkbook(docx, "report.xlsx");
    expect(result.ok).toBe(false);
    expect(result.error).toContain("没有 Excel 工作簿");
  });

  it("rejects a file over 20 MB without parsing it", () => {
    expect(MAX_IMPORT_BYTES).toBe(20 * 1024 * 1024);
    const result = parseWorkbook(Buffer.alloc(MAX_IMPORT_BYTES + 1), "huge.xlsx");
    expect(result.ok).toBe(false);
    expect(result.error).toContain("文件过大");
    expect(result.error).toContain("20 MB");
  });

  it("says so for an encrypted (password-protected) workbook", () => {
    // An encrypted OOXML file is an OLE container with EncryptionInfo + EncryptedPackage.
    const cfb = XLSX.CFB.utils.cfb_new();
    const info = Buffer.alloc(64);
    info.writeUInt16LE(4, 0);
    info.writeUInt16LE(4, 2);
    info.writeUInt32LE(0x40, 4);
    info.write('<?xml version="1.0"?><encryption/>', 8);
    XLSX.CFB.utils.cfb_add(cfb, "/EncryptionInfo", info);
    XLSX.CFB.utils.cfb_add(cfb, "/EncryptedPackage", Buffer.alloc(4096, 0x5a));
    const encrypted = Buffer.from(XLSX.CFB.write(cfb, { type: "buffer" }) as Uint8Array);
    const result = parseWorkbook(encrypted, "secret.xlsx");
    expect(result.ok).toBe(false);
    expect(result.error).toContain("加密");
  });

  it("rejects a workbook where no sheet has a recognisable header", () => {
    const buffer = book([
      { name: "数据", rows: [["甲", "乙", "丙"], [1, 2, 3], ["a", "b", "c"]] },
      { name: "空", rows: [] },
    ]);
    const result = parseWorkbook(buffer, "noheader.xlsx");
    expect(result.ok).toBe(false);
    expect(result.error).toContain("表头");
    expect(result.sheets.map((s) => s.status)).toEqual(["skipped", "skipped"]);
  });

  it("rejects a workbook whose sheets are all empty", () => {
    const result = parseWorkbook(book([{ name: "S", rows: [] }]), "blank.xlsx");
    expect(result.ok).toBe(false);
    expect(result.error).toContain("空");
  });

  it("never throws on truncated spreadsheets", () => {
    const whole = book([{ name: "S", rows: [["序号", "事项名称"], [1, "事项甲"]] }]);
    for (const length of [10, 100, 500, whole.length - 10]) {
      const result = parseWorkbook(whole.subarray(0, length), "cut.xlsx");
      expect(result.ok).toBe(false);
      expect(result.error).toBeTruthy();
    }
  });
});

describe("dictionaries", () => {
  it("matches header synonyms after normalising whitespace, width and parentheses", () => {
    expect(matchHeader("事项\n名称")).toBe("name");
    expect(matchHeader("序  号")).toBe("seq");
    expect(matchHeader("追责对\n象范围")).toBe("accountableParties");
    expect(matchHeader("法定期限（天/日）")).toBe("statutoryTimeLimit");
    expect(matchHeader("权力事项名称(主项)")).toBe("name");
    expect(matchHeader("设定和实施依据")).toBe("legalBasis");
    expect(matchHeader("责任事项的依据")).toBe("responsibilityBasis");
    expect(matchHeader("原实施部门")).toBe("department");
    expect(matchHeader("所属领域")).toBe("domain");
    expect(matchHeader("投诉电话")).toBe("supervisionPhone");
    expect(matchHeader("承诺办结时限")).toBe("promisedTimeLimit");
    expect(matchHeader("收费（征收）依据和标准")).toBe("chargesFee");
    expect(matchHeader("所属行政区划")).toBeNull();
    expect(matchHeader("对违反科技成果管理规定行为的处罚")).toBeNull();
  });

  it("normalises power types and their synonyms", () => {
    expect(normalisePowerType("行政\n处罚")).toBe("行政处罚");
    expect(normalisePowerType("行政监督")).toBe("行政检查");
    expect(normalisePowerType("其他职权")).toBe("其他行政权力");
    expect(normalisePowerType("其他权力")).toBe("其他行政权力");
    expect(normalisePowerType("行政许可（3项）")).toBe("行政许可");
    expect(normalisePowerType("公共服务事项")).toBe("公共服务");
    expect(normalisePowerType("行政强制措施")).toBe("行政强制");
    expect(normalisePowerType("其他")).toBe("其他");
    expect(normalisePowerType("行政备案")).toBeNull();
    expect(normalisePowerType("行政许可、行政确认")).toBeNull();
    expect(normalisePowerType("")).toBeNull();
    expect(parseSheetName("行政许可(3项)")).toEqual({ powerType: "行政许可", statedCount: 3 });
    expect(parseSheetName("Sheet1")).toEqual({ powerType: null, statedCount: null });
  });
});
