// The demo city's power lists, compiled and reviewed through the same commands the app uses:
// 南岸、城关、清河、团结 and most communities published; 北门 at version 2 after an adjustment
// (with one return during its review); 凤凰 waiting for 司法局's legality review; 城关 also has
// the national 履行职责事项清单. 东湖 (the demo street account) and 东湖's communities have none
// yet, so their accounts can compile one; 茶山 has not started.
import type { Tx } from "../../lib/db/client";
import type { OrgKind, ReviewOpinion, Role } from "../../lib/generated/prisma/enums";
import type { SessionUser } from "../../lib/auth/types";
import type { CommandContext } from "../../lib/action";
import { seedContext } from "./context";
import { createList, publishList, recordOpinion, submitList, updateStages } from "../../lib/lists/commands";
import { today as todayInChina } from "../../lib/dates";
import { createAdjustment, decideAdjustment, fileAdjustment, opineAdjustment, publishAdjustment } from "../../lib/adjustments/commands";

const DAY = 86_400_000;
const STAFF = ["刘芳", "孙强", "周敏", "吴磊", "郑洁", "冯涛", "陈晨", "褚红", "卫东", "蒋丽", "沈阳", "韩梅", "朱峰", "秦雪", "许亮", "何静"];

const PUBLISHED_STREETS = ["南岸街道办事处", "城关镇人民政府", "清河镇人民政府", "团结镇人民政府"];
const ADJUSTED_STREET = "北门街道办事处";
const REVIEWING_STREET = "凤凰街道办事处";
const NO_COMMUNITY_LIST = ["东湖", "茶山"];

type CommunityDuty = { name: string; category: string; type: string; basis: string; duty: string };

// What a community committee does, by function; the basis cites the laws that give the duty.
const COMMUNITY_DUTIES: CommunityDuty[] = [
  { name: "召集居民会议，组织居民议事协商", category: "指导基层自治", type: "公共服务", basis: "《中华人民共和国城市居民委员会组织法》第四条、第十条", duty: "每年至少召开两次居民会议，讨论决定涉及全体居民利益的重要事项，议事结果向居民公开。" },
  { name: "开展居务公开和民主监督", category: "指导基层自治", type: "公共服务", basis: "《中华人民共和国城市居民委员会组织法》第十条", duty: "每季度公开居务、财务，接受居务监督委员会和居民监督。" },
  { name: "协助做好最低生活保障申请受理", category: "组织公共服务", type: "行政给付", basis: "《社会救助暂行办法》第十一条", duty: "协助街道受理申请、入户调查并张榜公示，不作审批决定。" },
  { name: "协助开展高龄津贴申领", category: "组织公共服务", type: "行政给付", basis: "《中华人民共和国老年人权益保障法》第三十三条", duty: "告知政策、收集材料并报街道审核。" },
  { name: "开展残疾人基本信息动态更新", category: "组织公共服务", type: "公共服务", basis: "《残疾人保障法》第十条", duty: "每年更新辖区残疾人基本信息，协助办理残疾人证申领。" },
  { name: "组织开展全民健身和文化活动", category: "组织公共服务", type: "公共服务", basis: "《全民健身条例》第八条", duty: "利用社区活动场所组织健身和文化活动。" },
  { name: "协助开展人口普查和经济普查", category: "统筹区域发展", type: "其他行政权力", basis: "《中华人民共和国统计法》第七条", duty: "按普查方案组织普查员入户登记，保护被调查对象信息。" },
  { name: "开展社区网格化巡查", category: "实施综合管理", type: "其他行政权力", basis: "《示例市城市基层治理条例》第二十条", duty: "网格员每日巡查，发现问题当日上报街道。" },
  { name: "协助开展垃圾分类宣传和督导", category: "实施综合管理", type: "公共服务", basis: "《示例市生活垃圾分类管理办法》第十四条", duty: "组织志愿者在投放点督导，每月向街道报送分类质量情况。" },
  { name: "协助做好防汛、防灾预警信息传递", category: "维护公共安全", type: "其他行政权力", basis: "《中华人民共和国突发事件应对法》第五十五条", duty: "接到预警后及时通知居民，组织转移避险。" },
  { name: "开展消防安全宣传和隐患排查", category: "维护公共安全", type: "公共服务", basis: "《中华人民共和国消防法》第三十二条", duty: "每季度组织一次消防宣传，发现隐患当日报告街道。" },
  { name: "开展人民调解", category: "维护公共安全", type: "公共服务", basis: "《中华人民共和国人民调解法》第八条", duty: "社区人民调解委员会调解民间纠纷，调解协议报街道司法所备案。" },
];

