import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { GET as listTypesGET } from "@/app/api/public/list-types/route";
import { GET as listsGET } from "@/app/api/public/lists/route";
import { GET as typedListGET } from "@/app/api/public/typed-lists/[id]/route";
import { GET as downloadGET } from "@/app/(public)/typed-lists/[id]/download/route";
import {
  createListTypeAction,
  createTypedListAction,
  importTypedRowsAction,
  previewTypedImportAction,
  publishTypedListAction,
  removeTypedRowAction,
  reviewTypedListAction,
  saveTypedRowAction,
  submitTypedListAction,
  updateListTypeAction,
} from "@/lib/list-types/actions";
import { listTypeForEdit, typedListsOverview, unitsWithoutList } from "@/lib/list-types/queries";
import { can } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/types";
import { XUZHOU_LIST_TYPES } from "@/prisma/seed-data/list-types";
import { actAs, auditCount, prisma, unitId } from "./helpers";

// 各类清单 (issue 13): list types, typed lists drafted, reviewed and published as immutable
// versions that keep the columns they were published with; the open-data API.


const BASE = "http://portal.test";
const get = (path: string) => new Request(`${BASE}${path}`);
const ctx = (id: string | number) => ({ params: Promise.resolve({ id: String(id) }) });
type Json = Record<string, unknown> & { items: Record<string, unknown>[]; total: number; error?: { code: string; message: string; parameter?: string } };
const body = async (res: Response) => ({ status: res.status, json: (await res.json()) as Json });

// Loosely typed on purpose: the refusals below send what the schema does not accept.
const typeInput = (over: Record<string, unknown> = {}): never => ({
  code: "demo-hotline",
  name: "便民热线事项清单",
  unitKinds: ["STREET", "TOWNSHIP"],
  fields: [
    { key: "name", label: "事项名称", type: "text", required: true },
    { key: "hours", label: "受理时限", type: "workingDays", required: true },
    { key: "phone", label: "咨询电话", type: "phone", required: false },
  ],
  sections: [],
  stages: ["编办审核"],
  ...over,
}) as never;

describe("the seeded 徐州 list types", () => {
  it("GET /api/public/list-types lists the six types with their columns", async () => {
    const { status, json } = await body(await listTypesGET(get("/api/public/list-types")));
    expect(status).toBe(200);
    const codes = json.items.map((t) => t.code);
    for (const t of XUZHOU_LIST_TYPES) expect(codes).toContain(t.code);
    const service = json.items.find((t) => t.code === "xz-public-service") as { name: string; unitKinds: string[]; fields: { key: string; label: string; type: string }[] };
    expect(service.name).toBe("公共服务事项清单");
    expect(service.unitKinds).toEqual(["STREET", "TOWNSHIP"]);
    expect(service.fields.map((f) => f.label)).toEqual(expect.arrayContaining(["服务对象", "办理条件", "申请材料", "办理流程", "法定时限", "承诺时限", "收费", "办理地点", "咨询电话"]));
    const sharing = json.items.find((t) => t.code === "xz-info-sharing") as { fields: { label: string; type: string }[] };
    expect(sharing.fields.map((f) => f.label)).toEqual(expect.arrayContaining(["信息名称", "提供单位", "使用单位", "共享方式", "更新频率", "共享条件"]));
  });

  it("each type has a published list, readable through the API and downloadable as .xlsx in Chinese", async () => {
    for (const t of XUZHOU_LIST_TYPES) {
      const { status, json } = await body(await listsGET(get(`/api/public/lists?type=${t.code}`)));
      expect(status, t.code).toBe(200);
      expect(json.total, t.code).toBeGreaterThanOrEqual(1);
      expect(json.items[0]).toMatchObject({ type: t.code, typeName: t.name, version: 1 });
      const id = json.items[0].id as number;
      const detail = await body(await typedListGET(get(`/api/public/typed-lists/${id}`), ctx(id)));
      expect(detail.json).toMatchObject({ type: t.code, title: `清河镇人民政府${t.name}` });
      expect(detail.json.items.length).toBe(t.rows.length);
      const res = await downloadGET(get(`/typed-lists/${id}/download?format=xlsx`), ctx(id));
      expect(res.headers.get("Content-Type")).toContain("spreadsheetml");
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
      const sheet = wb.worksheets[0];
      expect(String(sheet.getCell(1, 1).value)).toBe(`清河镇人民政府${t.name}`);
      const header = (sheet.getRow(3).values as unknown[]).map(String);
      for (const f of t.fields) expect(header, t.code).toContain(f.label);
    }
    // CSV and PDF of one of them.
    const one = (await body(await listsGET(get("/api/public/lists?type=xz-info-sharing")))).json.items[0].id as number;
    const csv = Buffer.from(await (await downloadGET(get(`/typed-lists/${one}/download?format=csv`), ctx(one))).arrayBuffer());
    // A byte-order mark first, so Excel reads the Chinese.
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString("utf8").slice(1).split("\r\n")[0]).toBe("序号,信息名称,提供单位,使用单位,共享方式,更新频率,共享条件,使用用途");
    const pdf = await downloadGET(get(`/typed-lists/${one}/download?format=pdf`), ctx(one));
    expect(pdf.headers.get("Content-Type")).toBe("application/pdf");
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 4).toString()).toBe("%PDF");
    expect((await downloadGET(get(`/typed-lists/${one}/download?format=doc`), ctx(one))).status).toBe(400);
  });

  it("/api/public/lists reports each list's type; type=power-list keeps the 职权清单 only; an unknown type is a 400", async () => {
    const power = await body(await listsGET(get("/api/public/lists?type=power-list&pageSize=100")));
    expect(power.json.items.length).toBeGreaterThan(0);
    expect(power.json.items.every((l) => l.type === "power-list")).toBe(true);
    const all = await body(await listsGET(get("/api/public/lists?pageSize=100")));
    expect(all.json.total).toBe(power.json.total + XUZHOU_LIST_TYPES.length);
    expect(new Set(all.json.items.map((l) => l.type))).toEqual(new Set(["power-list", ...XUZHOU_LIST_TYPES.map((t) => t.code)]));
    // Paging runs across both: the last page holds the typed lists.
    const last = await body(await listsGET(get(`/api/public/lists?pageSize=5&page=${Math.ceil(all.json.total / 5)}`)));
    expect(last.json.items.length).toBe(all.json.total % 5 || 5);
    const bad = await body(await listsGET(get("/api/public/lists?type=nope")));
    expect(bad.status).toBe(400);
    expect(bad.json.error).toMatchObject({ code: "INVALID_PARAMETER", parameter: "type" });
    expect(bad.json.error?.message).toContain("xz-public-service");
  });
});

