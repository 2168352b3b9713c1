import type { Tx } from "../../lib/db/client";
import type { SessionUser } from "../../lib/auth/types";
import { createEdition, createItem, deleteItem, issueEdition } from "../../lib/catalogue/commands";
import { createItemSchema } from "../../lib/catalogue/schema";
import { seedContext } from "./context";
import { GUIDANCE_TITLE } from "./catalogue";

export const DISTRICT_EDITION_TITLE = "东湖区赋权事项指导清单（2025年版）";
/** A city item 东湖区 has no use for (its streets are urban; 清河镇's straw is collected), and one it adds. */
const NOT_APPLICABLE = /露天焚烧秸秆/;
const LOCAL_ITEM = "对东湖风景名胜区内擅自设置摊点、招揽游客的处罚";

/**
 * 东湖区's own edition of the guidance catalogue, made by its 编办 through the app's commands:
 * derived from the city's issued guidance, one item removed and one local item added, then
 * issued, which files it with the city 编办 (备案, waiting for review).
 */
export async function seedDistrictCatalogue(tx: Tx, units: Map<string, number>) {
  const districtId = units.get("东湖区")!;
  const account = await tx.user.findUniqueOrThrow({
    where: { username: "donghu" },
    select: { id: true, username: true, displayName: true, roles: true, unit: { select: { id: true, name: true, kind: true, parentId: true, jointMeetingMember: true } } },
  });
  const inDistrict = await tx.orgUnit.findMany({
    where: { OR: [{ id: districtId }, { parentId: districtId }, { parent: { parentId: districtId } }] },
    select: { id: true },
  });
  const user: SessionUser = {
    id: account.id,
    username: account.username,
    displayName: account.displayName,
    roles: account.roles,
    unitId: account.unit.id,
    unitName: account.unit.name,
    unitKind: account.unit.kind,
    unitParentId: account.unit.parentId,
    jointMeetingMember: account.unit.jointMeetingMember,
    mustChangePassword: false,
    area: { districtId, unitIds: inDistrict.map((u) => u.id) },
  };
  const ctx = seedContext(tx, user);
  const guidance = await tx.catalogueEdition.findFirstOrThrow({ where: { title: GUIDANCE_TITLE, areaUnitId: null }, select: { id: true } });
  const { id } = await createEdition(
    { kind: "GUIDANCE", title: DISTRICT_EDITION_TITLE, description: "依据示例省指导清单（2021年版），结合东湖区实际删减、增补后印发，报市委编办备案。", copyFromId: guidance.id },
    ctx,
  );
  const items = await tx.catalogueItem.findMany({ where: { editionId: id }, orderBy: { position: "asc" }, select: { id: true, name: true } });
  const dropped = items.find((i) => NOT_APPLICABLE.test(i.name)) ?? items[items.length - 1];
  await deleteItem({ id: dropped.id }, ctx);
  const type = await tx.dictionaryEntry.findFirstOrThrow({ where: { kind: "POWER_TYPE", name: "行政处罚" }, select: { id: true } });
  const domain = await tx.dictionaryEntry.findFirst({ where: { kind: "DOMAIN", name: "城管执法" }, select: { id: true } });
  await createItem(
    createItemSchema.parse({
      editionId: id,
      name: LOCAL_ITEM,
      powerTypeId: type.id,
      domainId: domain?.id ?? null,
      departmentName: "示例市城市管理综合执法局",
      legalBasis: "【地方性法规】《示例市风景名胜区管理条例》第三十二条",
      exerciseSubject: "街道办事处（乡镇人民政府）",
      remarks: "东湖区增补的本地事项。",
    }),
    ctx,
  );
  await issueEdition({ id }, ctx);
  return { districtEditionId: id, droppedItem: dropped.name };
}
