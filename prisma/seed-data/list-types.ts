import type { Tx } from "../../lib/db/client";
import type { SessionUser } from "../../lib/auth/types";
import { parseStageLine, type ListUnitKind } from "../../lib/list-types/schema";
import type { FieldDef } from "../../lib/list-types/fields";
import { createListType, createTypedList, publishList, reviewList, saveRow, submitList } from "../../lib/list-types/commands";
import { seedContext } from "./context";

// 徐州's six lists for each town and street, as list types (issue 13), and one published list
// of each for the demo city's 清河镇, made through the app's own commands (audited like real work).

type TypeSeed = { code: string; name: string; description: string; unitKinds: ListUnitKind[]; fields: FieldDef[]; sections: string[]; stages: string[]; rows: { section?: string; values: Record<string, string> }[] };

const f = (key: string, label: string, type: FieldDef["type"], required = false, options?: string[]): FieldDef => ({ key, label, type, required, ...(options ? { options } : {}) });
const TOWN: ListUnitKind[] = ["STREET", "TOWNSHIP"];
// 合法性审查 is 司法局's own stage (its users review it); 编办审核 is the list unit's 编办's.
const STAGES = ["合法性审查：示例市司法局", "编办审核"];

export const XUZHOU_LIST_TYPES: TypeSeed[] = [
  {
    code: "xz-responsibility",
    name: "责任清单",
    description: "镇（街道）履行职责的主要事项、具体工作和责任，以及追责情形。",
    unitKinds: TOWN,
    fields: [
      f("duty", "主要职责", "text", true),
      f("tasks", "具体工作事项", "longText", true),
      f("leadDepartment", "责任科室", "department", true),
      f("cooperation", "配合部门", "department"),
      f("accountability", "追责情形", "longText"),
      f("legalBasis", "法律依据", "lawCitation"),
    ],
    sections: ["党的建设", "经济发展", "民生服务", "平安法治"],
    stages: STAGES,
    rows: [
      { section: "党的建设", values: { duty: "加强基层党组织建设", tasks: "指导村（社区）党组织换届选举；开展党员发展和教育管理；落实“三会一课”制度。", leadDepartment: "党建工作办公室", cooperation: "县委组织部", accountability: "党组织软弱涣散长期得不到整顿的。", legalBasis: "《中国共产党农村基层组织工作条例》第十九条" } },
      { section: "经济发展", values: { duty: "优化营商环境", tasks: "为辖区企业提供政策咨询、帮办代办服务；协调解决企业生产经营中的困难。", leadDepartment: "经济发展办公室", cooperation: "县发展改革委、县行政审批局", accountability: "不履行或者不正确履行服务职责，造成不良影响的。", legalBasis: "《优化营商环境条例》第八条" } },
      { section: "民生服务", values: { duty: "落实社会救助", tasks: "受理最低生活保障、特困人员供养申请，入户调查并公示；开展临时救助。", leadDepartment: "社会事业服务中心", cooperation: "县民政局", accountability: "违反规定审核确认救助对象的。", legalBasis: "《社会救助暂行办法》第十一条" } },
      { section: "平安法治", values: { duty: "安全生产监督管理", tasks: "组织辖区安全生产检查和隐患排查治理；督促生产经营单位落实主体责任。", leadDepartment: "应急管理办公室", cooperation: "县应急管理局", accountability: "发现安全生产违法行为不予制止、不予报告的。", legalBasis: "《中华人民共和国安全生产法》第九条" } },
    ],
  },
  {
    code: "xz-power",
    name: "权力清单",
    description: "依法赋予或委托镇（街道）行使的行政权力事项。",
    unitKinds: TOWN,
    fields: [
      f("code", "事项编码", "text"),
      f("name", "事项名称", "text", true),
      f("powerType", "权力类别", "choice", true, ["行政许可", "行政处罚", "行政强制", "行政征收", "行政给付", "行政检查", "行政确认", "其他行政权力"]),
      f("legalBasis", "实施依据", "lawCitation", true),
      f("subject", "实施主体", "department", true),
      f("handlingSection", "承办机构", "department"),
      f("remarks", "备注", "longText"),
    ],
    sections: [],
    stages: STAGES,
    rows: [
      { values: { code: "XK-001", name: "乡村建设规划许可证核发", powerType: "行政许可", legalBasis: "《中华人民共和国城乡规划法》第四十一条", subject: "清河镇人民政府", handlingSection: "便民服务中心" } },
      { values: { code: "CF-012", name: "对在城市道路两侧擅自堆放物料的处罚", powerType: "行政处罚", legalBasis: "《城市市容和环境卫生管理条例》第三十六条", subject: "清河镇人民政府", handlingSection: "综合行政执法局", remarks: "依法赋权事项" } },
      { values: { code: "JC-003", name: "对农村村民建住宅的监督检查", powerType: "行政检查", legalBasis: "《中华人民共和国土地管理法》第六十二条", subject: "清河镇人民政府", handlingSection: "规划建设办公室" } },
      { values: { code: "JF-002", name: "临时救助金给付", powerType: "行政给付", legalBasis: "《社会救助暂行办法》第四十八条", subject: "清河镇人民政府", handlingSection: "社会事业服务中心" } },
    ],
  },
  {
    code: "xz-public-service",
    name: "公共服务事项清单",
    description: "镇（街道）直接面向群众和企业提供的公共服务事项及办事指南。",
    unitKinds: TOWN,
    fields: [
      f("name", "事项名称", "text", true),
      f("serviceObject", "服务对象", "text", true),
      f("conditions", "办理条件", "longText", true),
      f("materials", "申请材料", "longText", true),
      f("process", "办理流程", "longText", true),
      f("legalTimeLimit", "法定时限", "workingDays"),
      f("promisedTimeLimit", "承诺时限", "workingDays", true),
      f("fee", "收费", "fee", true),
      f("place", "办理地点", "text", true),
      f("phone", "咨询电话", "phone", true),
    ],
    sections: ["社会保障", "民政服务", "农业农村", "其他服务"],
    stages: STAGES,
    rows: [
      { section: "社会保障", values: { name: "城乡居民基本养老保险参保登记", serviceObject: "年满16周岁、非国家机关和事业单位工作人员、不属于职工基本养老保险覆盖范围的城乡居民", conditions: "具有本县户籍，未参加职工基本养老保险。", materials: "居民身份证或户口簿原件；《城乡居民基本养老保险参保登记表》。", process: "申请—受理—审核—登记，即来即办。", legalTimeLimit: "5", promisedTimeLimit: "0", fee: "不收费", place: "清河镇为民服务中心社保窗口", phone: "0516-87651201" } },
      { section: "民政服务", values: { name: "最低生活保障申请受理", serviceObject: "共同生活的家庭成员人均收入低于当地最低生活保障标准的家庭", conditions: "持有本县户籍；家庭人均收入和财产状况符合规定。", materials: "申请书；户口簿、居民身份证；家庭收入和财产状况申报及核对授权书。", process: "申请—受理—入户调查—民主评议—审核公示—县民政局确认。", legalTimeLimit: "30", promisedTimeLimit: "20", fee: "不收费", place: "清河镇为民服务中心民政窗口", phone: "0516-87651203" } },
      { section: "民政服务", values: { name: "残疾人两项补贴申请受理", serviceObject: "持有第二代残疾人证的困难残疾人和重度残疾人", conditions: "困难残疾人生活补贴：低保家庭中的残疾人；重度残疾人护理补贴：残疾等级为一、二级的残疾人。", materials: "残疾人证；居民身份证；银行账户信息。", process: "申请—受理—审核—县残联、县民政局审定—发放。", legalTimeLimit: "15", promisedTimeLimit: "10", fee: "不收费", place: "清河镇为民服务中心残联窗口", phone: "0516-87651205" } },
      { section: "农业农村", values: { name: "农村宅基地和建房（规划许可）申请受理", serviceObject: "符合条件的农村村民", conditions: "本集体经济组织成员，一户只能拥有一处宅基地，符合国土空间规划。", materials: "农村宅基地和建房（规划许可）申请表；户口簿；建房设计图或通用图。", process: "申请—村级审查—镇级联审—审批—开工查验—竣工验收。", legalTimeLimit: "20", promisedTimeLimit: "15", fee: "不收费", place: "清河镇为民服务中心农业农村窗口", phone: "0516-87651208" } },
      { section: "其他服务", values: { name: "老年人优待证办理", serviceObject: "年满60周岁的老年人", conditions: "具有本县户籍或持有本县居住证。", materials: "居民身份证；近期一寸免冠照片一张。", process: "申请—受理—制证—发放。", promisedTimeLimit: "0", fee: "不收费", place: "清河镇为民服务中心综合窗口", phone: "0516-87651200" } },
    ],
  },
  {
    code: "xz-duty-admission",
    name: "职责准入清单",
    description: "县镇职责边界清单：县级部门与镇（街道）在各领域的职责边界。",
    unitKinds: TOWN,
    fields: [
      f("field", "职责领域", "text", true),
      f("name", "事项名称", "text", true),
      f("countyDepartment", "县级主管部门", "department", true),
      f("countyDuty", "县级部门职责", "longText", true),
      f("townDuty", "镇（街道）职责", "longText", true),
      f("legalBasis", "依据", "lawCitation"),
    ],
    sections: [],
    stages: STAGES,
    rows: [
      { values: { field: "城乡建设", name: "违法建设治理", countyDepartment: "县住房城乡建设局", countyDuty: "负责违法建设认定标准制定、业务指导和监督考核；依法查处违法建设。", townDuty: "负责日常巡查，发现违法建设及时制止并报告；配合开展拆除工作。", legalBasis: "《中华人民共和国城乡规划法》第六十五条" } },
      { values: { field: "生态环境", name: "秸秆禁烧", countyDepartment: "县生态环境局", countyDuty: "负责秸秆禁烧监督管理，组织开展执法检查，查处违法焚烧行为。", townDuty: "负责辖区秸秆禁烧巡查、宣传和火点处置，落实网格化管理。", legalBasis: "《中华人民共和国大气污染防治法》第七十七条" } },
      { values: { field: "市场监管", name: "食品安全监管", countyDepartment: "县市场监管局", countyDuty: "负责食品生产经营许可、监督检查和案件查处。", townDuty: "协助开展农村集体聚餐备案指导和食品安全宣传，发现问题及时报告。", legalBasis: "《中华人民共和国食品安全法》第六条" } },
    ],
  },
  {
    code: "xz-village-service",
    name: "村级便民服务点受理民生服务清单",
    description: "村（社区）便民服务点可以受理、代办的民生服务事项。",
    unitKinds: TOWN,
    fields: [
      f("name", "服务事项", "text", true),
      f("mode", "办理方式", "choice", true, ["直接办理", "受理转办", "全程代办"]),
      f("materials", "所需材料", "longText", true),
      f("timeLimit", "办结时限", "workingDays"),
      f("undertaker", "承办单位", "department", true),
      f("fee", "收费", "fee", true),
      f("phone", "联系电话", "phone"),
    ],
    sections: ["社保医保", "民政残联", "综合服务"],
    stages: ["编办审核"],
    rows: [
      { section: "社保医保", values: { name: "城乡居民医疗保险参保缴费", mode: "直接办理", materials: "居民身份证或户口簿。", timeLimit: "0", undertaker: "县医疗保障局", fee: "不收费", phone: "0516-87651201" } },
      { section: "社保医保", values: { name: "养老保险待遇资格认证", mode: "直接办理", materials: "居民身份证。", timeLimit: "0", undertaker: "县人力资源社会保障局", fee: "不收费" } },
      { section: "民政残联", values: { name: "高龄津贴申请", mode: "受理转办", materials: "居民身份证；户口簿；银行账户信息。", timeLimit: "10", undertaker: "清河镇社会事业服务中心", fee: "不收费", phone: "0516-87651203" } },
      { section: "综合服务", values: { name: "农村危房改造申请", mode: "全程代办", materials: "申请书；户口簿；房屋现状照片。", timeLimit: "20", undertaker: "清河镇规划建设办公室", fee: "不收费", phone: "0516-87651208" } },
    ],
  },
  {
    code: "xz-info-sharing",
    name: "县镇跨部门信息共享清单",
    description: "县级部门与镇（街道）之间共享的政务信息资源。",
    unitKinds: TOWN,
    fields: [
      f("name", "信息名称", "text", true),
      f("provider", "提供单位", "department", true),
      f("user", "使用单位", "department", true),
      f("method", "共享方式", "choice", true, ["接口", "库表", "文件"]),
      f("frequency", "更新频率", "choice", true, ["实时", "每日", "每周", "每月", "每季度", "每年", "按需"]),
      f("conditions", "共享条件", "choice", true, ["无条件共享", "有条件共享", "不予共享"]),
      f("purpose", "使用用途", "longText"),
    ],
    sections: [],
    stages: ["编办审核"],
    rows: [
      { values: { name: "户籍人口基本信息", provider: "县公安局", user: "清河镇人民政府", method: "接口", frequency: "实时", conditions: "有条件共享", purpose: "社会救助、养老服务对象身份核验。" } },
      { values: { name: "城乡低保对象名册", provider: "县民政局", user: "清河镇人民政府", method: "库表", frequency: "每月", conditions: "有条件共享", purpose: "救助对象动态管理和入户核查。" } },
      { values: { name: "市场主体登记信息", provider: "县市场监管局", user: "清河镇人民政府", method: "接口", frequency: "每日", conditions: "无条件共享", purpose: "网格化服务企业和安全生产检查。" } },
      { values: { name: "农村宅基地审批台账", provider: "清河镇人民政府", user: "县农业农村局", method: "文件", frequency: "每季度", conditions: "有条件共享", purpose: "宅基地管理统计和监督检查。" } },
    ],
  },
];

