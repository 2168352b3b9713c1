import { describe, expect, it } from "vitest";
import { GET as listsGET } from "@/app/api/public/lists/route";
import { GET as listGET } from "@/app/api/public/lists/[id]/route";
import { GET as diffGET } from "@/app/api/public/lists/[id]/diff/route";
import { GET as versionsGET } from "@/app/api/public/lists/[id]/versions/route";
import { GET as searchGET } from "@/app/api/public/search/route";
import { GET as localListsGET } from "@/app/api/public/local-duties/route";
import { GET as localListGET } from "@/app/api/public/local-duties/[unitId]/route";
import { searchPublished } from "@/lib/portal/read";
import { prisma } from "./helpers";

// The open-data API's contract (README「开放数据接口」), called as Next.js calls the handlers.


const BASE = "http://portal.test";
const get = (path: string) => new Request(`${BASE}${path}`);
const ctx = (id: string | number) => ({ params: Promise.resolve({ id: String(id) }) });

async function body(res: Response) {
  return { status: res.status, json: (await res.json()) as Record<string, unknown> & { error?: { code: string; message: string; parameter?: string } } };
}

async function listIdOf(unit: string) {
  return (await prisma.powerList.findFirstOrThrow({ where: { unit: { name: unit }, form: "POWER" }, select: { id: true } })).id;
}

async function expectBad(res: Response, parameter?: string) {
  const { status, json } = await body(res);
  expect(status).toBe(400);
  expect(json.error?.code).toBe("INVALID_PARAMETER");
  expect(json.error?.message).toMatch(/[\u4e00-\u9fff]/);
  if (parameter) expect(json.error?.parameter).toBe(parameter);
}

async function expectNotFound(res: Response) {
  const { status, json } = await body(res);
  expect(status).toBe(404);
  expect(json.error?.code).toBe("NOT_FOUND");
  expect(json.error?.message).toMatch(/[\u4e00-\u9fff]/);
}

describe("GET /api/public/lists", () => {
  it("pages the published lists with unit, district, version and address", async () => {
    // Without a type filter: the 职权清单, then the lists of configurable types (tests/integration/list-types.test.ts).
    const published = (await prisma.powerList.count({ where: { currentVersionId: { not: null } } })) + (await prisma.typedList.count({ where: { currentVersionId: { not: null } } }));
    const { status, json } = await body(await listsGET(get("/api/public/lists?pageSize=5")));
    expect(status).toBe(200);
    expect(json).toMatchObject({ page: 1, pageSize: 5, total: published });
    const items = json.items as Record<string, unknown>[];
    expect(items).toHaveLength(5);
    expect(items[0]).toEqual({
      id: expect.any(Number),
      type: "power-list",
      title: expect.any(String),
      form: "POWER",
      unit: { id: expect.any(Number), name: expect.any(String), kind: expect.stringMatching(/STREET|TOWNSHIP|COMMUNITY/), district: expect.any(String) },
      version: expect.any(Number),
      documentNumber: expect.stringContaining("示例编发"),
      publishedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      effectiveAt: expect.stringMatching(/^\d{4}-\d\d-\d\d$/),
      inForce: true,
      itemCount: expect.any(Number),
      url: `${BASE}/lists/${items[0].id}`,
    });
    // Pages do not overlap and together hold every list once.
    const all: string[] = [];
    for (let page = 1; page <= Math.ceil(published / 5); page++) {
      const r = await body(await listsGET(get(`/api/public/lists?pageSize=5&page=${page}`)));
      all.push(...(r.json.items as { url: string }[]).map((i) => i.url));
    }
    expect(new Set(all).size).toBe(published);
  });

  it("filters by kind and district, and never lists a draft", async () => {
    const communities = await body(await listsGET(get("/api/public/lists?kind=community&pageSize=100")));
    expect((communities.json.items as { unit: { kind: string } }[]).every((i) => i.unit.kind === "COMMUNITY")).toBe(true);
    const district = await prisma.orgUnit.findFirstOrThrow({ where: { name: "西山县" } });
    const xishan = await body(await listsGET(get(`/api/public/lists?district=${district.id}&pageSize=100`)));
    expect((xishan.json.items as { unit: { district: string } }[]).every((i) => i.unit.district === "西山县")).toBe(true);
    const all = await body(await listsGET(get("/api/public/lists?pageSize=100")));
    const names = (all.json.items as { unit: { name: string } }[]).map((i) => i.unit.name);
    expect(names).not.toContain("凤凰街道办事处"); // in review
    expect(names).not.toContain("东湖街道办事处"); // none yet
  });

  it("answers bad parameters with 400, a code and a Chinese message naming the parameter", async () => {
    await expectBad(await listsGET(get("/api/public/lists?page=0")), "page");
    await expectBad(await listsGET(get("/api/public/lists?page=abc")), "page");
    await expectBad(await listsGET(get("/api/public/lists?pageSize=101")), "pageSize");
    await expectBad(await listsGET(get("/api/public/lists?kind=department")), "kind");
    await expectBad(await listsGET(get("/api/public/lists?foo=1")), "foo");
    await expectBad(await listsGET(get("/api/public/lists?page=1&page=2")), "page");
  });
});

