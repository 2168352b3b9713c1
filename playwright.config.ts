import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { DEFAULT_CHROMIUM, HEADLESS_SHELL } from "./scripts/browser-deps";

// Debian's Chromium by default (Playwright's own download cannot reach the internet here): its
// headless shell when installed (much lighter per page, see scripts/browser-deps.ts), else the full
// browser. CHROMIUM_PATH points elsewhere, and an empty value uses Playwright's bundled browser.
const chromium = process.env.CHROMIUM_PATH ?? [HEADLESS_SHELL, DEFAULT_CHROMIUM].find((file) => fs.existsSync(file));

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results/e2e",
  fullyParallel: false,
  workers: Number(process.env.E2E_WORKERS ?? 2),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/e2e-report.json" }]],
  use: {
    baseURL: process.env.E2E_BASE_URL ?? "http://localhost:3100",
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromium || undefined,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], viewport: { width: 1366, height: 900 } }, testIgnore: /mobile\.spec/ },
    { name: "mobile", use: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }, testMatch: /mobile\.spec/ },
  ],
});
