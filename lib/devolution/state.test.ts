import { describe, expect, it } from "vitest";
import { awaitsArbitration } from "./state";

const disputed = { letterId: null, lockedAt: null, response: "DISAGREE" as const, arbitratedAt: null };

describe("awaitsArbitration", () => {
  it("offers the ruling form only on a disputed row that no ruling or letter has settled", () => {
    expect(awaitsArbitration(disputed)).toBe(true);
    expect(awaitsArbitration({ ...disputed, arbitratedAt: new Date() })).toBe(false);
    expect(awaitsArbitration({ ...disputed, response: "AGREE" })).toBe(false);
    expect(awaitsArbitration({ ...disputed, response: null })).toBe(false);
    expect(awaitsArbitration({ ...disputed, letterId: 3 })).toBe(false);
    expect(awaitsArbitration({ ...disputed, lockedAt: new Date() })).toBe(false);
  });
});
