/**
 * A realistic, large 权责清单 workbook for benchmarks and tests: a title row merged across the
 * width, one header row, and main items of which every fifth spans three sub-item rows (per
 * implementation level) with its 序号 and 事项名称 merged over them, long legal-basis texts.
 */
import * as XLSX from "@e965/xlsx";

const HEADER = [
  "序号",
  "事项名称",
  "子项名称",
  "权力类型",
  "实施依据",
  "行使主体",
  "承办机构",
  "实施层级及权限",
  "部门职责",
  "责任事项内容",
  "责任事项依据",
  "追责对象范围",
  "追责情形",
  "备注",
] as const;

const TYPES = ["行政处罚", "行政许可", "行政检查", "行政强制", "行政确认", "其他行政权力"] as const;
const LEVELS = ["自治区级", "地州市级", "县市区级"] as const;
const SUBJECTS = ["市场监督管理局", "城市管理局", "应急管理局", "生态环境局", "卫生健康委员会", "交通运输局"] as const;

/** Rows taken by main item `i` (0-based): every fifth item has three sub-item rows. */
function rowsOfItem(i: number): number {
  return i % 5 === 0 ? LEVELS.length : 1;
}

/** What {@link generateCatalogueWorkbook}(rows) contains: main items and sub-item rows. */
export function benchLayout(rows: number): { items: number; subItems: number } {
  let used = 0;
  let items = 0;
  let subItems = 0;
  for (let i = 0; used < rows; i++) {
    const span = Math.min(rowsOfItem(i), rows - used);
    items++;
    if (rowsOfItem(i) > 1) subItems += span;
    used += span;
  }
  return { items, subItems };
}

/** A workbook with a title row, a header row and `rows` data rows (xlsx bytes). */
export function generateCatalogueWorkbook(rows: number): Buffer {
  const width = HEADER.length;
  const aoa: (string | number)[][] = [["某市某区2025年权责清单", ...Array<string>(width - 1).fill("")], [...HEADER]];
  const merges: XLSX.Range[] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: width - 1 } }];
  let used = 0;
  for (let i = 0; used < rows; i++) {
    const span = Math.min(rowsOfItem(i), rows - used);
    const type = TYPES[i % TYPES.length];
    const subject = SUBJECTS[i % SUBJECTS.length];
    const name = `对违反第${i + 1}号管理规定的${type === "行政处罚" ? "处罚" : type.replace("行政", "")}`;
    const basis =
      `【法律】《中华人民共和国某某管理法》（${2000 + (i % 24)}年${(i % 12) + 1}月${(i % 28) + 1}日第十届全国人民代表大会常务委员会第${(i % 30) + 1}次会议通过）\n` +
      `第${(i % 90) + 10}条：违反本法规定，有下列行为之一的，由县级以上人民政府有关主管部门责令改正，给予警告，可以并处一万元以上十万元以下的罚款；情节严重的，责令停产停业。\n` +
      `【法规】《某某管理条例》（国务院令第${600 + (i % 200)}号）第${(i % 50) + 1}条。`;
    const firstRow = aoa.length;
    for (let k = 0; k < span; k++) {
      const multi = rowsOfItem(i) > 1;
      aoa.push([
        k === 0 ? i + 1 : "",
        k === 0 ? name : "",
        multi ? `${name}（${LEVELS[k]}）` : "无",
        type,
        basis,
        `${multi ? LEVELS[k].replace("级", "") : "市"}${subject}`,
        `${subject}执法科`,
        multi ? LEVELS[k] : "地州市级",
        `负责本行政区域内第${i + 1}号管理规定执行情况的监督管理`,
        "1.受理责任：依法受理或不予受理，并一次性告知不予受理理由。\n2.审查责任：对材料进行审查，提出审查意见。\n3.决定责任：作出决定，法定告知。\n4.送达责任：依法送达并信息公开。",
        "【法律】《中华人民共和国行政处罚法》第三十九条、第四十条。",
        "1.具体承办人；\n2.内设机构负责人；\n3.单位法定代表人或分管领导。",
        "因不履行或不正确履行行政职责，有下列情形的，行政机关及相关工作人员应承担相应责任：\n1.没有法律和事实依据实施行政处罚的；\n2.违反法定程序实施的；\n3.其他违反法律法规规章规定的行为。",
        "",
      ]);
    }
    if (span > 1) {
      merges.push({ s: { r: firstRow, c: 0 }, e: { r: firstRow + span - 1, c: 0 } });
      merges.push({ s: { r: firstRow, c: 1 }, e: { r: firstRow + span - 1, c: 1 } });
    }
    used += span;
  }
  const ws = XLSX.utils.aoa_to_sheet(aoa);
  ws["!merges"] = merges;
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, "权责清单");
  return XLSX.write(wb, { type: "buffer", bookType: "xlsx", compression: true }) as Buffer;
}