type DutyExtra = { section: "COOPERATING" | "RECLAIMED"; name: string; departmentName: string; departmentDuty: string; streetDuty?: string; reclaimMethod?: string; basis: string };

// The national form's other two sections for 城关 (a township).
const DUTY_EXTRAS: DutyExtra[] = [
  { section: "COOPERATING", name: "耕地保护和违法占用耕地巡查", departmentName: "示例市自然资源和规划局", departmentDuty: "负责耕地保护监督，依法查处违法占用耕地行为。", streetDuty: "开展日常巡查，发现违法占用耕地行为及时制止并报告，配合部门调查取证。", basis: "《中华人民共和国土地管理法》第六十七条" },
  { section: "COOPERATING", name: "食品安全隐患排查", departmentName: "示例市市场监督管理局", departmentDuty: "负责食品生产经营许可和监督检查。", streetDuty: "协助排查辖区小作坊、小摊贩食品安全隐患，发现问题及时报告。", basis: "《中华人民共和国食品安全法》第六条" },
  { section: "COOPERATING", name: "河湖日常巡查保洁", departmentName: "示例市水利局", departmentDuty: "负责河湖管理保护的指导监督。", streetDuty: "落实镇级河长巡河制度，组织日常保洁，发现问题及时上报。", basis: "《示例省河湖长制规定》第十二条" },
  { section: "RECLAIMED", name: "农药经营许可", departmentName: "示例市农业农村局", departmentDuty: "由市农业农村局统一受理、审查和发证。", reclaimMethod: "乡镇不再受理，群众可到市政务服务中心或网上办理；乡镇做好政策咨询和引导。", basis: "《农药管理条例》第二十四条" },
  { section: "RECLAIMED", name: "建设工程消防设计审查", departmentName: "示例市住房和城乡建设局", departmentDuty: "由市住建局依法统一审查。", reclaimMethod: "已受理的按原程序办结，新申请由市住建局受理。", basis: "《建设工程消防设计审查验收管理暂行规定》第三条" },
];

type Actor = SessionUser;

