// The demo city's 准入 (admission) data, made through the same commands the app uses: the
// work calendar from chinese-days; 东湖街道's 属地管理事项清单 (黄陂's columns); applications in
// every state (东湖街道 is being consulted, 司法局 still owes an opinion, one waits for filing);
// two admitted duties in published lists; a community's refusal of an un-admitted task; and a
// review round in which one duty of 东湖桂花社区 is rated not above half and flagged.
import crypto from "node:crypto";
import type { Tx } from "../../lib/db/client";
import type { OrgKind, Role } from "../../lib/generated/prisma/enums";
import type { SessionUser } from "../../lib/auth/types";
import type { CommandContext } from "../../lib/action";
import { seedContext } from "./context";
import { importChineseDays } from "../../lib/calendar/commands";
import { publishLocalDutyList } from "../../lib/local-duties/commands";
import { normaliseName } from "../../lib/refusals/match";
import * as admission from "../../lib/admission/commands";
import type { AdmissionFields } from "../../lib/admission/schema";
import { refuseTask, registerTask } from "../../lib/refusals/commands";
import { createSurveyLink, hashToken, openAppraisalRound } from "../../lib/appraisal/commands";
import { ADMISSION_SETTINGS } from "../../lib/admission/settings";
import { today as todayInChina } from "../../lib/dates";

// Part of 黄陂's 25 属地管理事项, as 东湖街道's starting list.
const HUANGPI_ITEMS = [
  { type: "城市管理", name: "违法建设治理", dept: "示例市城市管理综合执法局", deptDuty: "负责违法建设的认定、查处和强制拆除，指导街道开展巡查。", localDuty: "开展日常巡查，发现违法建设及时劝阻并报告，配合做好拆除工作。", basis: "《中华人民共和国城乡规划法》第六十四条、第六十八条", lead: "区城管执法局", support: "街道办事处" },
  { type: "安全生产", name: "燃气安全隐患排查", dept: "示例市应急管理局", deptDuty: "负责燃气安全监督管理，组织专项整治。", localDuty: "组织网格员入户排查，建立隐患台账，督促整改并上报。", basis: "《城镇燃气管理条例》第五条", lead: "区住建局、区应急管理局", support: "街道办事处" },
  { type: "生态环境", name: "秸秆露天焚烧管控", dept: "示例市生态环境局", deptDuty: "负责秸秆禁烧的监督检查和行政处罚。", localDuty: "落实网格化巡查，发现焚烧及时制止并报告。", basis: "《中华人民共和国大气污染防治法》第七十七条", lead: "区生态环境局", support: "街道办事处" },
  { type: "市场监管", name: "食品摊贩登记管理", dept: "示例市市场监督管理局", deptDuty: "负责食品摊贩的监督管理和违法行为查处。", localDuty: "协助做好摊贩登记、信息采集和日常巡查。", basis: "《湖北省食品安全条例》第四十条", lead: "区市场监管局", support: "街道办事处" },
];

function fields(over: Partial<AdmissionFields> & Pick<AdmissionFields, "title" | "targetUnitIds">): AdmissionFields {
  return {
    kind: "DUTY",
    level: "STREET",
    dutyType: "城市管理",
    content: "按部门制定的工作规范开展日常工作，按月报送工作台账。",
    authority: "日常巡查、劝导、信息采集和报告，不含行政处罚权。",
    timeLimit: "发现问题当日报告，3 个工作日内完成台账报送。",
    legalBasis: "《中华人民共和国城乡规划法》第六十四条；示例市人民政府办公室关于加强基层治理的意见（示政办发〔2025〕8号）",
    departmentDuty: "负责制定工作规范，开展业务培训，承担执法和最终处置责任。",
    localDuty: "负责日常巡查和信息报送，配合部门开展集中整治。",
    leadResponsibility: "区级主管部门",
    supportResponsibility: "街道办事处",
    fundingAmount: "50000",
    fundingSource: "区级财政预算，按年度拨付",
    staffing: "每个承接单位需 1 名专职人员、2 名网格员兼职。",
    workload: "每月约 40 个工作日，其中巡查 30 个、台账 10 个。",
    ...over,
  };
}

