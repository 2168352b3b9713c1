import { describe, expect, it } from "vitest";
import { ensureBrowserDeps, type Probe } from "./browser-deps";

function probe(opts: { dpkg?: boolean; apt?: boolean; root?: boolean; installed?: string[]; files?: string[]; installWorks?: boolean }) {
  const installed = new Set(opts.installed ?? []);
  const files = new Set(opts.files ?? []);
  const runs: string[] = [];
  const p: Probe = {
    has: (c) => (c === "dpkg" ? opts.dpkg ?? true : c === "apt-get" ? opts.apt ?? true : false),
    installed: (pkg) => installed.has(pkg),
    exists: (f) => files.has(f),
    isRoot: () => opts.root ?? false,
    run: (command, args) => {
      runs.push([command, ...args].join(" "));
      if (args[0] === "install" && opts.installWorks !== false) files.add("/usr/bin/chromium");
      return opts.installWorks !== false;
    },
  };
  return { p, runs };
}

describe("ensureBrowserDeps", () => {
  it("is satisfied when Debian's packages are there", () => {
    const { p, runs } = probe({ installed: ["chromium", "chromium-headless-shell", "fonts-noto-cjk", "poppler-utils"], files: ["/usr/bin/chromium"] });
    expect(ensureBrowserDeps({}, p)).toEqual({ ok: true, installed: [] });
    expect(runs).toEqual([]);
  });

  it("installs only what is missing as root with apt-get", () => {
    const { p, runs } = probe({ root: true, installed: ["poppler-utils"] });
    expect(ensureBrowserDeps({}, p)).toEqual({ ok: true, installed: ["chromium", "chromium-headless-shell", "fonts-noto-cjk"] });
    expect(runs).toEqual(["apt-get update -qq", "apt-get install -y -qq --no-install-recommends chromium chromium-headless-shell fonts-noto-cjk"]);
  });

  it("without root prints the one command to run, and installs nothing", () => {
    const { p, runs } = probe({ root: false, installed: ["chromium"] });
    const r = ensureBrowserDeps({}, p);
    expect(r).toEqual({ ok: false, message: expect.stringContaining("run: sudo apt-get install -y chromium-headless-shell fonts-noto-cjk poppler-utils") });
    expect(runs).toEqual([]);
  });

  it("reports a failed apt-get", () => {
    const { p } = probe({ root: true, installWorks: false });
    expect(ensureBrowserDeps({}, p)).toMatchObject({ ok: false, message: expect.stringContaining("failed") });
  });

  it("on a machine without dpkg asks for CHROMIUM_PATH", () => {
    const { p } = probe({ dpkg: false });
    expect(ensureBrowserDeps({}, p)).toMatchObject({ ok: false, message: expect.stringContaining("CHROMIUM_PATH") });
  });

  it("trusts CHROMIUM_PATH when it exists, or when empty (Playwright's own browser)", () => {
    const { p, runs } = probe({ files: ["/opt/chrome"] });
    expect(ensureBrowserDeps({ CHROMIUM_PATH: "/opt/chrome" }, p).ok).toBe(true);
    expect(ensureBrowserDeps({ CHROMIUM_PATH: "" }, p).ok).toBe(true);
    expect(ensureBrowserDeps({ CHROMIUM_PATH: "/nope" }, p)).toMatchObject({ ok: false, message: expect.stringContaining("/nope") });
    expect(runs).toEqual([]);
  });
});
