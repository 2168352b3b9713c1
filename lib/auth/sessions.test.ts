import { describe, expect, it } from "vitest";
import { sessionEnded } from "./sessions";

const limits = { maxAgeMinutes: 8 * 60, idleMinutes: 30 };
const at = (minutesAgo: number, now: Date) => new Date(now.getTime() - minutesAgo * 60_000);

describe("session lifetimes", () => {
  const now = new Date("2026-12-06T10:00:00Z");
  it("keeps a recently used session", () => {
    expect(sessionEnded({ id: "s", userId: 1, createdAt: at(60, now), lastSeenAt: at(5, now), revokedAt: null }, now, limits)).toBeNull();
  });
  it("ends an idle one, an old one however busy, and a revoked one", () => {
    expect(sessionEnded({ id: "s", userId: 1, createdAt: at(60, now), lastSeenAt: at(30, now), revokedAt: null }, now, limits)).toBe("IDLE");
    expect(sessionEnded({ id: "s", userId: 1, createdAt: at(8 * 60, now), lastSeenAt: now, revokedAt: null }, now, limits)).toBe("EXPIRED");
    expect(sessionEnded({ id: "s", userId: 1, createdAt: now, lastSeenAt: now, revokedAt: now }, now, limits)).toBe("REVOKED");
    expect(sessionEnded(null, now, limits)).toBe("MISSING");
  });
});
