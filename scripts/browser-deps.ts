// What the browser suite needs from the machine: a Chromium for Playwright (Playwright's own
// download cannot be reached from the networks this runs on), CJK fonts so Chinese renders in
// screenshots, and poppler's pdftotext for the tests that read generated PDFs. The tests run in
// Chromium's headless shell (Debian's chromium-headless-shell, the build Playwright itself uses
// for headless runs): the full browser's new headless mode starts two more renderer processes for
// its window's own WebUI with each page, which doubled the cost of a new page on two cores. On Debian as
// root they are installed with apt-get; elsewhere one line says what to run.
import { spawnSync } from "node:child_process";
import fs from "node:fs";

export const BROWSER_PACKAGES = ["chromium", "chromium-headless-shell", "fonts-noto-cjk", "poppler-utils"] as const;
export const DEFAULT_CHROMIUM = "/usr/bin/chromium";
/** What playwright.config.ts runs when it is there (else DEFAULT_CHROMIUM). */
export const HEADLESS_SHELL = "/usr/bin/chromium-headless-shell";

export type Probe = {
  has: (command: string) => boolean;
  installed: (pkg: string) => boolean;
  exists: (file: string) => boolean;
  isRoot: () => boolean;
  /** Runs a command quietly; true when it exits 0. */
  run: (command: string, args: string[]) => boolean;
};

export const systemProbe: Probe = {
  has: (command) => spawnSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" }).status === 0,
  installed: (pkg) => spawnSync("dpkg", ["-s", pkg], { stdio: "ignore" }).status === 0,
  exists: (file) => fs.existsSync(file),
  isRoot: () => typeof process.getuid === "function" && process.getuid() === 0,
  run: (command, args) =>
    spawnSync(command, args, { stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } }).status === 0,
};

export type BrowserCheck = { ok: true; installed: string[] } | { ok: false; message: string };

/**
 * Finds or installs the browser suite's system packages. `CHROMIUM_PATH` names another browser
 * (an empty value means Playwright's own); then only that browser must exist.
 */
export function ensureBrowserDeps(env: Record<string, string | undefined> = process.env, probe: Probe = systemProbe): BrowserCheck {
  const configured = env.CHROMIUM_PATH;
  if (configured !== undefined) {
    if (configured === "" || probe.exists(configured)) return { ok: true, installed: [] };
    return { ok: false, message: `CHROMIUM_PATH=${configured} does not exist: point it at a Chromium, or unset it and run: apt-get install -y ${BROWSER_PACKAGES.join(" ")}` };
  }
  const debian = probe.has("dpkg");
  const missing = debian ? BROWSER_PACKAGES.filter((p) => !probe.installed(p)) : probe.exists(DEFAULT_CHROMIUM) ? [] : ["chromium"];
  if (missing.length === 0) return { ok: true, installed: [] };

  if (debian && probe.isRoot() && probe.has("apt-get")) {
    console.log(`Browser tests: installing missing Debian packages with apt-get: ${missing.join(" ")}`);
    const done = probe.run("apt-get", ["update", "-qq"]) && probe.run("apt-get", ["install", "-y", "-qq", "--no-install-recommends", ...missing]);
    if (done && probe.exists(DEFAULT_CHROMIUM)) return { ok: true, installed: missing };
    return { ok: false, message: `Browser tests: apt-get install ${missing.join(" ")} failed; run it by hand, or set CHROMIUM_PATH to a Chromium` };
  }
  if (debian) return { ok: false, message: `Browser tests need Debian packages that are missing; run: sudo apt-get install -y ${missing.join(" ")}` };
  return { ok: false, message: "Browser tests need Chromium: install it and set CHROMIUM_PATH=/path/to/chromium (or run `npx playwright install chromium` and set CHROMIUM_PATH=)" };
}
