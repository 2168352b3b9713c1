import type { Tx } from "../../lib/db/client";
import type { CatalogueKind } from "../../lib/generated/prisma/enums";
import { writeAudit } from "../../lib/audit/write";
import { writeItems } from "../../lib/catalogue/commands";
import { dictionaryOptions } from "../../lib/catalogue/importing";
import { emptyItem, type ItemData } from "../../lib/catalogue/item-data";
import {
  ACCOUNTABLE_PARTIES,
  DEFAULT_TEMPLATE,
  GENERAL_ITEMS,
  GENERAL_TITLE,
  GUIDANCE_DRAFT_ADDED,
  GUIDANCE_DRAFT_CHANGED,
  GUIDANCE_DRAFT_REMOVED_CODE,
  GUIDANCE_DRAFT_TITLE,
  GUIDANCE_ITEMS,
  GUIDANCE_TITLE,
  TYPE_TEMPLATES,
  type SeedItem,
} from "./catalogue";

const ENFORCEMENT = new Set(["行政处罚", "行政强制", "行政检查"]);
const SECTIONS: Record<string, string> = { 民政: "社会事务办公室", 应急管理: "应急管理办公室", 卫生健康: "社会事务办公室", 人力资源社会保障: "社会事务办公室" };

/**
 * The demo catalogues: an issued guidance catalogue, an issued general list, and a draft of the
 * next guidance catalogue copied from the issued one with a few changes (so that comparing the
 * two shows something). Issued editions are written as drafts and then issued, as the triggers
 * require.
 */
export async function seedCatalogues(tx: Tx, units: Map<string, number>) {
  const dictionary = await dictionaryOptions(tx);
  const typeId = (name: string) => {
    const entry = dictionary.powerTypes.find((e) => e.name === name);
    if (!entry) throw new Error(`demo power type missing: ${name}`);
    return entry.id;
  };
  const domainId = (name: string) => {
    const entry = dictionary.domains.find((e) => e.name === name);
    if (!entry) throw new Error(`demo domain missing: ${name}`);
    return entry.id;
  };

  const toItem = (seed: SeedItem, index: number, kind: CatalogueKind): ItemData => {
    const template = TYPE_TEMPLATES[seed.type] ?? DEFAULT_TEMPLATE;
    const departmentId = seed.department ? units.get(seed.department) : undefined;
    if (seed.department && !departmentId) throw new Error(`demo department missing: ${seed.department}`);
    const item = emptyItem(seed.name);
    Object.assign(item, {
      seq: String(index + 1),
      code: seed.code,
      powerTypeId: typeId(seed.type),
      domainId: domainId(seed.domain),
      departmentId: departmentId ?? null,
      departmentName: seed.department ?? null,
      legalBasis: seed.basis,
      exerciseSubject: "街道办事处（乡镇人民政府）",
      handlingSection: ENFORCEMENT.has(seed.type) ? "综合行政执法队" : (SECTIONS[seed.domain] ?? "党政综合办公室"),
      implementationLevel: kind === "GUIDANCE" ? "县级部门依法赋权，街道（乡镇）在本辖区内实施" : "街道（乡镇）依法实施",
      responsibilities: template.responsibilities,
      accountableParties: ACCOUNTABLE_PARTIES,
      accountabilityGrounds: template.accountabilityGrounds,
      chargesFee: "否",
      remarks: seed.remarks ?? null,
      subItems: (seed.subItems ?? []).map((s) => ({ name: s.name, powerTypeId: null, powerTypeRaw: null, fields: s.basis ? { legalBasis: s.basis } : {}, sourceRow: null })),
    });
    return item;
  };

  const meta = { address: null, userAgent: "seed" };
  const issue = async (id: number, issuedAt: Date) => {
    await tx.catalogueEdition.update({ where: { id }, data: { status: "ISSUED", issuedAt, issuedByName: "示例市委编办" } });
    await writeAudit(tx, null, meta, { action: "catalogue.edition.issue", subjectType: "catalogueEdition", subjectId: id, after: { status: "ISSUED" } });
  };
  const create = async (kind: CatalogueKind, title: string, description: string, items: ItemData[], copiedFromId: number | null = null) => {
    const edition = await tx.catalogueEdition.create({ data: { kind, title, description, copiedFromId, createdByName: "系统初始化" }, select: { id: true } });
    const written = await writeItems(tx, edition.id, items);
    await writeAudit(tx, null, meta, { action: "catalogue.edition.create", subjectType: "catalogueEdition", subjectId: edition.id, after: { kind, title, ...written, ids: undefined } });
    return edition.id;
  };

  const guidanceId = await create(
    "GUIDANCE",
    GUIDANCE_TITLE,
    "省委编办印发的赋权事项指导清单，各县（市、区）据此向街道（乡镇）赋权。",
    GUIDANCE_ITEMS.map((s, i) => toItem(s, i, "GUIDANCE")),
  );
  await issue(guidanceId, new Date("2021-06-30T02:00:00Z"));

  const generalId = await create(
    "GENERAL",
    GENERAL_TITLE,
    "街道（乡镇）依法履行的法定权力事项，由各街道认领。",
    GENERAL_ITEMS.map((s, i) => toItem(s, i, "GENERAL")),
  );
  await issue(generalId, new Date("2024-03-15T02:00:00Z"));

  const next = [
    ...GUIDANCE_ITEMS.filter((s) => s.code !== GUIDANCE_DRAFT_REMOVED_CODE).map((s) =>
      s.code === GUIDANCE_DRAFT_CHANGED.code ? { ...s, basis: GUIDANCE_DRAFT_CHANGED.basis } : s,
    ),
    ...GUIDANCE_DRAFT_ADDED,
  ];
  const draftId = await create(
    "GUIDANCE",
    GUIDANCE_DRAFT_TITLE,
    "在2021年版基础上修订：新增户外招牌、小型人员密集场所消防两项，删去一项，更新建筑垃圾处罚依据。",
    next.map((s, i) => toItem(s, i, "GUIDANCE")),
    guidanceId,
  );
  return { guidanceId, generalId, draftId };
}
