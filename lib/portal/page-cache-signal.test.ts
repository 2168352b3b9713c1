import { afterEach, describe, expect, it, vi } from "vitest";
// @ts-expect-error plain JS module run by node directly (scripts/server.mjs)
import { PUBLIC_CHANGED } from "../../scripts/page-cache.mjs";
import { signalPublicChange } from "./page-cache-signal";

describe("after a commit, this server's public pages are checked again at once", () => {
  afterEach(() => {
    delete (globalThis as Record<symbol, unknown>)[PUBLIC_CHANGED];
  });

  it("calls the hook that scripts/server.mjs installs (both sides use the same symbol)", () => {
    const hook = vi.fn();
    (globalThis as Record<symbol, unknown>)[PUBLIC_CHANGED] = hook;
    signalPublicChange();
    expect(hook).toHaveBeenCalledTimes(1);
  });

  it("does nothing without that server (next dev, tests, scripts)", () => {
    expect(() => signalPublicChange()).not.toThrow();
  });
});