describe("GET /api/public/lists/{id}", () => {
  it("returns the current version with all its items", async () => {
    const id = await listIdOf("北门街道办事处");
    const { status, json } = await body(await listGET(get(`/api/public/lists/${id}`), ctx(id)));
    expect(status).toBe(200);
    expect(json).toMatchObject({ id, title: "北门街道办事处职权清单", unit: { name: "北门街道办事处", district: "东湖区" }, version: { number: 2, current: true } });
    const version = json.version as { itemCount: number };
    const items = json.items as Record<string, unknown>[];
    expect(items).toHaveLength(version.itemCount);
    expect(items[0]).toMatchObject({ key: expect.any(String), position: 1, name: expect.any(String), section: "BASIC", url: expect.stringContaining(`/lists/${id}/items/`) });
    expect((json.versions as { number: number }[]).map((v) => v.number)).toEqual([2, 1]);
  });

  it("returns an older version with ?version= and a CSV with ?format=csv", async () => {
    const id = await listIdOf("北门街道办事处");
    const v1 = await body(await listGET(get(`/api/public/lists/${id}?version=1`), ctx(id)));
    expect(v1.json).toMatchObject({ version: { number: 1 }, url: `${BASE}/lists/${id}/v/1` });
    // Cached for a year, it leaves out what a later publication or day changes: ask /versions.
    expect(v1.json.version).not.toHaveProperty("current");
    expect(v1.json).not.toHaveProperty("versions");
    expect(v1.json).not.toHaveProperty("currentVersion");
    expect(v1.json.versionsUrl).toMatch(new RegExp(`/api/public/lists/${id}/versions$`));
    const versions = await body(await versionsGET(get(`/api/public/lists/${id}/versions`), ctx(id)));
    expect(versions.json).toMatchObject({ id, currentVersion: 2, versions: [{ number: 2, current: true }, { number: 1, current: false }] });
    expect(versions.json).not.toHaveProperty("items");
    await expectNotFound(await versionsGET(get("/api/public/lists/999999/versions"), ctx(999999)));
    await expectBad(await versionsGET(get(`/api/public/lists/${id}/versions?x=1`), ctx(id)), "x");
    const csv = await listGET(get(`/api/public/lists/${id}?format=csv`), ctx(id));
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM Excel needs for UTF-8
    const text = bytes.subarray(3).toString("utf8");
    expect(text.startsWith("事项键,序号,清单部分,职能分类")).toBe(true);
    expect(text.split("\r\n").length).toBeGreaterThan(80);
  });

  it("answers unknown ids, drafts and missing versions with 404, bad parameters with 400", async () => {
    const draft = await listIdOf("凤凰街道办事处");
    await expectNotFound(await listGET(get(`/api/public/lists/${draft}`), ctx(draft)));
    await expectNotFound(await listGET(get("/api/public/lists/999999"), ctx(999999)));
    await expectNotFound(await listGET(get("/api/public/lists/abc"), ctx("abc")));
    const id = await listIdOf("南岸街道办事处");
    await expectNotFound(await listGET(get(`/api/public/lists/${id}?version=9`), ctx(id)));
    await expectBad(await listGET(get(`/api/public/lists/${id}?version=0`), ctx(id)), "version");
    await expectBad(await listGET(get(`/api/public/lists/${id}?format=xml`), ctx(id)), "format");
  });
});

