import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "@/proxy";
import { MAX_REQUEST_BYTES, REQUEST_TOO_LARGE_MESSAGE } from "@/lib/uploads";
import { contentSecurityPolicy, newNonce, servedOverHttps } from "./headers";

function directives(csp: string) {
  return Object.fromEntries(csp.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1)]));
}

describe("contentSecurityPolicy", () => {
  it("allows scripts only with the nonce, and no eval, plugins, framing or foreign forms", () => {
    const d = directives(contentSecurityPolicy("abc"));
    expect(d["script-src"]).toEqual(["'self'", "'nonce-abc'", "'strict-dynamic'"]);
    expect(d["style-src"]).toEqual(["'self'", "'nonce-abc'"]);
    expect(d["object-src"]).toEqual(["'none'"]);
    expect(d["base-uri"]).toEqual(["'self'"]);
    expect(d["form-action"]).toEqual(["'self'"]);
    expect(d["frame-ancestors"]).toEqual(["'none'"]);
    expect(d["upgrade-insecure-requests"]).toBeUndefined();
    expect(contentSecurityPolicy("abc")).not.toContain("unsafe-eval");
  });
  it("upgrades requests only behind https, and relaxes eval only in development", () => {
    expect(directives(contentSecurityPolicy("n", { https: true }))["upgrade-insecure-requests"]).toEqual([]);
    expect(contentSecurityPolicy("n", { dev: true })).toContain("'unsafe-eval'");
  });
  it("makes a different nonce each time", () => {
    const a = newNonce();
    expect(a).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(newNonce()).not.toBe(a);
  });
});

describe("servedOverHttps", () => {
  const base = { trustProxy: false, forwardedProto: null, protocol: "http:" };
  it("believes the configured public URL, and X-Forwarded-Proto only from a trusted proxy", () => {
    expect(servedOverHttps(base)).toBe(false);
    expect(servedOverHttps({ ...base, publicUrl: "https://qingdan.example.gov.cn" })).toBe(true);
    expect(servedOverHttps({ ...base, publicUrl: "http://10.0.0.5:3000" })).toBe(false);
    expect(servedOverHttps({ ...base, forwardedProto: "https" })).toBe(false);
    expect(servedOverHttps({ ...base, trustProxy: true, forwardedProto: "https" })).toBe(true);
    expect(servedOverHttps({ ...base, trustProxy: true, forwardedProto: "http, https" })).toBe(false);
  });
});

describe("proxy", () => {
  it("sends a per-request nonce in the CSP to the page and to the browser, and no HSTS over http", () => {
    const a = proxy(new NextRequest("http://localhost:3000/lists"));
    const b = proxy(new NextRequest("http://localhost:3000/lists"));
    const csp = a.headers.get("content-security-policy")!;
    const nonce = csp.match(/'nonce-([^']+)'/)![1];
    expect(b.headers.get("content-security-policy")).not.toContain(nonce);
    // NextResponse.next passes the rewritten request headers on as x-middleware-request-*.
    expect(a.headers.get("x-middleware-request-x-nonce")).toBe(nonce);
    expect(a.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
    expect(a.headers.get("strict-transport-security")).toBeNull();
  });

  it("refuses a body above the framework cap in Chinese before reading it", async () => {
    const big = String(MAX_REQUEST_BYTES + 1);
    const action = proxy(new NextRequest("http://localhost:3000/admission/1", { method: "POST", headers: { "content-length": big, "next-action": "abc" } }));
    expect(action.status).toBe(413);
    // Exactly text/plain: Next's client shows only such a body as the action's error message.
    expect(action.headers.get("content-type")).toBe("text/plain");
    expect(await action.text()).toBe(REQUEST_TOO_LARGE_MESSAGE);
    const form = proxy(new NextRequest("http://localhost:3000/admission/1", { method: "POST", headers: { "content-length": big } }));
    expect(form.status).toBe(413);
    expect(await form.text()).toContain(REQUEST_TOO_LARGE_MESSAGE);
    const ok = proxy(new NextRequest("http://localhost:3000/admission/1", { method: "POST", headers: { "content-length": String(MAX_REQUEST_BYTES) } }));
    expect(ok.status).toBe(200);
  });
});
