import { describe, expect, it } from "vitest";
import {
  closeConsultationAction,
  consultAction,
  createAdmissionAction,
  decideAdmissionAction,
  deleteAttachmentAction,
  fileAdmissionAction,
  initialReviewAction,
  recordOpinionAction,
  updateAdmissionAction,
  uploadAttachmentAction,
  saveSettingsAction,
  withdrawAdmissionAction,
} from "@/lib/admission/actions";
import { admissionQueue, admissionSettings, getAdmission } from "@/lib/admission/queries";
import { decisionDocument, opinionsDocument } from "@/lib/admission/documents";
import { GET as documentsRoute } from "@/app/api/admission/[id]/documents/route";
import { fundingLines, summarise } from "@/lib/funding/queries";
import { actAs, DEMO_USERNAMES, prisma, unitId } from "./helpers";


const ALL = DEMO_USERNAMES;

async function form(over: Record<string, unknown> = {}) {
  return {
    kind: "DUTY" as const,
    level: "STREET" as const,
    title: "背街小巷环境卫生督导",
    dutyType: "城市管理",
    content: "每周巡查背街小巷环境卫生，发现问题督促整改。",
    authority: "巡查、劝导、报告。",
    timeLimit: "发现问题当日报告。",
    legalBasis: "《城市市容和环境卫生管理条例》第四条",
    departmentDuty: "制定标准，组织考核，查处违法行为。",
    localDuty: "日常巡查，信息报送。",
    leadResponsibility: "区城管局",
    supportResponsibility: "街道办事处",
    fundingAmount: "60000",
    fundingSource: "区级财政",
    staffing: "1 名专职人员。",
    workload: "每月 20 个工作日。",
    targetUnitIds: [await unitId("东湖街道办事处"), await unitId("北门街道办事处")],
    ...over,
  };
}

async function state(id: number) {
  const a = await prisma.admission.findUniqueOrThrow({ where: { id }, include: { steps: true, opinions: true, targets: true } });
  return { status: a.status, steps: a.steps.length, opinions: a.opinions.length, audits: await prisma.auditLog.count({ where: { subjectType: "admission", subjectId: String(id) } }) };
}

describe("the demo seed", () => {
  it("has applications in every state, a published list, a refusal and a flagged duty", async () => {
    const statuses = await prisma.admission.groupBy({ by: ["status"], _count: { _all: true } });
    expect(statuses.map((s) => s.status).sort()).toEqual(["ADMITTED", "CONSULTING", "DECIDING", "FILING", "JOINT_REVIEW", "REFUSED", "RETURNED", "SUBMITTED", "WITHDRAWN"]);
    expect(await prisma.localDutyListVersion.count()).toBeGreaterThan(2);
    expect(await prisma.taskRegisterEntry.count({ where: { status: "REFUSED" } })).toBe(1);
    expect(await prisma.workCalendarDay.count({ where: { date: new Date("2025-10-11T00:00:00Z"), kind: "WORKDAY" } })).toBe(1);
  });
});