describe("GET /api/public/lists/{id}/diff", () => {
  it("lists the added, removed and changed items between two versions", async () => {
    const id = await listIdOf("北门街道办事处");
    const { status, json } = await body(await diffGET(get(`/api/public/lists/${id}/diff?from=1&to=2`), ctx(id)));
    expect(status).toBe(200);
    expect(json).toMatchObject({ from: { version: 1 }, to: { version: 2 } });
    expect((json.added as { name: string }[]).map((i) => i.name)).toEqual(["对擅自设置户外招牌的处罚"]);
    expect(json.removed).toHaveLength(1);
    const changed = json.changed as { key: string; changes: { field: string; label: string; before: string; after: string }[] }[];
    expect(changed).toHaveLength(1);
    expect(changed[0].changes[0]).toMatchObject({ field: "legalBasis", label: "实施依据" });
    expect(changed[0].changes[0].after).toContain("2026年修订");
    // Reversed, what was added is removed.
    const back = await body(await diffGET(get(`/api/public/lists/${id}/diff?from=2&to=1`), ctx(id)));
    expect((back.json.removed as { name: string }[]).map((i) => i.name)).toEqual(["对擅自设置户外招牌的处罚"]);
  });

  it("wants both versions, as numbers that exist", async () => {
    const id = await listIdOf("北门街道办事处");
    await expectBad(await diffGET(get(`/api/public/lists/${id}/diff?from=1`), ctx(id)), "to");
    await expectBad(await diffGET(get(`/api/public/lists/${id}/diff?from=x&to=2`), ctx(id)), "from");
    await expectNotFound(await diffGET(get(`/api/public/lists/${id}/diff?from=1&to=7`), ctx(id)));
    await expectNotFound(await diffGET(get("/api/public/lists/999999/diff?from=1&to=2"), ctx(999999)));
  });
});

describe("GET /api/public/search", () => {
  it("finds items of every current version by Chinese substring, with their list and unit", async () => {
    const { status, json } = await body(await searchGET(get(`/api/public/search?q=${encodeURIComponent("消防")}&pageSize=50`)));
    expect(status).toBe(200);
    const items = json.items as { name: string; list: { id: number; version: number }; unit: { name: string }; url: string }[];
    expect(items.length).toBeGreaterThan(0);
    expect(json.total).toBe(items.length);
    for (const i of items) {
      expect(i.name + JSON.stringify(i)).toContain("消防");
      expect(i.url).toContain(`/lists/${i.list.id}/items/`);
    }
    // Only current versions: 北门's removed item is found in no version 1.
    const beimen = await listIdOf("北门街道办事处");
    expect(items.filter((i) => i.list.id === beimen).every((i) => i.list.version === 2)).toBe(true);
  });

  it("gives the same pages and counts whether the leading rows settle them or the index does", async () => {
    // searchPublished reads the leading rows in item order first (a common term's page is there)
    // and turns to the bigram index for what they do not settle. Small prefixes force every mix.
    for (const q of ["处罚", "消防", "行政", "监督检查", "不存在的事项"]) {
      for (const pageSize of [1, 3, 20]) {
        for (const page of [1, 2, 4, 12]) {
          const byIndex = await searchPublished(prisma, { q, page, pageSize }, 0);
          for (const prefixRows of [1, 5, 40, 2000]) {
            expect(await searchPublished(prisma, { q, page, pageSize }, prefixRows), `${q} ${pageSize} ${page} ${prefixRows}`).toEqual(byIndex);
          }
        }
      }
    }
    const all = await searchPublished(prisma, { q: "处罚", page: 1, pageSize: 100 }, 0);
    expect(all.total).toBeGreaterThan(3);
  });

  it("counts a term in the leading rows only when they held its page: a rare term goes to the index at once", async () => {
    const sent: string[] = [];
    const recording = { $queryRawUnsafe: (sql: string, ...values: unknown[]) => (sent.push(sql), prisma.$queryRawUnsafe(sql, ...values)) } as unknown as typeof prisma;
    const countsInLeadingRows = () => sent.filter((sql) => /^SELECT count\(\*\)/.test(sql) && sql.includes("ORDER BY item_id LIMIT")).length;
    // Rare: nowhere in the 40 leading rows' page, so no count over 400 leading rows either.
    const rare = await searchPublished(recording, { q: "不存在的事项", page: 1, pageSize: 20 }, 40);
    expect(rare).toEqual(await searchPublished(prisma, { q: "不存在的事项", page: 1, pageSize: 20 }, 0));
    expect(countsInLeadingRows()).toBe(0);
    // Common: its first page is in the leading rows, and so is its count when there are enough.
    sent.length = 0;
    const common = await searchPublished(recording, { q: "处罚", page: 1, pageSize: 1 }, 2000);
    expect(common).toEqual(await searchPublished(prisma, { q: "处罚", page: 1, pageSize: 1 }, 0));
    expect(countsInLeadingRows()).toBe(1);
  });

  it("never finds a draft's items", async () => {
    const draft = await listIdOf("凤凰街道办事处");
    await prisma.powerListItem.create({ data: { listId: draft, itemKey: "9999", position: 9999, source: "OWN", name: "草稿中独有的测试事项" } });
    const { json } = await body(await searchGET(get(`/api/public/search?q=${encodeURIComponent("独有的测试")}`)));
    expect(json).toMatchObject({ total: 0, items: [] });
  });

  it("wants a query of at least two characters", async () => {
    await expectBad(await searchGET(get("/api/public/search")), "q");
    await expectBad(await searchGET(get("/api/public/search?q=a")), "q");
    await expectBad(await searchGET(get(`/api/public/search?q=${"长".repeat(51)}`)), "q");
    await expectBad(await searchGET(get("/api/public/search?q=%E6%B6%88%E9%98%B2&pageSize=0")), "pageSize");
  });
});

