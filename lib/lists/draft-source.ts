import type { Tx } from "@/lib/db/client";
import type { DutySection, ListItemSource } from "@/lib/generated/prisma/enums";

/** A draft item as compiled from a catalogue item, before it has a key and a position. */
export type SourcedItem = {
  source: ListItemSource;
  sourceItemId: number | null;
  sourceLabel: string | null;
  section: DutySection;
  categoryName: string | null;
  code: string | null;
  name: string;
  subItemName: string | null;
  powerType: string | null;
  legalBasis: string | null;
  exerciseSubject: string | null;
  handlingSection: string | null;
  departmentName: string | null;
  departmentDuty: string | null;
  streetDuty: string | null;
  responsibilities: string | null;
  accountability: string | null;
  remarks: string | null;
  /** The department that exercised the power before, for the default reviewers. */
  departmentId: number | null;
};

const ENFORCEMENT = new Set(["行政处罚", "行政强制", "行政检查", "行政监督"]);
const SERVICE = new Set(["公共服务", "行政给付", "行政奖励"]);

/**
 * A first guess at an item's function category, which the drafter can change: enforcement
 * powers to 加强行政执法, services and benefits to 组织公共服务, safety to 维护公共安全, planning
 * and land to 统筹区域发展, self-government to 指导基层自治, the rest to 实施综合管理.
 */
export function guessCategory(item: { powerType: string | null; domain: string | null; name: string }): string {
  const text = `${item.name}${item.domain ?? ""}`;
  if (item.powerType && ENFORCEMENT.has(item.powerType)) return "加强行政执法";
  if (/村民委员会|居民委员会|自治|村务|居务|基层群众/.test(text)) return "指导基层自治";
  if (item.powerType && SERVICE.has(item.powerType)) return "组织公共服务";
  if (/应急|安全|消防|防汛|地质灾害|公安|治安|森林防火/.test(text)) return "维护公共安全";
  if (/规划|自然资源|土地|统计|发展|产业|招商|农业农村|经济/.test(text)) return "统筹区域发展";
  if (/民政|社会保障|就业|养老|救助|卫生|健康|教育|文化|优抚|残疾/.test(text)) return "组织公共服务";
  return "实施综合管理";
}

const itemSelect = {
  id: true,
  seq: true,
  code: true,
  name: true,
  powerTypeRaw: true,
  powerType: { select: { name: true } },
  domainRaw: true,
  domain: { select: { name: true } },
  departmentId: true,
  departmentName: true,
  legalBasis: true,
  exerciseSubject: true,
  handlingSection: true,
  departmentDuty: true,
  responsibilities: true,
  accountabilityGrounds: true,
  remarks: true,
  subItems: { select: { name: true }, orderBy: { position: "asc" as const } },
  edition: { select: { title: true } },
} as const;

type CatalogueRow = {
  id: number;
  seq: string | null;
  code: string | null;
  name: string;
  powerTypeRaw: string | null;
  powerType: { name: string } | null;
  domainRaw: string | null;
  domain: { name: string } | null;
  departmentId: number | null;
  departmentName: string | null;
  legalBasis: string | null;
  exerciseSubject: string | null;
  handlingSection: string | null;
  departmentDuty: string | null;
  responsibilities: string | null;
  accountabilityGrounds: string | null;
  remarks: string | null;
  subItems: { name: string }[];
  edition: { title: string };
};

function fromCatalogue(row: CatalogueRow, source: ListItemSource, sourceLabel: string): SourcedItem {
  const powerType = row.powerType?.name ?? row.powerTypeRaw ?? null;
  const domain = row.domain?.name ?? row.domainRaw ?? null;
  return {
    source,
    sourceItemId: row.id,
    sourceLabel,
    section: "BASIC",
    categoryName: guessCategory({ powerType, domain, name: row.name }),
    code: row.code,
    name: row.name,
    subItemName: row.subItems.length ? row.subItems.map((s) => s.name).join("；") : null,
    powerType,
    legalBasis: row.legalBasis,
    exerciseSubject: row.exerciseSubject,
    handlingSection: row.handlingSection,
    departmentName: row.departmentName,
    departmentDuty: row.departmentDuty,
    streetDuty: null,
    responsibilities: row.responsibilities,
    accountability: row.accountabilityGrounds,
    remarks: row.remarks,
    departmentId: row.departmentId,
  };
}

/** A settled 承接 whose confirmation letter both sides have signed (status CONFIRMED). */
const SIGNED = { status: "CONFIRMED", departmentConfirmedAt: { not: null }, streetConfirmedAt: { not: null } } as const;

/** A settled, accepted 承接 not yet brought into a draft: its letter is missing or unsigned. */
export type PendingDevolution = {
  itemId: number;
  name: string;
  roundTitle: string;
  departmentName: string | null;
  documentNumber: string | null;
  /** 未生成确认书 / 待部门签署 / 待街道签署 / 待双方签署 / 确认书已撤回 */
  state: string;
};