describe("the policy matrix", () => {
  it("lets only a department apply, and nothing changes for the others", async () => {
    const input = await form();
    const before = await prisma.admission.count();
    for (const u of ALL.filter((u) => u !== "chengguan")) {
      await actAs(u);
      expect(await createAdmissionAction(input), u).toMatchObject({ ok: false, code: "FORBIDDEN" });
    }
    await actAs(null);
    expect(await createAdmissionAction(input)).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    expect(await prisma.admission.count()).toBe(before);
  });

  it("gives each step only to its role, on the server", async () => {
    await actAs("chengguan");
    const r = await createAdmissionAction(await form({ title: "权限矩阵测试事项" }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const id = r.data.id;
    const sifaUnit = await unitId("示例市司法局");
    const steps = {
      initialReview: () => initialReviewAction({ id, decision: "FORWARD", comment: "" }),
      decide: () => decideAdmissionAction({ id, decision: "ADMIT", approvalDocNo: "测试〔2026〕1号", note: "" }),
      file: () => fileAdmissionAction({ id, filingNumber: "备1", filingAuthority: "示例市委编办", filedOn: "2026-11-23" }),
      closeConsultation: () => closeConsultationAction({ id, note: "" }),
    };
    const snapshot = await state(id);
    for (const u of ["chengguan", "sifa", "jiedao", "shequ", "lingdao"]) {
      await actAs(u);
      expect(await steps.initialReview(), u).toMatchObject({ ok: false, code: "FORBIDDEN" });
      expect(await steps.decide(), u).toMatchObject({ ok: false, code: "FORBIDDEN" });
      expect(await steps.file(), u).toMatchObject({ ok: false, code: "FORBIDDEN" });
    }
    // A street may not withdraw or edit another's application; 编办 may not edit it either.
    for (const u of ["jiedao", "bianban", "sifa"]) {
      await actAs(u);
      expect(await withdrawAdmissionAction({ id }), u).toMatchObject({ ok: false, code: "FORBIDDEN" });
    }
    // Opinions only during joint review; and a reviewer only for its own unit.
    await actAs("sifa");
    expect(await recordOpinionAction({ id, unitId: sifaUnit, opinion: "AGREE", body: "同意" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await state(id)).toEqual(snapshot);

    await actAs("bianban");
    expect(await steps.initialReview()).toMatchObject({ ok: true });
    await actAs("sifa");
    expect(await recordOpinionAction({ id, unitId: await unitId("示例市财政局"), opinion: "AGREE", body: "同意" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await recordOpinionAction({ id, unitId: sifaUnit, opinion: "AGREE", body: "合法性审查通过" })).toMatchObject({ ok: true });
    expect(await recordOpinionAction({ id, unitId: sifaUnit, opinion: "DISAGREE", body: "改主意" })).toMatchObject({ ok: false, code: "INVALID_STATE" });
    // A community not concerned may not answer the consultation, nor a street before it opens.
    await actAs("jiedao");
    expect(await consultAction({ id, response: "AGREE", reason: "" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    await actAs("lingdao");
    expect(await recordOpinionAction({ id, unitId: sifaUnit, opinion: "AGREE", body: "x" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });

  it("answers bad input with Chinese field messages and writes nothing", async () => {
    await actAs("chengguan");
    const before = await prisma.admission.count();
    const r = await createAdmissionAction(await form({ title: "", fundingAmount: "abc", targetUnitIds: [] }));
    expect(r).toMatchObject({ ok: false, code: "VALIDATION" });
    if (r.ok) return;
    expect(r.fieldErrors).toMatchObject({ title: expect.stringContaining("事项名称"), fundingAmount: expect.stringContaining("金额"), targetUnitIds: "请至少选择一个承接单位" });
    // A community at street level is refused by the server.
    const wrong = await createAdmissionAction(await form({ targetUnitIds: [await unitId("东湖桂花社区")] }));
    expect(wrong).toMatchObject({ ok: false, code: "VALIDATION", fieldErrors: { targetUnitIds: "承接单位只能选择街道或乡镇" } });
    expect(await prisma.admission.count()).toBe(before);
  });
});

/** A new application by 城管局 for 东湖 and 北门, through joint review to consultation. */
async function toConsultation(title: string) {
  await actAs("chengguan");
  const created = await createAdmissionAction(await form({ title }));
  if (!created.ok) throw new Error(created.message);
  const id = created.data.id;
  await actAs("bianban");
  expect(await initialReviewAction({ id, decision: "FORWARD", comment: "" })).toMatchObject({ ok: true });
  const members = await prisma.orgUnit.findMany({ where: { jointMeetingMember: true, active: true } });
  for (const m of members) {
    expect(await recordOpinionAction({ id, unitId: m.id, opinion: "AGREE", body: "同意", signatory: m.name === "示例市委编办" ? "" : `${m.name.slice(3, 5)}负责人王某` })).toMatchObject({ ok: true });
  }
  return id;
}

describe("opinions entered on a member unit's behalf", () => {
  it("name the member unit's signatory, and 编办's clerk as who entered them", async () => {
    await actAs("chengguan");
    const created = await createAdmissionAction(await form({ title: "代录意见签署人测试" }));
    if (!created.ok) throw new Error(created.message);
    const id = created.data.id;
    await actAs("bianban");
    expect(await initialReviewAction({ id, decision: "FORWARD", comment: "" })).toMatchObject({ ok: true });
    const finance = await unitId("示例市财政局");
    expect(await recordOpinionAction({ id, unitId: finance, opinion: "AGREE", body: "同意", signatory: "" })).toMatchObject({ ok: false, fieldErrors: { signatory: expect.stringContaining("签署人") } });
    expect(await prisma.admissionOpinion.count({ where: { admissionId: id } })).toBe(0);
    expect(await recordOpinionAction({ id, unitId: finance, opinion: "AGREE", body: "同意", signatory: "周立新" })).toMatchObject({ ok: true });
    const o = await prisma.admissionOpinion.findFirstOrThrow({ where: { admissionId: id, unitId: finance } });
    expect(o.authorName).toBe("周立新");
    expect(o.enteredByName).toContain("示例市委编办");
  });
});

describe("准入 settings", () => {
  it("编办 may change the 备案机关, nobody else", async () => {
    expect((await admissionSettings()).filingAuthority).toBe("示例省委编办");
    await actAs("chengguan");
    expect(await saveSettingsAction({ filingAuthority: "某部门", appraisalExclusionMonths: 3 })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    await actAs("bianban");
    expect(await saveSettingsAction({ filingAuthority: "", appraisalExclusionMonths: 3 })).toMatchObject({ ok: false, fieldErrors: { filingAuthority: expect.any(String) } });
    expect(await saveSettingsAction({ filingAuthority: "示例省委编办", appraisalExclusionMonths: 3 })).toMatchObject({ ok: true });
    expect(await admissionSettings()).toEqual({ filingAuthority: "示例省委编办", appraisalExclusionMonths: 3 });
    expect(await prisma.auditLog.count({ where: { action: "admission.settings" } })).toBe(1);
    expect(await saveSettingsAction({ filingAuthority: "示例省委编办", appraisalExclusionMonths: 0 })).toMatchObject({ ok: true });
  });
});

describe("partial admission", () => {
  it("leaves out the unit whose objection 编办 upholds, records why, and tells the department", async () => {
    const id = await toConsultation("部分准入测试事项");
    const donghu = await unitId("东湖街道办事处");
    const beimen = await unitId("北门街道办事处");
    await actAs("jiedao");
    expect(await consultAction({ id, response: "OBJECT", reason: "辖区无相关设施" })).toMatchObject({ ok: true });
    await actAs("bianban");
    expect(await closeConsultationAction({ id, note: "" })).toMatchObject({ ok: true });
    // Upholding needs a reason; a unit that did not object cannot be left out; nor can every unit.
    const decide = (objections: { unitId: number; upheld: boolean; reason: string }[]) => decideAdmissionAction({ id, decision: "ADMIT", approvalDocNo: "示编准〔2026〕21号", note: "", objections });
    expect(await decide([{ unitId: donghu, upheld: true, reason: "" }])).toMatchObject({ ok: false, fieldErrors: { "objections.0.reason": "异议成立时请写明理由" } });
    expect(await decide([{ unitId: beimen, upheld: true, reason: "无" }])).toMatchObject({ ok: false, code: "VALIDATION" });
    expect((await prisma.admission.findUniqueOrThrow({ where: { id } })).status).toBe("DECIDING");
    const notesBefore = await prisma.notification.count({ where: { href: `/admission/${id}` } });
    expect(await decide([{ unitId: donghu, upheld: true, reason: "辖区内无此类设施，无法履职" }])).toMatchObject({ ok: true, data: { outcome: "部分准入" } });
    const target = await prisma.admissionTarget.findUniqueOrThrow({ where: { admissionId_unitId: { admissionId: id, unitId: donghu } } });
    expect(target).toMatchObject({ excluded: true, excludedReason: "辖区内无此类设施，无法履职" });
    const step = await prisma.admissionStep.findFirstOrThrow({ where: { admissionId: id, stage: "DECISION" } });
    expect(step.outcome).toBe("决定部分准入");
    expect(step.note).toContain("东湖街道办事处（辖区内无此类设施，无法履职）");

    // The department's accounts are told, with a link to the application itself.
    const notes = await prisma.notification.findMany({ where: { href: `/admission/${id}` }, include: { user: { select: { unitId: true } } } });
    expect(notes.length).toBeGreaterThan(notesBefore);
    expect(notes[0].title).toContain("部分准入");
    const dept = await unitId("示例市城市管理综合执法局");
    expect(notes.every((n) => n.user.unitId === dept)).toBe(true);

    // Filing gives the duty to 北门 only.
    expect(await fileAdmissionAction({ id, filingNumber: "市编备〔2026〕21号", filingAuthority: "上级编办", filedOn: "2026-11-23" })).toMatchObject({ ok: true });
    const duties = await prisma.localDuty.findMany({ where: { admissionId: id } });
    expect(duties.map((d) => d.unitId)).toEqual([beimen]);

    // The 准入决定书 carries the 文号 and names who takes the duty and who does not, in PDF and Word.
    const a = (await getAdmission(id))!;
    const decision = decisionDocument(a, "示例市委编办")!;
    expect(decision.docNo).toBe("示编准〔2026〕21号");
    expect(decision.paragraphs.join("\n")).toContain("部分准入。该事项由 北门街道办事处 承接；东湖街道办事处异议成立，不承接（辖区内无此类设施，无法履职）");
    expect(opinionsDocument(a, "示例市委编办")!.table!.rows.map((r) => r[4])).toEqual(expect.arrayContaining([expect.stringContaining("负责人王某")]));
    const doc = (query: string) => documentsRoute(new Request(`http://localhost/api/admission/${id}/documents?${query}`), { params: Promise.resolve({ id: String(id) }) });
    const pdf = await doc("kind=decision&format=pdf");
    expect(pdf.status).toBe(200);
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 4).toString()).toBe("%PDF");
    const word = await doc("kind=opinions&format=docx");
    expect(word.headers.get("Content-Type")).toContain("wordprocessingml");
    expect(Buffer.from(await word.arrayBuffer()).subarray(0, 2).toString()).toBe("PK");
    expect((await doc("kind=decision&format=exe")).status).toBe(400);
  });

  it("tells the department of a refusal", async () => {
    const id = await toConsultation("不予准入通知测试");
    await actAs("bianban");
    expect(await closeConsultationAction({ id, note: "" })).toMatchObject({ ok: true });
    expect(await decideAdmissionAction({ id, decision: "REFUSE", approvalDocNo: "示编准〔2026〕22号", note: "不属于基层职责", objections: [] })).toMatchObject({ ok: true });
    const note = await prisma.notification.findFirstOrThrow({ where: { href: `/admission/${id}` } });
    expect(note.title).toContain("不予准入");
    expect(note.body).toContain("不属于基层职责");
  });
});

describe("an application through every step", () => {
  it("is returned, revised, reviewed, objected to, admitted, filed and enters the published lists", async () => {
    await actAs("chengguan");
    const created = await createAdmissionAction(await form());
    if (!created.ok) throw new Error(created.message);
    const id = created.data.id;
    const a0 = await prisma.admission.findUniqueOrThrow({ where: { id } });
    expect(a0).toMatchObject({ status: "SUBMITTED", stage: "INITIAL_REVIEW" });
    expect(a0.stageDueOn).not.toBeNull();

    // Attachment: a real PDF is kept; a renamed script is refused.
    const pdf = new File([new TextEncoder().encode("%PDF-1.4\n%测试\n")], "依据文件.pdf", { type: "application/pdf" });
    const up = await uploadAttachmentAction({ admissionId: id, file: pdf });
    expect(up).toMatchObject({ ok: true });
    const fake = new File(["<html><script>alert(1)</script></html>"], "假文件.pdf", { type: "application/pdf" });
    expect(await uploadAttachmentAction({ admissionId: id, file: fake })).toMatchObject({ ok: false, code: "BAD_FILE" });
    expect(await prisma.admissionAttachment.count({ where: { admissionId: id } })).toBe(1);
    await actAs("jiedao");
    if (up.ok) expect(await deleteAttachmentAction({ attachmentId: up.data.id })).toMatchObject({ ok: false, code: "FORBIDDEN" });

    // 编办 returns it: a comment is required.
    await actAs("bianban");
    expect(await initialReviewAction({ id, decision: "RETURN", comment: "" })).toMatchObject({ ok: false, fieldErrors: { comment: expect.any(String) } });
    expect(await initialReviewAction({ id, decision: "RETURN", comment: "请补充经费测算依据" })).toMatchObject({ ok: true });
    expect((await prisma.admission.findUniqueOrThrow({ where: { id } })).status).toBe("RETURNED");

    await actAs("chengguan");
    expect(await updateAdmissionAction({ ...(await form({ fundingAmount: "65000" })), id })).toMatchObject({ ok: true });
    expect(await prisma.admission.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "SUBMITTED", revisionCount: 1 });

    await actAs("bianban");
    expect(await initialReviewAction({ id, decision: "FORWARD", comment: "" })).toMatchObject({ ok: true });
    // Opinions: 司法局 itself, the others entered by 编办.
    const members = await prisma.orgUnit.findMany({ where: { jointMeetingMember: true, active: true } });
    expect(members.map((m) => m.name).sort()).toEqual(["示例市司法局", "示例市委编办", "示例市行政审批局", "示例市财政局"].sort());
    await actAs("sifa");
    expect(await recordOpinionAction({ id, unitId: await unitId("示例市司法局"), opinion: "AGREE", body: "合法" })).toMatchObject({ ok: true });
    await actAs("bianban");
    for (const m of members.filter((m) => m.name !== "示例市司法局")) {
      expect(await recordOpinionAction({ id, unitId: m.id, opinion: "CONDITIONAL", body: "原则同意", signatory: m.name === "示例市委编办" ? "" : "赵某" })).toMatchObject({ ok: true });
    }
    expect((await prisma.admission.findUniqueOrThrow({ where: { id } })).status).toBe("CONSULTING");
    expect(await prisma.admissionOpinion.count({ where: { admissionId: id, enteredByName: { not: null } } })).toBe(2);

    // 东湖 objects (reason required); 北门 has no account, so 编办 closes the consultation.
    await actAs("jiedao");
    expect(await consultAction({ id, response: "OBJECT", reason: "" })).toMatchObject({ ok: false, fieldErrors: { reason: "提出异议时请写明理由" } });
    expect(await consultAction({ id, response: "OBJECT", reason: "人员不足，需增加网格员" })).toMatchObject({ ok: true });
    expect(await consultAction({ id, response: "AGREE", reason: "" })).toMatchObject({ ok: false, code: "INVALID_STATE" });
    await actAs("bianban");
    expect(await closeConsultationAction({ id, note: "" })).toMatchObject({ ok: true });
    expect(await decideAdmissionAction({ id, decision: "ADMIT", approvalDocNo: "", note: "" })).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(await decideAdmissionAction({ id, decision: "ADMIT", approvalDocNo: "示编准〔2026〕9号", note: "经费增加后准入" })).toMatchObject({ ok: true });
    const versionsBefore = await prisma.localDutyListVersion.count({ where: { unitId: await unitId("东湖街道办事处") } });
    expect(await fileAdmissionAction({ id, filingNumber: "市编备〔2026〕9号", filingAuthority: "示例市委编办", filedOn: "2026-11-23" })).toMatchObject({ ok: true });

    const a = await prisma.admission.findUniqueOrThrow({ where: { id }, include: { steps: { orderBy: { id: "asc" } } } });
    expect(a.status).toBe("ADMITTED");
    expect(a.steps.map((s) => s.stage)).toEqual(["INITIAL_REVIEW", "REVISION", "INITIAL_REVIEW", "JOINT_REVIEW", "CONSULTATION", "DECISION", "FILING"]);
    expect(a.steps.every((s) => s.completedAt)).toBe(true);
    const actions = (await prisma.auditLog.findMany({ where: { subjectType: "admission", subjectId: String(id) }, orderBy: { id: "asc" } })).map((x) => x.action);
    expect(actions).toEqual(expect.arrayContaining(["admission.submit", "admission.attach", "admission.return", "admission.resubmit", "admission.forward", "admission.opinion", "admission.consultationOpened", "admission.object", "admission.closeConsultation", "admission.admit", "admission.file"]));

    // The duty is in 东湖's newest published version; that version cannot be changed.
    const donghu = await unitId("东湖街道办事处");
    const latest = await prisma.localDutyListVersion.findFirstOrThrow({ where: { unitId: donghu }, orderBy: { versionNo: "desc" } });
    expect(latest.versionNo).toBe(versionsBefore + 1);
    expect(JSON.stringify(latest.items)).toContain("背街小巷环境卫生督导");
    await expect(prisma.localDutyListVersion.update({ where: { id: latest.id }, data: { note: "改" } })).rejects.toThrow();

    // Funding follows it: 65,000 for each of the two streets this year.
    const lines = await fundingLines(2026);
    const beimen = await unitId("北门街道办事处");
    const mine = lines.filter((l) => l.department_name === "示例市城市管理综合执法局" && [donghu, beimen].includes(l.unit_id));
    expect(summarise(mine).total).toBeGreaterThanOrEqual(130000);
  });

  it("shows each user only their scope in the queue", async () => {
    await actAs("bianban");
    const all = await admissionQueue((await actAs("bianban"))!, { page: 1 });
    const dept = await admissionQueue((await actAs("chengguan"))!, { page: 1 });
    const street = await admissionQueue((await actAs("jiedao"))!, { page: 1 });
    expect(all.total).toBeGreaterThan(dept.total);
    expect(dept.rows.every((r) => r.applicantUnitName === "示例市城市管理综合执法局")).toBe(true);
    expect(street.total).toBeGreaterThan(0);
    expect(street.total).toBeLessThan(all.total);
  });

  it("counts the overdue tab like the list it opens", async () => {
    const bianban = (await actAs("bianban"))!;
    const { overdue } = await admissionQueue(bianban, { page: 1 });
    const tab = await admissionQueue(bianban, { page: 1, status: "OVERDUE" });
    expect(overdue).toBeGreaterThan(0);
    expect(overdue).toBe(tab.total);
  });
});
