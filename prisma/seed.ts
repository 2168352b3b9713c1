import type { PrismaClient } from "../lib/generated/prisma/client";
import type { Tx } from "../lib/db/client";
import type { OrgKind } from "../lib/generated/prisma/enums";
import { hashPassword } from "../lib/auth/password";
import { DEMO_ACCOUNTS } from "./demo-accounts";
import { governmentName } from "../lib/units/names";
import { seedCatalogues } from "./seed-data/seed-catalogues";
import { seedDevolution } from "./seed-data/devolution";
import { seedLists } from "./seed-data/lists";
import { seedAdmission } from "./seed-data/admission";
import { seedEvaluation } from "./seed-data/evaluation";
import { seedListTypes } from "./seed-data/list-types";
import { seedDistrictCatalogue } from "./seed-data/district-catalogue";

type UnitSeed = { name: string; shortName?: string; kind: OrgKind; code?: string; joint?: boolean; children?: UnitSeed[] };

const CITY_DEPARTMENTS: UnitSeed[] = [
  { name: "示例市委编办", shortName: "市委编办", kind: "BIANBAN", joint: true },
  { name: "示例市司法局", shortName: "司法局", kind: "DEPARTMENT", joint: true },
  { name: "示例市财政局", shortName: "财政局", kind: "DEPARTMENT", joint: true },
  { name: "示例市行政审批局", shortName: "行政审批局", kind: "DEPARTMENT", joint: true },
  { name: "示例市城市管理综合执法局", shortName: "城管局", kind: "DEPARTMENT" },
  { name: "示例市卫生健康委员会", shortName: "卫健委", kind: "DEPARTMENT" },
  { name: "示例市应急管理局", shortName: "应急管理局", kind: "DEPARTMENT" },
  { name: "示例市市场监督管理局", shortName: "市场监管局", kind: "DEPARTMENT" },
  { name: "示例市农业农村局", shortName: "农业农村局", kind: "DEPARTMENT" },
  { name: "示例市民政局", shortName: "民政局", kind: "DEPARTMENT" },
  { name: "示例市自然资源和规划局", shortName: "自然资源局", kind: "DEPARTMENT" },
  { name: "示例市生态环境局", shortName: "生态环境局", kind: "DEPARTMENT" },
  { name: "示例市住房和城乡建设局", shortName: "住建局", kind: "DEPARTMENT" },
  { name: "示例市人力资源和社会保障局", shortName: "人社局", kind: "DEPARTMENT" },
  { name: "示例市水利局", shortName: "水利局", kind: "DEPARTMENT" },
  { name: "示例市文化和旅游局", shortName: "文旅局", kind: "DEPARTMENT" },
];

function street(name: string, kind: OrgKind, code: string, communities: [string, string]): UnitSeed {
  const isTown = kind === "TOWNSHIP";
  return {
    name: governmentName(name, isTown ? "TOWNSHIP" : "STREET"),
    shortName: name,
    kind,
    code,
    children: communities.map((c, i) => ({
      name: `${name}${c}${isTown ? "村" : "社区"}`,
      shortName: `${c}${isTown ? "村" : "社区"}`,
      kind: "COMMUNITY" as OrgKind,
      code: `${code}${String(i + 1).padStart(3, "0")}`,
    })),
  };
}

export const DEMO_CITY: UnitSeed = {
  name: "示例市",
  kind: "CITY",
  code: "429900",
  children: [
    { name: "示例市人民政府", shortName: "市政府", kind: "DEPARTMENT" },
    ...CITY_DEPARTMENTS,
    {
      name: "东湖区",
      kind: "DISTRICT",
      code: "429901",
      children: [
        street("东湖", "STREET", "429901001", ["桂花", "荷塘"]),
        street("南岸", "STREET", "429901002", ["滨江", "金沙"]),
        street("北门", "STREET", "429901003", ["鼓楼", "文昌"]),
        street("清河", "TOWNSHIP", "429901101", ["柳林", "石桥"]),
        // The district's own 编办: it runs the work of this district only (lib/auth/scope.ts).
        { name: "东湖区委编办", shortName: "区委编办", kind: "BIANBAN" },
      ],
    },
    {
      name: "西山县",
      kind: "DISTRICT",
      code: "429902",
      children: [
        street("城关", "TOWNSHIP", "429902100", ["新华", "向阳"]),
        street("团结", "TOWNSHIP", "429902101", ["红星", "龙潭"]),
        street("凤凰", "STREET", "429902001", ["凤鸣", "梧桐"]),
        street("茶山", "TOWNSHIP", "429902102", ["云雾", "白岩"]),
        { name: "西山县委编办", shortName: "县委编办", kind: "BIANBAN" },
      ],
    },
  ],
};

async function createUnits(prisma: Tx, seed: UnitSeed, parentId: number | null, sortOrder: number, byName: Map<string, number>) {
  const unit = await prisma.orgUnit.create({
    data: {
      name: seed.name,
      shortName: seed.shortName ?? null,
      kind: seed.kind,
      code: seed.code ?? null,
      jointMeetingMember: seed.joint ?? false,
      parentId,
      sortOrder,
    },
  });
  byName.set(seed.name, unit.id);
  let i = 0;
  for (const child of seed.children ?? []) await createUnits(prisma, child, unit.id, ++i, byName);
}

/** The demo city: units, one account per role, and each later area's demo data. */
export async function seedDemoCity(client: PrismaClient) {
  // All or nothing: a failed seed leaves an empty database that the next start seeds again.
  return client.$transaction((tx) => seedAll(tx), { timeout: 10 * 60_000, maxWait: 60_000 });
}

async function seedAll(prisma: Tx) {
  const byName = new Map<string, number>();
  await createUnits(prisma, DEMO_CITY, null, 1, byName);
  const hashes = new Map<string, string>();
  for (const account of DEMO_ACCOUNTS) {
    const unitId = byName.get(account.unit);
    if (!unitId) throw new Error(`demo unit missing: ${account.unit}`);
    const hash = hashes.get(account.password) ?? (await hashPassword(account.password));
    hashes.set(account.password, hash);
    await prisma.user.create({
      data: { username: account.username, displayName: account.displayName, passwordHash: hash, unitId, roles: account.roles },
    });
  }
  await seedCatalogues(prisma, byName);
  await seedDevolution(prisma, byName);
  await seedLists(prisma, byName);
  await seedAdmission(prisma, byName);
  await seedEvaluation(prisma, byName);
  await seedListTypes(prisma, byName);
  await seedDistrictCatalogue(prisma, byName);
  await prisma.auditLog.create({ data: { action: "system.seed", subjectType: "system", after: { units: byName.size, users: DEMO_ACCOUNTS.length } } });
  return { units: byName };
}