function letterState(letter: { status: string; departmentConfirmedAt: Date | null; streetConfirmedAt: Date | null } | null): string {
  if (!letter) return "未生成确认书";
  if (letter.status === "WITHDRAWN") return "确认书已撤回";
  if (!letter.departmentConfirmedAt && !letter.streetConfirmedAt) return "待双方签署";
  return letter.departmentConfirmedAt ? "待街道签署" : "待部门签署";
}

/**
 * Settled, accepted 承接 items of a unit that a draft does not take yet, because their
 * confirmation letter is not signed by both sides (待确认). An item also accepted in a round
 * whose letter is signed is not pending. `exclude`: items already in the draft.
 */
export async function pendingDevolutions(db: Tx, unitId: number, exclude: Iterable<number> = []): Promise<PendingDevolution[]> {
  const rows = await db.devolution.findMany({
    where: { streetId: unitId, settled: true, decision: "ACCEPT", NOT: { letter: SIGNED } },
    orderBy: [{ roundId: "desc" }, { position: "asc" }],
    select: {
      itemId: true,
      round: { select: { title: true } },
      department: { select: { name: true } },
      letter: { select: { documentNumber: true, status: true, departmentConfirmedAt: true, streetConfirmedAt: true } },
      item: { select: { name: true } },
    },
  });
  const signed = await db.devolution.findMany({
    where: { streetId: unitId, settled: true, decision: "ACCEPT", letter: SIGNED, itemId: { in: rows.map((r) => r.itemId) } },
    select: { itemId: true },
  });
  const skip = new Set([...exclude, ...signed.map((r) => r.itemId)]);
  const out: PendingDevolution[] = [];
  for (const r of rows) {
    if (skip.has(r.itemId)) continue;
    skip.add(r.itemId);
    out.push({
      itemId: r.itemId,
      name: r.item.name,
      roundTitle: r.round.title,
      departmentName: r.department?.name ?? null,
      documentNumber: r.letter && r.letter.status !== "WITHDRAWN" ? r.letter.documentNumber : null,
      state: letterState(r.letter),
    });
  }
  return out;
}

/**
 * What a unit's draft starts from (read-only use of the catalogue and devolution areas):
 * its active claims of issued general-list items (法定权力事项) and its settled, accepted
 * devolutions (赋权承接事项) whose confirmation letter both sides have signed, with the agreed
 * duty boundary. An item accepted in several rounds appears once, from the latest signed round.
 * Accepted items whose letter is not signed yet stay out (see {@link pendingDevolutions}).
 */
export async function sourcedItems(tx: Tx, unitId: number): Promise<SourcedItem[]> {
  const claims = await tx.claim.findMany({
    where: { streetId: unitId, active: true, edition: { status: "ISSUED" } },
    orderBy: [{ editionId: "asc" }, { item: { position: "asc" } }],
    select: { item: { select: itemSelect } },
  });
  const devolutions = await tx.devolution.findMany({
    where: { streetId: unitId, settled: true, decision: "ACCEPT", letter: SIGNED },
    orderBy: [{ roundId: "desc" }, { position: "asc" }],
    select: {
      itemId: true,
      streetDuty: true,
      departmentDuty: true,
      round: { select: { title: true } },
      department: { select: { name: true, shortName: true } },
      letter: { select: { documentNumber: true, status: true } },
      item: { select: itemSelect },
    },
  });

  const out: SourcedItem[] = [];
  const seen = new Set<number>();
  for (const c of claims) {
    if (seen.has(c.item.id)) continue;
    seen.add(c.item.id);
    out.push(fromCatalogue(c.item, "GENERAL", `认领自「${c.item.edition.title}」${c.item.seq ? `第 ${c.item.seq} 项` : ""}`));
  }
  const devolved: SourcedItem[] = [];
  for (const d of devolutions) {
    if (seen.has(d.itemId)) continue;
    seen.add(d.itemId);
    const letter = d.letter ? `，确认书${d.letter.documentNumber}` : "";
    const item = fromCatalogue(d.item, "DEVOLVED", `「${d.round.title}」承接${d.department ? `（${d.department.shortName ?? d.department.name}）` : ""}${letter}`);
    if (d.streetDuty) item.streetDuty = d.streetDuty;
    if (d.departmentDuty) item.departmentDuty = d.departmentDuty;
    if (d.department) item.departmentName = d.department.name;
    devolved.push(item);
  }
  // Rounds are read newest first; the list shows them in catalogue order.
  devolved.sort((a, b) => (a.sourceItemId ?? 0) - (b.sourceItemId ?? 0));
  return [...out, ...devolved];
}
