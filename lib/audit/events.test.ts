import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  AUDIT_ACTIONS,
  AUDIT_AREAS,
  AUDIT_EVENTS,
  AUDIT_SUBJECTS,
  actionsOfArea,
  auditActionLabel,
  isAuditAction,
  isWarningAction,
  storedActionsOfArea,
  subjectHref,
  subjectText,
  type AuditAction,
  type AuditArea,
  type AuditSubjectType,
} from "./events";
import { changeSummary, describeChanges, fieldName, valueText } from "./render";
import type { AuditEntry } from "./write";

const CJK = /[\u4e00-\u9fff]/;
const root = path.resolve(import.meta.dirname, "../..");

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "generated" || e.name === "node_modules" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [full] : [];
  });
}

describe("audit event registry", () => {
  it("gives every event a Chinese label and a known area", () => {
    expect(AUDIT_ACTIONS.length).toBeGreaterThan(130);
    for (const action of AUDIT_ACTIONS) {
      const event = AUDIT_EVENTS[action];
      expect(event.label.trim(), action).not.toBe("");
      expect(event.label, action).toMatch(CJK);
      expect(event.label, `${action} shows no code`).not.toMatch(/[a-z]\.[a-z]/i);
      expect(Object.keys(AUDIT_AREAS), action).toContain(event.area);
    }
  });

  it("names every area in Chinese and gives each at least one event", () => {
    for (const area of Object.keys(AUDIT_AREAS) as AuditArea[]) {
      expect(AUDIT_AREAS[area]).toMatch(CJK);
      expect(actionsOfArea(area).length, area).toBeGreaterThan(0);
    }
  });

  it("keeps labels distinct within an area, so a reader can tell two events apart", () => {
    for (const area of Object.keys(AUDIT_AREAS) as AuditArea[]) {
      const labels = actionsOfArea(area).map((a) => AUDIT_EVENTS[a].label);
      expect(new Set(labels).size, area).toBe(labels.length);
    }
  });

  it("names every kind of subject in Chinese", () => {
    for (const type of Object.keys(AUDIT_SUBJECTS) as AuditSubjectType[]) expect(AUDIT_SUBJECTS[type].label, type).toMatch(CJK);
  });

  it("includes the sign-in and security events", () => {
    for (const a of ["auth.signIn.failed", "auth.signIn.locked", "auth.signIn.failedAndLocked", "auth.signIn.throttled", "auth.lockout", "auth.signOut", "security.denied", "security.notFound", "account.changePassword.failed", "session.revoked"]) {
      expect(isAuditAction(a), a).toBe(true);
    }
    expect(AUDIT_EVENTS["security.denied"].label).toBe("禁止的操作尝试");
    expect(AUDIT_EVENTS["security.denied"].area).toBe("security");
  });

  it("registers every action name the code writes (the type does this at compile time; this catches raw SQL and untyped calls)", () => {
    const used = new Map<string, string>();
    for (const dir of ["lib", "prisma", "scripts", "app"]) {
      for (const file of sourceFiles(path.join(root, dir))) {
        const text = fs.readFileSync(file, "utf8");
        if (!/audit/i.test(text)) continue;
        const patterns = [
          /\baction:\s*"([a-zA-Z]+(?:\.[a-zA-Z]+)+)"/g,
          /\?\s*"([a-zA-Z]+(?:\.[a-zA-Z]+)+)"\s*:\s*"([a-zA-Z]+(?:\.[a-zA-Z]+)+)"/g,
          /auditRows\(\s*tx,\s*\w+,\s*\w+,\s*"([a-zA-Z.]+)"/g,
          /saveScores\([^)]*"([a-zA-Z.]+)"\)/g,
        ];
        for (const re of patterns) {
          for (const m of text.matchAll(re)) for (const name of m.slice(1)) if (name) used.set(name, path.relative(root, file));
        }
      }
    }
    // Dotted strings after `action:` that are not audit actions (adjustment change kinds are upper case).
    console.log([...used.keys()].filter((n) => !isAuditAction(n)), used.size);
    expect(used.size).toBeGreaterThan(80);
    const unknown = [...used].filter(([name]) => !isAuditAction(name) && !/^(PERMISSIONS|permission)/.test(name));
    expect(unknown.filter(([name]) => !name.includes("/"))).toEqual([]);
  });

  it("makes AuditEntry.action the closed set", () => {
    const ok: AuditEntry = { action: "dispatch.accept", subjectType: "dispatch", subjectId: 1 };
    // @ts-expect-error a free string is not an audit action
    const bad: AuditEntry = { action: "dispatch.acept" };
    expect([ok.action, bad.action].every((a: string) => typeof a === "string")).toBe(true);
    const typed: AuditAction = "list.publish";
    expect(isAuditAction(typed)).toBe(true);
  });

  it("links to the object where it has a page", () => {
    expect(subjectHref("powerList", "5")).toBe("/lists/manage/5");
    expect(subjectHref("dispatch", "7")).toBe("/dispatch/7");
    expect(subjectHref("catalogueItem", "9", 2)).toBe("/catalogue/editions/2/items/9");
    expect(subjectHref("catalogueItem", "9", null)).toBeNull();
    expect(subjectHref("devolution_assignment", "3:41")).toBe("/devolution/rounds/3/assignments");
    expect(subjectHref("username", "admin")).toBeNull();
    expect(subjectHref("somethingOld", "1")).toBeNull();
    expect(subjectText("username", "admin")).toBe("登录用户名 admin");
    expect(subjectText("powerList", "5")).toBe("职权清单 #5");
  });

  it("never shows a bare code for an unknown (older) action", () => {
    expect(auditActionLabel("dispatch.accept")).toBe("部门接收派单");
    expect(auditActionLabel("old.thing")).toBe("其他操作（old.thing）");
    expect(isWarningAction("auth.signIn")).toBe(false);
    expect(isWarningAction("auth.signIn.failed")).toBe(true);
    expect(isWarningAction("list.publish", "DENIED")).toBe(true);
  });
});