describe("defining a type and publishing a list of it", () => {
  it("only 编办 defines types; bad definitions are refused with Chinese messages and change nothing", async () => {
    await actAs("jiedao");
    expect(await createListTypeAction(typeInput())).toMatchObject({ ok: false, code: "FORBIDDEN" });
    await actAs("bianban");
    const bad = await createListTypeAction(
      typeInput({ code: "Bad Code", unitKinds: [], fields: [{ key: "name", label: "名称", type: "choice", required: true }, { key: "name", label: "名称", type: "text" }] }),
    );
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.code).toBe("VALIDATION");
    expect(Object.values(bad.fieldErrors ?? {}).join()).toMatch(/类型代码|单位类别|选项|重复/);
    expect(await prisma.listType.count({ where: { code: "demo-hotline" } })).toBe(0);
  });

  it("publishes an immutable version; a later change of the type alters only the next version", async () => {
    await actAs("bianban");
    const before = await auditCount({ action: "listType.create" });
    const created = await createListTypeAction(typeInput());
    if (!created.ok) throw new Error(created.message);
    expect(await auditCount({ action: "listType.create" })).toBe(before + 1);
    // A type for streets and townships cannot be drafted for a department.
    expect(await createTypedListAction({ typeId: created.data.id, unitId: await unitId("示例市司法局") })).toMatchObject({ ok: false, code: "VALIDATION" });
    const list = await createTypedListAction({ typeId: created.data.id, unitId: await unitId("南岸街道办事处") });
    if (!list.ok) throw new Error(list.message);
    const listId = list.data.id;
    const rev = async () => (await prisma.typedList.findUniqueOrThrow({ where: { id: listId } })).revision;

    // Cells are checked by their field type, with the column's name in the message.
    const bad = await saveTypedRowAction({ listId, revision: await rev(), v: { name: "", hours: "三天", phone: "abc" } });
    expect(bad).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { "v.name": "请填写事项名称", "v.hours": expect.stringContaining("受理时限"), "v.phone": expect.stringContaining("咨询电话") } });
    for (const [name, hours] of [["噪声投诉受理", "5个工作日"], ["路灯报修", "即办"], ["井盖缺失报告", "2"]]) {
      const r = await saveTypedRowAction({ listId, revision: await rev(), v: { name, hours, phone: "0516-12345678" } });
      expect(r.ok, name).toBe(true);
    }
    // A stale revision is a conflict, not a lost update.
    expect(await saveTypedRowAction({ listId, revision: 1, v: { name: "迟到的修改", hours: "1" } })).toMatchObject({ ok: false, code: "CONFLICT" });

    // Publication waits for the review stage.
    expect(await publishTypedListAction({ listId, revision: await rev(), documentNumber: "南办发〔2026〕1号" })).toMatchObject({ ok: false, code: "INVALID_STATE" });
    expect((await submitTypedListAction({ listId, revision: await rev() })).ok).toBe(true);
    expect(await saveTypedRowAction({ listId, revision: await rev(), v: { name: "审核中修改", hours: "1" } })).toMatchObject({ ok: false, code: "INVALID_STATE" });
    expect((await reviewTypedListAction({ listId, revision: await rev(), decision: "approve", opinion: "同意。" })).ok).toBe(true);
    const v1 = await publishTypedListAction({ listId, revision: await rev(), documentNumber: "南办发〔2026〕1号" });
    if (!v1.ok) throw new Error(v1.message);
    expect(v1.data.versionNo).toBe(1);

    // The database refuses to change a published version.
    await expect(prisma.typedListVersion.update({ where: { id: v1.data.versionId }, data: { title: "改过" } })).rejects.toThrow();

    // 编办 drops 咨询电话 and adds a required 承办科室.
    const type = (await listTypeForEdit(created.data.id))!;
    const changed = await updateListTypeAction({
      ...(typeInput({ fields: [type.fields[0], type.fields[1], { key: "office", label: "承办科室", type: "department", required: true }] }) as object),
      typeId: type.id,
      revision: type.revision,
    } as never);
    if (!changed.ok) throw new Error(changed.message);

    // Version 1 still reads with the columns it was published with, 咨询电话 included.
    const old = await body(await typedListGET(get(`/api/public/typed-lists/${listId}`), ctx(listId)));
    expect((old.json.fields as { label: string }[]).map((f) => f.label)).toEqual(["事项名称", "受理时限", "咨询电话"]);
    expect(old.json.items[0]).toMatchObject({ values: { name: "噪声投诉受理", hours: "5", phone: "0516-12345678" }, text: { hours: "5 个工作日" } });
    const file = await downloadGET(get(`/typed-lists/${listId}/download?format=csv&v=1`), ctx(listId));
    expect(await file.text()).toContain("咨询电话");

    // The next version needs the new column filled in before it can be published.
    const draftRows = (await prisma.typedList.findUniqueOrThrow({ where: { id: listId } })).rows as { key: string; values: Record<string, string> }[];
    expect((await submitTypedListAction({ listId, revision: await rev() })).ok).toBe(false);
    for (const row of draftRows) {
      const r = await saveTypedRowAction({ listId, revision: await rev(), rowKey: row.key, v: { ...row.values, office: "城市管理办公室" } });
      expect(r.ok).toBe(true);
    }
    expect((await removeTypedRowAction({ listId, revision: await rev(), rowKey: draftRows[2].key })).ok).toBe(true);
    expect((await submitTypedListAction({ listId, revision: await rev() })).ok).toBe(true);
    expect((await reviewTypedListAction({ listId, revision: await rev(), decision: "approve", opinion: "同意。" })).ok).toBe(true);
    const v2 = await publishTypedListAction({ listId, revision: await rev(), documentNumber: "南办发〔2026〕2号" });
    if (!v2.ok) throw new Error(v2.message);

    const current = await body(await typedListGET(get(`/api/public/typed-lists/${listId}`), ctx(listId)));
    expect((current.json.fields as { label: string }[]).map((f) => f.label)).toEqual(["事项名称", "受理时限", "承办科室"]);
    expect(current.json.items.length).toBe(2);
    const v1Again = await body(await typedListGET(get(`/api/public/typed-lists/${listId}?version=1`), ctx(listId)));
    expect((v1Again.json.fields as { label: string }[]).map((f) => f.label)).toContain("咨询电话");
    expect(v1Again.json.items.length).toBe(3);
    // Naming its version, the answer is cached for a year: no status or list of versions, which change.
    expect(v1Again.json.version).not.toHaveProperty("current");
    expect(v1Again.json).not.toHaveProperty("versions");
    expect(current.json.versions).toHaveLength(2);
    expect(await auditCount({ action: "typedList.publish", subjectId: String(listId) })).toBe(2);
  });

  it("a return sends the list back to drafting with the opinion kept", async () => {
    await actAs("bianban");
    const t = await prisma.listType.findUniqueOrThrow({ where: { code: "xz-info-sharing" } });
    const list = await createTypedListAction({ typeId: t.id, unitId: await unitId("城关镇人民政府") });
    if (!list.ok) throw new Error(list.message);
    const listId = list.data.id;
    const rev = async () => (await prisma.typedList.findUniqueOrThrow({ where: { id: listId } })).revision;
    const bad = await saveTypedRowAction({ listId, revision: await rev(), v: { name: "人口信息", provider: "县公安局", user: "城关镇", method: "邮件", frequency: "每日", conditions: "无条件共享" } });
    expect(bad).toMatchObject({ ok: false, fieldErrors: { "v.method": "共享方式只能是：接口、库表、文件" } });
    expect((await saveTypedRowAction({ listId, revision: await rev(), v: { name: "人口信息", provider: "县公安局", user: "城关镇", method: "接口", frequency: "每日", conditions: "无条件共享" } })).ok).toBe(true);
    expect((await submitTypedListAction({ listId, revision: await rev() })).ok).toBe(true);
    await actAs("jiedao");
    expect(await reviewTypedListAction({ listId, revision: await rev(), decision: "return", opinion: "补充" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    await actAs("bianban");
    expect((await reviewTypedListAction({ listId, revision: await rev(), decision: "return", opinion: "请补充使用用途。" })).ok).toBe(true);
    const after = await prisma.typedList.findUniqueOrThrow({ where: { id: listId }, include: { opinions: true } });
    expect(after.status).toBe("DRAFT");
    expect(after.opinions).toMatchObject([{ approve: false, text: "请补充使用用途。", stageName: "编办审核" }]);
  });
});

describe("importing rows from a spreadsheet", () => {
  async function workbook(rows: string[][]) {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet("Sheet1");
    rows.forEach((r) => sheet.addRow(r));
    return new Uint8Array(await wb.xlsx.writeBuffer());
  }

  it("previews every row with its problems, refuses a file with any, and appends a clean one (audited)", async () => {
    await actAs("bianban");
    const t = await prisma.listType.findUniqueOrThrow({ where: { code: "xz-public-service" } });
    const list = await createTypedListAction({ typeId: t.id, unitId: await unitId("团结镇人民政府") });
    if (!list.ok) throw new Error(list.message);
    const listId = list.data.id;
    const header = ["分类", "事项名称", "服务对象", "办理条件", "申请材料", "办理流程", "法定时限", "承诺时限", "收费", "办理地点", "咨询电话"];
    const good = ["民政服务", "临时救助申请受理", "遭遇突发事件的困难家庭", "符合临时救助条件。", "申请书；身份证。", "申请—审核—审批。", "10", "5个工作日", "免费", "团结镇为民服务中心", "0516-80000001"];
    const bad = ["民生", "", "困难群众", "无", "无", "无", "", "很快", "不收费", "团结镇", "0516-80000001"];

    const withError = await workbook([["团结镇公共服务事项清单"], header, good, bad]);
    const preview = await previewTypedImportAction({ listId, revision: 1, fileName: "服务事项.xlsx", file: withError });
    if (!preview.ok) throw new Error(preview.message);
    expect(preview.data.counts).toEqual({ ok: 1, error: 1 });
    expect(preview.data.rows[1]).toMatchObject({ rowNumber: 4, problems: expect.arrayContaining(["请填写事项名称", expect.stringContaining("承诺时限"), expect.stringContaining("分类「民生」")]) });
    expect(await importTypedRowsAction({ listId, revision: 1, fileName: "服务事项.xlsx", file: withError })).toMatchObject({ ok: false, code: "VALIDATION" });
    expect((await prisma.typedList.findUniqueOrThrow({ where: { id: listId } })).rows).toEqual([]);

    const clean = await workbook([header, good]);
    const imported = await importTypedRowsAction({ listId, revision: 1, fileName: "服务事项.xlsx", file: clean });
    expect(imported).toMatchObject({ ok: true, data: { added: 1 } });
    const after = await prisma.typedList.findUniqueOrThrow({ where: { id: listId } });
    expect(after.rows).toEqual([{ key: "1", section: "民政服务", values: expect.objectContaining({ name: "临时救助申请受理", promisedTimeLimit: "5", fee: "不收费" }) }]);
    expect(await auditCount({ action: "typedList.import", subjectId: String(listId) })).toBe(1);
  });
});

describe("typed lists by district and by unit", () => {
  /** A fresh type (one review stage) for the given kinds of unit, defined by the city 编办. */
  async function newType(code: string, unitKinds: string[]) {
    await actAs("bianban");
    const t = await createListTypeAction(typeInput({ code, name: `${code}清单`, unitKinds }));
    if (!t.ok) throw new Error(t.message);
    return t.data.id;
  }
  const as = async (username: string) => (await actAs(username)) as SessionUser;
  const rev = async (listId: number) => (await prisma.typedList.findUniqueOrThrow({ where: { id: listId } })).revision;
  const row = { name: "便民服务", hours: "3" };
  /** The city 编办 drafts a list for a unit with one row, ready to submit. */
  async function cityDraft(typeId: number, unit: string) {
    await actAs("bianban");
    const l = await createTypedListAction({ typeId, unitId: await unitId(unit) });
    if (!l.ok) throw new Error(l.message);
    expect((await saveTypedRowAction({ listId: l.data.id, revision: await rev(l.data.id), v: row })).ok).toBe(true);
    return l.data.id;
  }

  it("a district 编办 drafts, reviews and publishes its district's lists, is refused the other district's, and sees only its own", async () => {
    const typeId = await newType("demo-district", ["STREET", "TOWNSHIP", "COMMUNITY"]);
    const westId = await cityDraft(typeId, "凤凰街道办事处");

    const donghu = await as("donghu");
    // The types stay the city's.
    expect(await createListTypeAction(typeInput({ code: "demo-district-2", name: "区编办的类型" }))).toMatchObject({ ok: false, code: "FORBIDDEN" });

    // Its own district: draft, rows, submit, review, publish.
    const own = await createTypedListAction({ typeId, unitId: await unitId("东湖街道办事处") });
    if (!own.ok) throw new Error(own.message);
    const ownId = own.data.id;
    expect((await saveTypedRowAction({ listId: ownId, revision: await rev(ownId), v: row })).ok).toBe(true);
    expect((await submitTypedListAction({ listId: ownId, revision: await rev(ownId) })).ok).toBe(true);
    expect((await reviewTypedListAction({ listId: ownId, revision: await rev(ownId), decision: "approve", opinion: "同意。" })).ok).toBe(true);
    const published = await publishTypedListAction({ listId: ownId, revision: await rev(ownId), documentNumber: "东编发〔2026〕9号" });
    expect(published).toMatchObject({ ok: true, data: { versionNo: 1 } });

    // The other district: every command is refused and nothing is written.
    const before = { lists: await prisma.typedList.count(), audit: await prisma.auditLog.count({ where: { outcome: "SUCCESS" } }), west: await prisma.typedList.findUniqueOrThrow({ where: { id: westId } }) };
    const fenghuang = await unitId("凤凰街道办事处");
    const westRowKey = (before.west.rows as { key: string }[])[0].key;
    const w = { listId: westId, revision: before.west.revision };
    expect(await createTypedListAction({ typeId, unitId: fenghuang })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await saveTypedRowAction({ ...w, v: { name: "越界", hours: "1" } })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await saveTypedRowAction({ ...w, rowKey: westRowKey, v: { name: "越界", hours: "1" } })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await removeTypedRowAction({ ...w, rowKey: westRowKey })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await submitTypedListAction(w)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await reviewTypedListAction({ ...w, decision: "approve", opinion: "越界" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await publishTypedListAction({ ...w, documentNumber: "越界〔2026〕1号" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    const file = new Uint8Array(Buffer.from("事项名称,受理时限\n越界,1\n"));
    expect(await previewTypedImportAction({ ...w, file, fileName: "x.csv" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await importTypedRowsAction({ ...w, file, fileName: "x.csv" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await prisma.typedList.count()).toBe(before.lists);
    expect(await prisma.auditLog.count({ where: { outcome: "SUCCESS" } })).toBe(before.audit);
    expect(await prisma.typedList.findUniqueOrThrow({ where: { id: westId } })).toMatchObject({ revision: before.west.revision, status: "DRAFT", rows: before.west.rows });
    expect(can(donghu, "typedList.read", { type: "typedList", unitId: fenghuang })).toBe(false);
    expect(can(donghu, "typedList.read", { type: "typedList", unitId: await unitId("东湖街道办事处") })).toBe(true);

    // Reads: only the district's lists, and only its units offered for a new draft.
    const area = new Set(donghu.area!.unitIds);
    const { lists } = await typedListsOverview(donghu);
    expect(lists.map((l) => l.id)).toContain(ownId);
    expect(lists.map((l) => l.id)).not.toContain(westId);
    expect(lists.every((l) => area.has(l.unit.id))).toBe(true);
    const offered = await unitsWithoutList(typeId, donghu);
    expect(offered.length).toBeGreaterThan(0);
    expect(offered.every((u) => area.has(u.id))).toBe(true);
    const city = await typedListsOverview(await as("admin"));
    expect(city.lists.map((l) => l.id)).toEqual(expect.arrayContaining([ownId, westId]));
    expect((await unitsWithoutList(typeId, await as("admin"))).some((u) => !area.has(u.id))).toBe(true);
  });

  it("a street or community drafts and submits its own unit's list; 编办 reviews and publishes it", async () => {
    const typeId = await newType("demo-own-unit", ["STREET", "TOWNSHIP", "COMMUNITY"]);
    const otherId = await cityDraft(typeId, "南岸街道办事处");

    const jiedao = await as("jiedao");
    // It is offered its own unit only, and sees only its own lists.
    expect((await unitsWithoutList(typeId, jiedao)).map((u) => u.id)).toEqual([jiedao.unitId]);
    expect(await createTypedListAction({ typeId, unitId: await unitId("东湖桂花社区") })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    const own = await createTypedListAction({ typeId, unitId: jiedao.unitId });
    if (!own.ok) throw new Error(own.message);
    const listId = own.data.id;
    expect((await saveTypedRowAction({ listId, revision: await rev(listId), v: row })).ok).toBe(true);
    expect((await submitTypedListAction({ listId, revision: await rev(listId) })).ok).toBe(true);
    // Review and publication stay with 编办.
    expect(await reviewTypedListAction({ listId, revision: await rev(listId), decision: "approve", opinion: "自审" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    // Another unit's list is not its to touch.
    const other = await prisma.typedList.findUniqueOrThrow({ where: { id: otherId } });
    expect(await saveTypedRowAction({ listId: otherId, revision: other.revision, v: { name: "越界", hours: "1" } })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await submitTypedListAction({ listId: otherId, revision: other.revision })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await prisma.typedList.findUniqueOrThrow({ where: { id: otherId } })).toMatchObject({ revision: other.revision, rows: other.rows });
    const { types, lists } = await typedListsOverview(jiedao);
    expect(lists.length).toBeGreaterThan(0);
    expect(lists.every((l) => l.unit.id === jiedao.unitId)).toBe(true);
    expect(types.every((t) => t.unitKinds.includes(jiedao.unitKind))).toBe(true);
    expect(can(jiedao, "typedList.read", { type: "typedList", unitId: other.unitId })).toBe(false);

    await actAs("bianban");
    expect((await reviewTypedListAction({ listId, revision: await rev(listId), decision: "approve", opinion: "同意。" })).ok).toBe(true);
    expect(await publishTypedListAction({ listId, revision: await rev(listId), documentNumber: "东街发〔2026〕1号" })).toMatchObject({ ok: true, data: { versionNo: 1 } });
    await actAs("jiedao");
    expect(await publishTypedListAction({ listId, revision: await rev(listId), documentNumber: "东街发〔2026〕2号" })).toMatchObject({ ok: false, code: "FORBIDDEN" });

    // A community likewise, for a type that applies to communities; a street-only type is not offered to it.
    const shequ = await as("shequ");
    const streetOnly = await newType("demo-street-only", ["STREET", "TOWNSHIP"]);
    await actAs("shequ");
    expect((await typedListsOverview(shequ)).types.map((t) => t.id)).not.toContain(streetOnly);
    const mine = await createTypedListAction({ typeId, unitId: shequ.unitId });
    if (!mine.ok) throw new Error(mine.message);
    expect((await saveTypedRowAction({ listId: mine.data.id, revision: await rev(mine.data.id), v: row })).ok).toBe(true);
    expect((await submitTypedListAction({ listId: mine.data.id, revision: await rev(mine.data.id) })).ok).toBe(true);
    expect(await saveTypedRowAction({ listId, revision: await rev(listId), v: row })).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });
});
