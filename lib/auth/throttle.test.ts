import { describe, expect, it } from "vitest";
import {
  accountAfterFailure, accountAfterSuccess, addressAfterFailure, addressBlockedSeconds, DEFAULT_POLICY, isLocked,
} from "./throttle";

const t0 = new Date("2026-11-23T08:00:00Z");
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

describe("account lockout", () => {
  it("locks on the fifth failure in a row, for 15 minutes", () => {
    let s = { failedLoginCount: 0, lockedUntil: null as Date | null };
    for (let i = 1; i <= 4; i++) {
      s = accountAfterFailure(s, at(i), DEFAULT_POLICY);
      expect(s.lockedUntil).toBeNull();
      expect(s.failedLoginCount).toBe(i);
    }
    s = accountAfterFailure(s, at(5), DEFAULT_POLICY);
    expect(s.lockedUntil?.toISOString()).toBe(at(5 + 15 * 60).toISOString());
    expect(isLocked(s, at(6))).toBe(true);
    expect(isLocked(s, at(5 + 15 * 60 + 1))).toBe(false);
  });

  it("starts a fresh count after a lock has run out", () => {
    const locked = { failedLoginCount: 5, lockedUntil: at(60) };
    const next = accountAfterFailure(locked, at(61), DEFAULT_POLICY);
    expect(next).toEqual({ failedLoginCount: 1, lockedUntil: null });
  });

  it("clears everything on success", () => {
    expect(accountAfterSuccess()).toEqual({ failedLoginCount: 0, lockedUntil: null });
  });
});

describe("address slow-down", () => {
  it("blocks an address after 20 failures with doubling delays, within the window", () => {
    let s = null as ReturnType<typeof addressAfterFailure> | null;
    for (let i = 1; i < 20; i++) {
      s = addressAfterFailure(s, at(i), DEFAULT_POLICY);
      expect(addressBlockedSeconds(s, at(i))).toBe(0);
    }
    s = addressAfterFailure(s, at(20), DEFAULT_POLICY);
    expect(addressBlockedSeconds(s, at(20))).toBe(1);
    s = addressAfterFailure(s, at(21), DEFAULT_POLICY);
    expect(addressBlockedSeconds(s, at(21))).toBe(2);
    s = addressAfterFailure(s, at(23), DEFAULT_POLICY);
    expect(addressBlockedSeconds(s, at(23))).toBe(4);
  });

  it("caps the delay and forgets failures after the window", () => {
    let s = { failures: 60, windowStart: at(0), blockedUntil: null as Date | null };
    s = addressAfterFailure(s, at(10), DEFAULT_POLICY);
    expect(addressBlockedSeconds(s, at(10))).toBe(DEFAULT_POLICY.maxAddressDelaySeconds);
    const later = addressAfterFailure(s, at(16 * 60), DEFAULT_POLICY);
    expect(later.failures).toBe(1);
    expect(later.blockedUntil).toBeNull();
  });
});