describe("GET /api/public/local-duties", () => {
  const unitCtx = (id: string | number) => ({ params: Promise.resolve({ unitId: String(id) }) });

  it("pages each unit's current local-duty list, and one list with its duties as JSON or CSV", async () => {
    const { status, json } = await body(await localListsGET(get("/api/public/local-duties?pageSize=2")));
    expect(status).toBe(200);
    expect(json).toMatchObject({ page: 1, pageSize: 2, total: expect.any(Number) });
    const first = (json.items as { unit: { id: number; name: string }; version: number; itemCount: number; api: string }[])[0];
    expect(first.api).toBe(`${BASE}/api/public/local-duties/${first.unit.id}`);

    const one = await body(await localListGET(get(`/api/public/local-duties/${first.unit.id}`), unitCtx(first.unit.id)));
    expect(one.status).toBe(200);
    expect(one.json).toMatchObject({ unit: { id: first.unit.id, name: first.unit.name }, version: { number: first.version, current: true, itemCount: first.itemCount } });
    expect((one.json.items as unknown[]).length).toBe(first.itemCount);
    // Naming the version: cached for a year, so without what a later publication changes.
    const pinned = await body(await localListGET(get(`/api/public/local-duties/${first.unit.id}?version=${first.version}`), unitCtx(first.unit.id)));
    expect(pinned.json).toMatchObject({ version: { number: first.version }, versionsUrl: `${BASE}/api/public/local-duties/${first.unit.id}` });
    expect(pinned.json.version).not.toHaveProperty("current");
    expect(pinned.json).not.toHaveProperty("versions");

    const csv = await localListGET(get(`/api/public/local-duties/${first.unit.id}?format=csv`), unitCtx(first.unit.id));
    expect(csv.headers.get("Content-Type")).toContain("text/csv");
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString("utf8").startsWith("序号,事项类型,事项名称")).toBe(true);
  });

  it("answers bad parameters with 400 and unknown units or versions with 404", async () => {
    await expectBad(await localListsGET(get("/api/public/local-duties?pageSize=0")), "pageSize");
    await expectBad(await localListsGET(get("/api/public/local-duties?draft=1")), "draft");
    const [row] = await prisma.localDutyListVersion.findMany({ take: 1, select: { unitId: true } });
    await expectBad(await localListGET(get(`/api/public/local-duties/${row.unitId}?format=pdf`), unitCtx(row.unitId)), "format");
    await expectNotFound(await localListGET(get(`/api/public/local-duties/${row.unitId}?version=999`), unitCtx(row.unitId)));
    await expectNotFound(await localListGET(get("/api/public/local-duties/abc"), unitCtx("abc")));
    // A unit without a published local-duty list (a department) is simply not found.
    const dept = await prisma.orgUnit.findFirstOrThrow({ where: { kind: "DEPARTMENT" }, select: { id: true } });
    await expectNotFound(await localListGET(get(`/api/public/local-duties/${dept.id}`), unitCtx(dept.id)));
  });
});