export async function seedLists(tx: Tx, units: Map<string, number>, now = new Date()) {
  const unit = (name: string) => {
    const id = units.get(name);
    if (!id) throw new Error(`demo unit missing: ${name}`);
    return id;
  };
  const unitRows = await tx.orgUnit.findMany({ select: { id: true, name: true, kind: true, parentId: true, jointMeetingMember: true } });
  const unitById = new Map(unitRows.map((u) => [u.id, u]));
  const accounts = await tx.user.findMany({ select: { id: true, username: true, displayName: true, unitId: true, roles: true } });

  /** Who acts for a unit: its demo account where there is one, plausible staff elsewhere. */
  const actorFor = (unitId: number, roles: Role[]): Actor => {
    const u = unitById.get(unitId)!;
    const account = accounts.find((a) => a.unitId === unitId && a.roles.some((r) => roles.includes(r)));
    const kindRole: Partial<Record<OrgKind, Role>> = { BIANBAN: "BIANBAN_STAFF", DEPARTMENT: "DEPARTMENT", STREET: "STREET", TOWNSHIP: "STREET", COMMUNITY: "COMMUNITY" };
    return {
      id: account?.id ?? 0,
      username: account?.username ?? "seed",
      displayName: account?.displayName ?? STAFF[unitId % STAFF.length],
      roles: account ? account.roles : roles.filter((r) => r === kindRole[u.kind]).length ? [kindRole[u.kind]!] : roles.slice(0, 1),
      unitId,
      unitName: u.name,
      unitKind: u.kind as OrgKind,
      unitParentId: u.parentId,
      jointMeetingMember: u.jointMeetingMember,
      mustChangePassword: false,
    };
  };
  const ctxFor = (user: Actor): CommandContext => seedContext(tx, user);

  const bianban = ctxFor(actorFor(unit("示例市委编办"), ["BIANBAN_STAFF"]));
  const versionOf = async (listId: number) => (await tx.powerList.findUniqueOrThrow({ where: { id: listId }, select: { version: true } })).version;

  /** Each assignee of the active stage gives its opinion until the list reaches `until`. */
  const review = async (listId: number, opts: { stopBeforeKind?: string; returnAtKind?: string } = {}) => {
    for (let guard = 0; guard < 40; guard++) {
      const list = await tx.powerList.findUniqueOrThrow({
        where: { id: listId },
        select: { status: true, version: true, stages: { where: { status: "ACTIVE" }, select: { kind: true, name: true, assignees: { select: { unitId: true } } } } },
      });
      const stage = list.stages[0];
      if (list.status !== "IN_REVIEW" || !stage || stage.kind === opts.stopBeforeKind) return;
      for (const a of stage.assignees) {
        const reviewer = ctxFor(actorFor(a.unitId, ["DEPARTMENT", "REVIEWER", "BIANBAN_STAFF", "LEADER"]));
        const returning = stage.kind === opts.returnAtKind;
        const opinion: ReviewOpinion = returning ? "DISAGREE" : a.unitId % 3 === 0 ? "AGREE_WITH_CHANGES" : "AGREE";
        const body = returning
          ? "「违法建设行为的处罚」所列依据已被修订，请更新为现行有效的条款后再报。"
          : opinion === "AGREE_WITH_CHANGES"
            ? "建议将承办机构统一写为「综合行政执法队」。"
            : "同意。";
        // 常务会审定 names its meeting (the seed's lists are reviewed in the weeks before today).
        const meeting = stage.kind === "EXECUTIVE" ? { meetingNumber: "2026年第23次常务会议", meetingDate: todayInChina(new Date(Date.now() - 7 * DAY)) } : {};
        await recordOpinion({ listId, version: await versionOf(listId), opinion, body, ...meeting, itemComments: [] }, reviewer);
        if (returning) {
          const drafter = await tx.powerList.findUniqueOrThrow({ where: { id: listId }, select: { unitId: true } });
          await submitList({ listId, version: await versionOf(listId) }, ctxFor(actorFor(drafter.unitId, ["STREET", "COMMUNITY"])));
          opts = { ...opts, returnAtKind: undefined };
          break;
        }
      }
    }
  };

  /** Puts a list's history on plausible days: spread evenly over the `days` before `end`. */
  const spreadHistory = async (listId: number, end: Date, days: number) => {
    const start = new Date(end.getTime() - days * DAY);
    await tx.$executeRaw`
      UPDATE power_list_event e SET at = ${start}::timestamptz + (${end}::timestamptz - ${start}::timestamptz) * (o.n - 1) / greatest(o.total - 1, 1)
      FROM (SELECT id, row_number() OVER (ORDER BY id) AS n, count(*) OVER () AS total FROM power_list_event WHERE list_id = ${listId}) o
      WHERE e.id = o.id`;
    await tx.$executeRaw`
      UPDATE power_list_opinion p SET created_at = ${start}::timestamptz + (${end}::timestamptz - ${start}::timestamptz) * o.n / (o.total + 1)
      FROM (SELECT id, row_number() OVER (ORDER BY id) AS n, count(*) OVER () AS total FROM power_list_opinion WHERE list_id = ${listId}) o
      WHERE p.id = o.id`;
  };

  const publishDate = todayInChina(new Date(now.getTime() - 3 * DAY));
  let serial = 20;
  const publish = async (listId: number) => {
    return publishList(
      { listId, version: await versionOf(listId), documentNumber: `示例编发〔${publishDate.slice(0, 4)}〕${serial++}号`, publishDate, effectiveDate: publishDate, note: null },
      bianban,
    );
  };

  const compileStreet = async (name: string, opts: { returnAtKind?: string; stopBeforeKind?: string; form?: "POWER" | "DUTY" } = {}) => {
    const streetId = unit(name);
    const drafter = ctxFor(actorFor(streetId, ["STREET"]));
    const { id } = await createList({ unitId: streetId, form: opts.form ?? "POWER", title: null }, drafter);
    if (opts.form === "DUTY") await addDutyExtras(id);
    // Few demo departments have accounts: 编办 narrows 部门联合初审 and 征求部门意见 to three.
    const stages = await tx.powerListStage.findMany({ where: { listId: id }, orderBy: { position: "asc" }, select: { id: true, kind: true, name: true, assignees: { select: { unitId: true } } } });
    await updateStages(
      {
        listId: id,
        version: await versionOf(id),
        stages: stages.map((s) => ({
          id: s.id,
          name: s.name,
          unitIds: s.kind === "JOINT_REVIEW" || s.kind === "SOLICIT" ? s.assignees.map((a) => a.unitId).slice(0, 3) : s.assignees.map((a) => a.unitId),
        })),
      },
      bianban,
    );
    await submitList({ listId: id, version: await versionOf(id) }, drafter);
    await review(id, opts);
    return id;
  };

  const addDutyExtras = async (listId: number) => {
    const list = await tx.powerList.findUniqueOrThrow({ where: { id: listId }, select: { nextItemKey: true, _count: { select: { items: true } } } });
    const category = await tx.powerListCategory.findFirst({ where: { name: "实施综合管理" }, select: { id: true } });
    await tx.powerListItem.createMany({
      data: DUTY_EXTRAS.map((d, i) => ({
        listId,
        itemKey: String(list.nextItemKey + i),
        position: list._count.items + i + 1,
        section: d.section,
        source: "OWN" as const,
        sourceLabel: "按上级部门职责清单填写",
        categoryId: category?.id ?? null,
        name: d.name,
        departmentName: d.departmentName,
        departmentDuty: d.departmentDuty,
        streetDuty: d.streetDuty ?? null,
        reclaimMethod: d.reclaimMethod ?? null,
        legalBasis: d.basis,
        updatedByName: "系统生成",
      })),
    });
    await tx.powerList.update({ where: { id: listId }, data: { nextItemKey: { increment: DUTY_EXTRAS.length } } });
  };

  const compileCommunity = async (communityId: number) => {
    const drafter = ctxFor(actorFor(communityId, ["COMMUNITY"]));
    const { id } = await createList({ unitId: communityId, form: "POWER", title: null }, drafter);
    const categories = new Map((await tx.powerListCategory.findMany({ select: { id: true, name: true } })).map((c) => [c.name, c.id]));
    const community = unitById.get(communityId)!;
    await tx.powerListItem.createMany({
      data: COMMUNITY_DUTIES.map((d, i) => ({
        listId: id,
        itemKey: String(i + 1),
        position: i + 1,
        source: "OWN" as const,
        sourceLabel: `${community.name}增加`,
        categoryId: categories.get(d.category) ?? null,
        name: d.name,
        powerType: d.type,
        legalBasis: d.basis,
        exerciseSubject: community.name.replace(/(社区|村)$/, "$1居（村）民委员会"),
        handlingSection: "社区综合服务站",
        streetDuty: d.duty,
        updatedByName: "系统生成",
      })),
    });
    await tx.powerList.update({ where: { id }, data: { nextItemKey: COMMUNITY_DUTIES.length + 1 } });
    // A community's list: the street's review, legality review and 编办.
    const street = community.parentId!;
    const legal = unit("示例市司法局");
    const stages = await tx.powerListStage.findMany({ where: { listId: id }, orderBy: { position: "asc" }, select: { id: true, kind: true } });
    const publishStage = stages.find((s) => s.kind === "PUBLISH")!;
    const firstId = stages.find((s) => s.kind === "JOINT_REVIEW")!.id;
    const legalId = stages.find((s) => s.kind === "LEGALITY")!.id;
    await updateStages(
      {
        listId: id,
        version: await versionOf(id),
        stages: [
          { id: firstId, name: "街道审核", unitIds: [street] },
          { id: legalId, name: "合法性审查", unitIds: [legal] },
          { id: publishStage.id, name: "印发公布", unitIds: [unit("示例市委编办")] },
        ],
      },
      bianban,
    );
    await submitList({ listId: id, version: await versionOf(id) }, drafter);
    await review(id);
    return id;
  };

  const end = new Date(now.getTime() - 3 * DAY);
  // Published streets (城关 also in the national form).
  for (const name of PUBLISHED_STREETS) {
    const id = await compileStreet(name);
    await publish(id);
    await spreadHistory(id, end, 20);
  }
  const dutyId = await compileStreet("城关镇人民政府", { form: "DUTY" });
  await publish(dutyId);
  await spreadHistory(dutyId, end, 20);

  // 北门: returned once at the legality review, then published, then adjusted to version 2.
  const beimen = await compileStreet(ADJUSTED_STREET, { returnAtKind: "LEGALITY" });
  await publish(beimen);
  await spreadHistory(beimen, end, 25);
  await adjust(beimen);

  // 凤凰: waiting for 司法局 (the demo account sifa) at the legality review.
  const fenghuang = await compileStreet(REVIEWING_STREET, { stopBeforeKind: "LEGALITY" });
  await spreadHistory(fenghuang, new Date(now.getTime() - DAY), 6);

  // Communities of every street except 东湖 and 茶山.
  for (const c of unitRows.filter((u) => u.kind === "COMMUNITY").sort((a, b) => a.id - b.id)) {
    const street = unitById.get(c.parentId!)!;
    if (NO_COMMUNITY_LIST.some((n) => street.name.startsWith(n))) continue;
    const id = await compileCommunity(c.id);
    await publish(id);
    await spreadHistory(id, end, 15);
  }

  async function adjust(listId: number) {
    const chengguan = ctxFor(actorFor(unit("示例市城市管理综合执法局"), ["DEPARTMENT"]));
    const current = await tx.powerList.findUniqueOrThrow({ where: { id: listId }, select: { currentVersion: { select: { id: true, versionNo: true } } } });
    const items = await tx.powerListVersionItem.findMany({ where: { versionId: current.currentVersion!.id }, orderBy: { position: "asc" } });
    const enforcement = await tx.powerListCategory.findFirstOrThrow({ where: { name: "加强行政执法" }, select: { id: true } });
    const toModify = items.find((i) => i.powerType === "行政处罚" && i.legalBasis) ?? items[0];
    const toRemove = items.filter((i) => i.itemKey !== toModify.itemKey).at(-1)!;
    const categoryIds = new Map((await tx.powerListCategory.findMany({ select: { id: true, name: true } })).map((c) => [c.name, c.id]));
    const fields = (i: (typeof items)[number]) => ({
      name: i.name, code: i.code, subItemName: i.subItemName, powerType: i.powerType, legalBasis: i.legalBasis, exerciseSubject: i.exerciseSubject,
      handlingSection: i.handlingSection, departmentName: i.departmentName, departmentDuty: i.departmentDuty, streetDuty: i.streetDuty,
      responsibilities: i.responsibilities, accountability: i.accountability, reclaimMethod: i.reclaimMethod, remarks: i.remarks,
      section: i.section, categoryId: i.category ? (categoryIds.get(i.category) ?? null) : null,
    });
    const { id } = await createAdjustment(
      {
        listId,
        baseVersionNo: current.currentVersion!.versionNo,
        reason: "《示例市市容和环境卫生管理条例》修订后，户外广告设施的处罚条款序号调整；另有一项已由市级部门统一实施。",
        basis: "《示例市市容和环境卫生管理条例》（2026年修订）；市政府关于调整部分行政执法事项的通知",
        changes: [
          {
            action: "ADD",
            fields: {
              ...fields(toModify),
              code: null,
              subItemName: null,
              remarks: null,
              name: "对擅自设置户外招牌的处罚",
              powerType: "行政处罚",
              legalBasis: "《示例市市容和环境卫生管理条例》第二十三条：擅自设置户外招牌的，由城市管理部门责令限期拆除，可以处五百元以上二千元以下罚款。",
              categoryId: enforcement.id,
              section: "BASIC",
            },
            note: "条例修订新增",
          },
          { action: "MODIFY", itemKey: toModify.itemKey, fields: { ...fields(toModify), legalBasis: `${toModify.legalBasis ?? ""}\n《示例市市容和环境卫生管理条例》（2026年修订）第三十一条。`.trim() }, note: "依据更新" },
          { action: "REMOVE", itemKey: toRemove.itemKey, note: "已由市级部门统一实施" },
        ],
      },
      chengguan,
    );
    const version = async () => (await tx.powerListAdjustment.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;
    for (const name of ["示例市司法局", "示例市财政局", "示例市行政审批局"]) {
      const member = ctxFor(actorFor(unit(name), ["REVIEWER"]));
      await opineAdjustment({ adjustmentId: id, version: await version(), opinion: "AGREE", body: name === "示例市司法局" ? "经审查，调整依据合法有效。" : null }, member);
    }
    await decideAdjustment({ adjustmentId: id, version: await version(), approve: true, note: "经联席会议成员单位审核，同意调整。" }, bianban);
    await fileAdjustment({ adjustmentId: id, version: await version(), filingNumber: `示例编备〔${todayInChina(now).slice(0, 4)}〕3号` }, bianban);
    const today = todayInChina(now);
    await publishAdjustment(
      { adjustmentId: id, version: await version(), documentNumber: `示例编发〔${today.slice(0, 4)}〕${serial++}号`, publishDate: today, effectiveDate: today, note: null },
      bianban,
    );
  }

  return { published: serial - 20 };
}
