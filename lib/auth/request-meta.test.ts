import { describe, expect, it } from "vitest";
import { addressFrom } from "./request-meta";

const from = (headers: Record<string, string>) => (name: string) => headers[name];

describe("client address", () => {
  it("without a trusted proxy uses the socket's peer and ignores X-Forwarded-For and X-Real-IP", () => {
    const trust = { trustProxy: false, hops: 1 };
    expect(addressFrom(from({ "x-qingdan-peer": "10.1.1.1", "x-forwarded-for": "1.2.3.4", "x-real-ip": "5.6.7.8" }), trust)).toBe("10.1.1.1");
    expect(addressFrom(from({ "x-forwarded-for": "1.2.3.4" }), trust)).toBeNull();
  });

  it("behind trusted proxies takes the configured hop from the right", () => {
    const headers = from({ "x-qingdan-peer": "192.168.0.2", "x-forwarded-for": "6.6.6.6, 203.0.113.7, 198.51.100.1" });
    expect(addressFrom(headers, { trustProxy: true, hops: 1 })).toBe("198.51.100.1");
    expect(addressFrom(headers, { trustProxy: true, hops: 2 })).toBe("203.0.113.7");
    expect(addressFrom(headers, { trustProxy: true, hops: 9 })).toBe("6.6.6.6");
    expect(addressFrom(from({ "x-qingdan-peer": "192.168.0.2" }), { trustProxy: true, hops: 1 })).toBe("192.168.0.2");
  });
});