describe("readable changes", () => {
  it("lists only the fields an update changed, in Chinese, codes turned into words", () => {
    const changes = describeChanges(
      { status: "REPORTED", note: null, updatedAt: "2026-01-01T01:00:00Z" },
      { status: "ACCEPTED", note: "已安排中队核查。", updatedAt: "2026-01-02T01:00:00Z" },
      "dispatch",
    );
    expect(changes).toEqual([
      { key: "status", label: "状态", before: "待部门接收", after: "部门办理中" },
      { key: "note", label: "说明", before: "（空）", after: "已安排中队核查。" },
    ]);
  });

  it("names a local duty's fields as the list does, not by their code names", () => {
    const changes = describeChanges({ localDuty: "巡查", name: "A" }, { localDuty: "巡查并上报", name: "A" }, "localDuty");
    expect(changes).toEqual([{ key: "localDuty", label: "街道（社区）职责", before: "巡查", after: "巡查并上报" }]);
    expect(fieldName("legalBasis")).toMatch(CJK);
    expect(fieldName("roles", "user")).toBe("角色");
  });

  it("shows a creation as what was written, skipping empty fields", () => {
    const changes = describeChanges(undefined, { title: "文化市场巡查", targets: ["北门街道办事处", "东湖街道办事处"], note: "" }, "admission");
    expect(changes).toEqual([
      { key: "title", label: "标题", after: "文化市场巡查" },
      { key: "targets", label: "承接单位", after: "北门街道办事处、东湖街道办事处（2 项）" },
    ]);
  });

  it("summarises lists and records instead of printing JSON", () => {
    const stages = [1, 2, 3, 4, 5, 6, 7].map((n) => ({ name: `环节${n}`, status: "PENDING", unitIds: [n] }));
    expect(valueText("", stages)).toBe("环节1、环节2、环节3、环节4、环节5 等 7 项");
    expect(valueText("roles", ["BIANBAN_ADMIN", "LEADER"])).toBe("编办管理员、领导（2 项）");
    expect(valueText("active", false)).toBe("否");
    expect(valueText("dueOn", "2026-12-11T00:00:00.000Z")).toBe("2026-12-11");
    expect(valueText("submittedAt", "2026-12-06T08:06:29.630Z")).toBe("2026-12-06 16:06");
    expect(valueText("x", { opinion: "AGREE", body: "同意" })).toBe("意见：同意，内容：同意");
  });

  it("shows which element of a list changed (the review stages), not two identical summaries", () => {
    const before = [{ name: "会商", status: "PENDING", unitIds: [3] }, { name: "合法性审查", status: "PENDING", unitIds: [4] }];
    const after = [{ name: "会商", status: "PENDING", unitIds: [3, 5] }, { name: "合法性审查", status: "PENDING", unitIds: [4] }];
    expect(describeChanges(before, after, "powerList")).toEqual([
      { key: "0", label: "第 1 项（会商）", before: "名称：会商，状态：未开始，单位：3", after: "名称：会商，状态：未开始，单位：3、5（2 项）" },
    ]);
  });

  it("names an adjustment's changes by what they do and to which item", () => {
    const changes = [{ action: "ADD", itemKey: null, fields: { name: "户外广告设施管理" } }, { action: "REMOVE", itemKey: "k1", fields: { name: "占道经营处罚" } }];
    expect(valueText("changes", changes, "powerListAdjustment")).toBe("新增事项：户外广告设施管理、取消事项：占道经营处罚（2 项）");
  });

  it("unchanged entries have nothing to show; the text summary reads before → after", () => {
    expect(describeChanges({ a: 1 }, { a: 1 })).toEqual([]);
    expect(describeChanges({ status: "REPORTED" }, { status: "ACCEPTED", note: null }, "dispatch")).toEqual([{ key: "status", label: "状态", before: "待部门接收", after: "部门办理中" }]);
    expect(changeSummary({ status: "DRAFTING" }, { status: "IN_REVIEW", stage: "会商" }, "powerList")).toBe("状态：起草中 → 审核中\n审核环节：（空） → 会商");
    expect(fieldName("someNewField")).toBe("some new field");
  });
});

describe("renamed audit actions", () => {
  it("labels rows written as review.* (the yearly 评议 before it became appraisal) like the new ones", () => {
    expect(auditActionLabel("review.close")).toBe(AUDIT_EVENTS["appraisal.close"].label);
    expect(auditActionLabel("appraisal.close")).toBe("结束年度评议");
    expect(subjectText("reviewRound", "3")).toBe("年度评议 #3");
    expect(subjectHref("reviewRound", "3")).toBe("/appraisal/3");
    expect(subjectHref("appraisalRound", "3")).toBe("/appraisal/3");
  });

  it("finds old rows under the area filter, and offers only current names as choices", () => {
    expect(storedActionsOfArea("appraisal")).toEqual(expect.arrayContaining(["appraisal.close", "review.close"]));
    expect(actionsOfArea("appraisal")).not.toContain("review.close");
    expect(isAuditAction("review.close")).toBe(false);
  });
});