const DEMO_UNIT = "清河镇人民政府";

export async function seedListTypes(tx: Tx, byName: Map<string, number>) {
  const bianbanId = byName.get("示例市委编办");
  const unitId = byName.get(DEMO_UNIT);
  if (!bianbanId || !unitId) throw new Error("list types seed: demo units missing");
  const account = await tx.user.findFirst({ where: { unitId: bianbanId, roles: { has: "BIANBAN_STAFF" } }, select: { id: true, username: true, displayName: true } });
  const user: SessionUser = {
    id: account?.id ?? 0,
    username: account?.username ?? "seed",
    displayName: account?.displayName ?? "演示人员",
    roles: ["BIANBAN_STAFF"],
    unitId: bianbanId,
    unitName: "示例市委编办",
    unitKind: "BIANBAN",
    unitParentId: null,
    jointMeetingMember: true,
    mustChangePassword: false,
  };
  const ctx = seedContext(tx, user);
  // A stage that names a unit is reviewed by one of that unit's accounts.
  const reviewerContext = async (unitName: string) => {
    const id = byName.get(unitName);
    if (!id) throw new Error(`list types seed: reviewing unit ${unitName} missing`);
    const reviewer = await tx.user.findFirst({ where: { unitId: id, active: true }, orderBy: { id: "asc" }, select: { id: true, username: true, displayName: true, roles: true } });
    return seedContext(tx, { ...user, id: reviewer?.id ?? 0, username: reviewer?.username ?? "seed", displayName: reviewer?.displayName ?? "演示人员", roles: reviewer?.roles ?? ["REVIEWER"], unitId: id, unitName, unitKind: "DEPARTMENT", jointMeetingMember: false });
  };
  let n = 0;
  for (const t of XUZHOU_LIST_TYPES) {
    n++;
    const type = await createListType({ code: t.code, name: t.name, description: t.description, unitKinds: t.unitKinds, fields: t.fields, sections: t.sections, stages: t.stages }, ctx);
    const list = await createTypedList({ typeId: type.id, unitId }, ctx);
    let revision = 1;
    for (const row of t.rows) {
      await saveRow({ listId: list.id, revision, rowKey: "", section: row.section ?? "", v: row.values }, ctx);
      revision++;
    }
    await submitList({ listId: list.id, revision }, ctx);
    revision++;
    for (const stage of t.stages) {
      const { name, unitName } = parseStageLine(stage);
      await reviewList({ listId: list.id, revision, decision: "approve", opinion: `${name}：同意公布。` }, unitName ? await reviewerContext(unitName) : ctx);
      revision++;
    }
    await publishList({ listId: list.id, revision, documentNumber: `东政办发〔2026〕${20 + n}号`, note: "首次公布" }, ctx);
  }
}
