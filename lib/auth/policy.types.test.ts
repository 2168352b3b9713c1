// Type-level tests: `npm run typecheck` fails if a line marked @ts-expect-error compiles.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { ActionSpec } from "@/lib/action";
import type { RouteSpec } from "@/lib/route";
import { can } from "./policy";
import type { SessionUser } from "./types";

const schema = z.object({ id: z.number() });
type Spec<P extends Parameters<typeof can>[1]> = ActionSpec<typeof schema, null, undefined, P>;
const run = async () => null;

describe("subject permissions in the types", () => {
  it("needs a subject loader for an action whose permission names a subject", () => {
    // @ts-expect-error list.publish is checked against a list: an action without a loader does not compile.
    const missing: Spec<"list.publish"> = { schema, permission: "list.publish", run };
    const withLoader: Spec<"list.publish"> = {
      schema,
      permission: "list.publish",
      subject: async () => ({ type: "powerList", unitId: 1, status: "APPROVED" }),
      run,
    };
    // @ts-expect-error the loader must return the permission's kind of subject.
    const wrongKind: Spec<"list.publish"> = { schema, permission: "list.publish", subject: async () => ({ type: "user", id: 1 }), run };
    const roleOnly: Spec<"dictionary.manage"> = { schema, permission: "dictionary.manage", run };
    expect([missing, withLoader, wrongKind, roleOnly].length).toBe(4);
  });

  it("needs a subject for can() of such a permission", () => {
    const u = null as SessionUser | null;
    // @ts-expect-error dispatch.read names a case.
    expect(can(u, "dispatch.read")).toBe(false);
    // @ts-expect-error dictionary.manage is role-only: it takes no subject.
    expect(can(u, "dictionary.manage", { type: "user", id: 1 })).toBe(false);
    expect(can(u, "dictionary.manage")).toBe(false);
  });

  it("needs a subject for a route handler whose permission names one", () => {
    const handle = async () => new Response("");
    // @ts-expect-error dispatch.read names a case: a download route without `subject` does not compile.
    const missing: RouteSpec<{ id: number }, "dispatch.read"> = { permission: "dispatch.read", handle };
    const given: RouteSpec<{ streetId: number }, "dispatch.read"> = {
      permission: "dispatch.read",
      subject: (d) => ({ type: "dispatch", streetId: d.streetId, departmentId: 1, status: "REPORTED", direction: "UP" }),
      handle,
    };
    const roleOnly: RouteSpec<undefined, "funding.read"> = { permission: "funding.read", handle };
    expect([missing, given, roleOnly].length).toBe(3);
  });
});