export async function seedAdmission(tx: Tx, byName: Map<string, number>) {
  const unit = (name: string) => {
    const id = byName.get(name);
    if (!id) throw new Error(`demo unit missing: ${name}`);
    return id;
  };
  const unitRows = await tx.orgUnit.findMany({ select: { id: true, name: true, kind: true, parentId: true, jointMeetingMember: true } });
  const unitById = new Map(unitRows.map((u) => [u.id, u]));
  const accounts = await tx.user.findMany({ select: { id: true, username: true, displayName: true, unitId: true, roles: true } });
  const as = (unitName: string, role: Role): CommandContext => {
    const u = unitById.get(unit(unitName))!;
    const account = accounts.find((a) => a.unitId === u.id && a.roles.includes(role));
    const user: SessionUser = {
      id: account?.id ?? 0,
      username: account?.username ?? "seed",
      displayName: account?.displayName ?? "演示人员",
      roles: [role],
      unitId: u.id,
      unitName: u.name,
      unitKind: u.kind as OrgKind,
      unitParentId: u.parentId,
      jointMeetingMember: u.jointMeetingMember,
      mustChangePassword: false,
    };
    return seedContext(tx, user);
  };
  const bianban = as("示例市委编办", "BIANBAN_STAFF");
  const dept = (name: string) => as(name, "DEPARTMENT");
  const today = todayInChina();

  await importChineseDays(bianban);

  // 东湖街道's local-management list, version 1.
  const donghu = unit("东湖街道办事处");
  await tx.localDuty.createMany({
    data: HUANGPI_ITEMS.map((i) => ({
      unitId: donghu,
      departmentId: unit(i.dept),
      departmentName: i.dept,
      dutyType: i.type,
      name: i.name,
      nameKey: normaliseName(i.name),
      departmentDuty: i.deptDuty,
      localDuty: i.localDuty,
      legalBasis: i.basis,
      leadResponsibility: i.lead,
      supportResponsibility: i.support,
      admittedOn: new Date(`${today.slice(0, 4)}-01-01T00:00:00Z`),
    })),
  });
  await publishLocalDutyList(tx, donghu, "首次公布属地管理事项清单", bianban.user.displayName);

  const members = await admission.jointMembers(tx);
  // Who signed each member unit's written opinion that 编办 enters on its behalf.
  const SIGNATORIES: Record<string, string> = { 示例市财政局: "周立新", 示例市人力资源和社会保障局: "陈红梅", 示例市委编办: "李建国" };
  const opineAll = async (id: number, except: string[] = []) => {
    for (const m of members) {
      if (except.includes(m.name)) continue;
      const ctx = m.name === "示例市司法局" ? as(m.name, "REVIEWER") : bianban;
      await admission.recordOpinion({ id, unitId: m.id, opinion: "AGREE", body: m.name === "示例市财政局" ? "经费已纳入年度预算，同意。" : "经审查，依据充分，同意准入。", signatory: SIGNATORIES[m.name] ?? "单位负责人" }, ctx);
    }
  };
  const agreeAll = async (id: number, units: string[]) => {
    for (const u of units) await admission.respondToConsultation({ id, response: "AGREE", reason: "" }, as(u, unitById.get(unit(u))!.kind === "COMMUNITY" ? "COMMUNITY" : "STREET"));
  };
  const streets = ["东湖街道办事处", "南岸街道办事处"];
  const communities = ["东湖桂花社区", "东湖荷塘社区"];

  // ADMITTED (street): 城管局's 门前三包 into 东湖 and 南岸.
  const a1 = await admission.createAdmission(fields({ title: "门前三包责任制落实督导", targetUnitIds: streets.map(unit), fundingAmount: "80000" }), dept("示例市城市管理综合执法局"));
  await admission.initialReview({ id: a1.id, decision: "FORWARD", comment: "材料齐全" }, bianban);
  await opineAll(a1.id);
  await agreeAll(a1.id, streets);
  await admission.decideAdmission({ id: a1.id, decision: "ADMIT", approvalDocNo: "示编准〔2026〕1号", note: "", objections: [] }, bianban);
  await admission.fileAdmission({ id: a1.id, filingNumber: "市编备〔2026〕3号", filingAuthority: "示例省委编办", filedOn: today }, bianban);

  // ADMITTED (community): 民政局's 高龄津贴, later rated poorly in 桂花社区.
  const a2 = await admission.createAdmission(
    fields({
      title: "高龄津贴申领材料初审",
      level: "COMMUNITY",
      kind: "SERVICE",
      dutyType: "公共服务",
      targetUnitIds: communities.map(unit),
      fundingAmount: "35000",
      // 高龄津贴 rests on the elderly-rights law and the province's rules, not on town planning.
      legalBasis: "《中华人民共和国老年人权益保障法》第三十三条；《示例省实施〈中华人民共和国老年人权益保障法〉办法》；示例市高龄津贴发放管理办法（示民发〔2024〕5号）",
      content: "告知高龄津贴政策，受理辖区老年人的申领材料并初审，按月报送名册。",
      departmentDuty: "负责制定高龄津贴发放标准和审核规范，审核认定并发放津贴。",
      localDuty: "负责政策告知、申领材料收集和初审，协助开展年度生存认证。",
      leadResponsibility: "市民政局",
      supportResponsibility: "社区居委会",
    }),
    dept("示例市民政局"),
  );
  await admission.initialReview({ id: a2.id, decision: "FORWARD", comment: "" }, bianban);
  await opineAll(a2.id);
  await agreeAll(a2.id, communities);
  await admission.decideAdmission({ id: a2.id, decision: "ADMIT", approvalDocNo: "示编准〔2026〕2号", note: "", objections: [] }, bianban);
  await admission.fileAdmission({ id: a2.id, filingNumber: "市编备〔2026〕4号", filingAuthority: "示例省委编办", filedOn: today }, bianban);

  // FILING: decided, waiting to be filed with the city 编办.
  const a3 = await admission.createAdmission(fields({ title: "文化市场巡查信息报送", dutyType: "文化旅游", targetUnitIds: [unit("北门街道办事处")], fundingAmount: "20000" }), dept("示例市文化和旅游局"));
  await admission.initialReview({ id: a3.id, decision: "FORWARD", comment: "" }, bianban);
  await opineAll(a3.id);
  await agreeAll(a3.id, ["北门街道办事处"]);
  await admission.decideAdmission({ id: a3.id, decision: "ADMIT", approvalDocNo: "示编准〔2026〕3号", note: "", objections: [] }, bianban);

  // DECIDING, with an objection from 南岸.
  const a4 = await admission.createAdmission(fields({ title: "小餐饮店食品安全日常巡查", dutyType: "市场监管", targetUnitIds: streets.map(unit) }), dept("示例市市场监督管理局"));
  await admission.initialReview({ id: a4.id, decision: "FORWARD", comment: "" }, bianban);
  await opineAll(a4.id);
  await admission.respondToConsultation({ id: a4.id, response: "AGREE", reason: "" }, as("东湖街道办事处", "STREET"));
  await admission.respondToConsultation({ id: a4.id, response: "OBJECT", reason: "街道没有食品安全执法人员，日常巡查应由市场监管所承担。" }, as("南岸街道办事处", "STREET"));

  // CONSULTING: 东湖 (the demo street account) still has to answer.
  const a5 = await admission.createAdmission(fields({ title: "城市生活垃圾分类督导", targetUnitIds: [...streets, "北门街道办事处"].map(unit) }), dept("示例市城市管理综合执法局"));
  await admission.initialReview({ id: a5.id, decision: "FORWARD", comment: "" }, bianban);
  await opineAll(a5.id);
  await admission.respondToConsultation({ id: a5.id, response: "OBJECT", reason: "垃圾分类督导员经费不足，需明确人员来源。" }, as("南岸街道办事处", "STREET"));

  // JOINT_REVIEW: 司法局 (the demo reviewer) has not given its opinion yet.
  const a6 = await admission.createAdmission(fields({ title: "燃气安全入户宣传", dutyType: "安全生产", targetUnitIds: [unit("东湖街道办事处")], fundingAmount: "30000" }), dept("示例市应急管理局"));
  await admission.initialReview({ id: a6.id, decision: "FORWARD", comment: "" }, bianban);
  await opineAll(a6.id, ["示例市司法局"]);

  // RETURNED for revision, and SUBMITTED (one overdue for initial review).
  const a7 = await admission.createAdmission(fields({ title: "辖区犬只登记信息采集", dutyType: "公共安全", targetUnitIds: communities.map(unit), level: "COMMUNITY", fundingAmount: "0", fundingSource: "" }), dept("示例市城市管理综合执法局"));
  await admission.initialReview({ id: a7.id, decision: "RETURN", comment: "请补充法律依据，并测算社区需要的人员和经费；费随事转，不能为 0。" }, bianban);
  await admission.createAdmission(fields({ title: "家庭医生签约入户宣传", kind: "SERVICE", dutyType: "卫生健康", level: "COMMUNITY", targetUnitIds: [unit("东湖桂花社区")], fundingAmount: "12000" }), dept("示例市卫生健康委员会"));
  const a9 = await admission.createAdmission(fields({ title: "农村宅基地使用情况摸排", dutyType: "自然资源", targetUnitIds: [unit("清河镇人民政府")], fundingAmount: "40000" }), dept("示例市自然资源和规划局"));
  await tx.admission.update({ where: { id: a9.id }, data: { stageDueOn: new Date(Date.now() - 10 * 86_400_000) } });
  await tx.admissionStep.updateMany({ where: { admissionId: a9.id, completedAt: null }, data: { dueOn: new Date(Date.now() - 10 * 86_400_000) } });

  // REFUSED and WITHDRAWN.
  const a10 = await admission.createAdmission(fields({ title: "违法建设强制拆除", dutyType: "城市管理", targetUnitIds: streets.map(unit), authority: "责令限期拆除、强制拆除。" }), dept("示例市住房和城乡建设局"));
  await admission.initialReview({ id: a10.id, decision: "FORWARD", comment: "" }, bianban);
  await opineAll(a10.id);
  await agreeAll(a10.id, streets);
  await admission.decideAdmission({ id: a10.id, decision: "REFUSE", approvalDocNo: "示编准〔2026〕4号", note: "强制拆除属行政强制，街道不具备执法条件，不予准入。", objections: [] }, bianban);
  const a11 = await admission.createAdmission(fields({ title: "河道保洁日常巡查", dutyType: "水利", targetUnitIds: [unit("凤凰街道办事处")] }), dept("示例市水利局"));
  await admission.withdrawAdmission({ id: a11.id }, dept("示例市水利局"));

  // 拒绝权: 桂花社区 refuses an un-admitted task; a matching one is recorded as admitted.
  const guihua = as("东湖桂花社区", "COMMUNITY");
  const task = await registerTask({ title: "创建文明城市入户问卷调查", departmentId: unit("示例市文化和旅游局"), receivedOn: today, description: "要求社区一周内完成 500 份入户问卷。" }, guihua);
  await refuseTask({ id: task.id, reason: "该任务未经准入，社区无相应人员和经费，请交办部门自行组织。" }, guihua);
  await registerTask({ title: "高龄津贴申领材料初审工作", departmentId: unit("示例市民政局"), receivedOn: today, description: "" }, guihua);

  // 评议: this year's round; 桂花社区 rates 高龄津贴 poorly (1 of 4 satisfied: flagged).
  const year = Number(today.slice(0, 4));
  // The demo files with the province's 编办. Its duties were all admitted this year, so this
  // year's round leaves none out (编办 can set the months at /admission/settings; default 6).
  await tx.setting.createMany({
    data: [
      { key: ADMISSION_SETTINGS.filingAuthority.key, value: "示例省委编办" },
      { key: ADMISSION_SETTINGS.appraisalExclusionMonths.key, value: "0" },
    ],
    skipDuplicates: true,
  });
  const round = await openAppraisalRound({ year, closesOn: `${year}-12-31` }, bianban);
  const gaoling = await tx.localDuty.findFirstOrThrow({ where: { unitId: unit("东湖桂花社区"), admissionId: a2.id }, select: { id: true } });
  const menqian = await tx.localDuty.findFirstOrThrow({ where: { unitId: donghu, admissionId: a1.id }, select: { id: true } });
  const link = (unitName: string, label: string) =>
    tx.appraisalSurveyLink.create({
      data: { roundId: round.id, unitId: unit(unitName), tokenHash: hashToken(crypto.randomBytes(24).toString("base64url")), label, createdByName: bianban.user.displayName, usedAt: new Date() },
    });
  for (const [i, value] of (["BASIC", "DISSATISFIED", "DISSATISFIED"] as const).entries()) {
    const l = await link("东湖桂花社区", `居民代表 ${i + 1}`);
    await tx.appraisalRating.create({ data: { roundId: round.id, localDutyId: gaoling.id, value, linkId: l.id } });
  }
  for (const [i, value] of (["SATISFIED", "SATISFIED", "BASIC"] as const).entries()) {
    const l = await link("东湖街道办事处", `辖区单位代表 ${i + 1}`);
    await tx.appraisalRating.create({ data: { roundId: round.id, localDutyId: menqian.id, value, linkId: l.id } });
  }
  await createSurveyLink({ roundId: round.id, unitId: unit("东湖荷塘社区"), label: "居民代表" }, bianban);
}
