import { describe, expect, it } from "vitest";
import { authorizeUser } from "./authorize";
import type { SessionUser } from "./types";

const user = (over: Partial<SessionUser> = {}): SessionUser => ({
  id: 1, username: "u", displayName: "U", roles: ["STREET"], unitId: 5, unitName: "东湖街道办事处", unitKind: "STREET", unitParentId: 2, jointMeetingMember: false, mustChangePassword: false, ...over,
});

describe("the one preamble of pages and route handlers", () => {
  it("answers signed out, password change, forbidden and allowed in that order", () => {
    expect(authorizeUser(null, "evaluation.read")).toEqual({ ok: false, code: "UNAUTHENTICATED" });
    expect(authorizeUser(user({ mustChangePassword: true }), "evaluation.read")).toMatchObject({ ok: false, code: "PASSWORD_CHANGE_REQUIRED" });
    expect(authorizeUser(user({ mustChangePassword: true }), null, { allowPasswordChange: true })).toMatchObject({ ok: true });
    expect(authorizeUser(user(), "evaluation.manage")).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(authorizeUser(user(), "evaluation.read")).toMatchObject({ ok: true });
  });
  it("checks a subject when one is given", () => {
    const subject = { type: "evaluationUnit" as const, unitId: 5, roundStatus: "OPEN" as const };
    expect(authorizeUser(user(), "evaluation.rate", { subject })).toMatchObject({ ok: true });
    expect(authorizeUser(user(), "evaluation.rate", { subject: { ...subject, roundStatus: "CLOSED" } })).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });
});
