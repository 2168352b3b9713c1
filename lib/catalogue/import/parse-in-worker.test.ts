import { HANGING_XLS, REAL_LISTS_DIR } from "@/tests/fixtures/paths";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { generateCatalogueWorkbook } from "./bench-data";
import { parseWorkbook } from "./parse";
import { defaultParseLimits, MAX_PARALLEL_PARSES, parseInWorker, parseWorkersStarted } from "./parse-in-worker";

const fixtureFiles = fs.readdirSync(REAL_LISTS_DIR).filter((f) => /\.(xlsx|xls)$/.test(f)).sort();
const GENEROUS = { timeoutMs: 120_000, memoryMb: 1024 };

describe("parsing in a worker thread", () => {
  it("has limits of 30 s and 1024 MB unless the environment sets others", () => {
    expect(defaultParseLimits()).toEqual({ timeoutMs: 30_000, memoryMb: 1024 });
  });

  it.each(fixtureFiles)("%s: the same result as parsing in-process", async (file) => {
    const bytes = fs.readFileSync(path.join(REAL_LISTS_DIR, file));
    const inProcess = parseWorkbook(bytes, file);
    const viaWorker = await parseInWorker(bytes, file, {}, GENEROUS);
    expect(viaWorker.ok, viaWorker.error).toBe(true);
    expect(viaWorker.aborted).toBeUndefined();
    expect([viaWorker.itemCount, viaWorker.subItemCount, viaWorker.items.length]).toEqual([inProcess.itemCount, inProcess.subItemCount, inProcess.items.length]);
    expect(viaWorker.sheets.map((s) => [s.name, s.headerRow, s.items, s.subItems])).toEqual(inProcess.sheets.map((s) => [s.name, s.headerRow, s.items, s.subItems]));
    expect(viaWorker).toEqual(inProcess);
  });

  it("passes the column mapping to the worker and leaves the caller's bytes intact", async () => {
    const file = "karamay-2025-statistics-bureau.xlsx";
    const bytes = new Uint8Array(fs.readFileSync(path.join(REAL_LISTS_DIR, file)));
    const before = Buffer.from(bytes);
    const options = { columnMap: { Sheet1: { 1: null } } };
    const viaWorker = await parseInWorker(bytes, file, options, GENEROUS);
    expect(viaWorker).toEqual(parseWorkbook(bytes, file, options));
    expect(Buffer.from(bytes).equals(before)).toBe(true);
  });

  it("answers a file that is not a spreadsheet with the parser's own message", async () => {
    const png = Buffer.from("89504e470d0a1a0a0000000d49484452", "hex");
    const viaWorker = await parseInWorker(png, "图片.xlsx", {}, GENEROUS);
    expect(viaWorker).toMatchObject({ ok: false, error: parseWorkbook(png, "图片.xlsx").error });
    expect(viaWorker.aborted).toBeUndefined();
  });

  it("stops a parse that never ends and says so in Chinese", async () => {
    const result = await parseInWorker(fs.readFileSync(HANGING_XLS), "损坏的清单.xls", {}, { timeoutMs: 1000, memoryMb: 256 });
    expect(result).toMatchObject({ fileName: "损坏的清单.xls", ok: false, aborted: "timeout", itemCount: 0, items: [], sheets: [] });
    expect(result.error).toMatch(/^文件解析超时（超过 1 秒），文件可能已损坏/);
    expect(result.error).toContain("没有导入任何内容");
  });

  it("runs one parse per core at once; the next waits, and its own limit starts when it does", async () => {
    const started = Date.now();
    const jobs = Array.from({ length: MAX_PARALLEL_PARSES + 1 }, (_, n) => parseInWorker(fs.readFileSync(HANGING_XLS), `损坏${n}.xls`, {}, { timeoutMs: 600, memoryMb: 128 }));
    const results = await Promise.all(jobs);
    expect(results.map((r) => r.aborted)).toEqual(jobs.map(() => "timeout"));
    // One per core side by side for 0.6 s, then the last for its own 0.6 s.
    expect(Date.now() - started).toBeGreaterThanOrEqual(1200);
  });

  it("reuses its workers: many files, few workers, and a file after a timeout still parses", async () => {
    const file = fixtureFiles[0];
    const bytes = fs.readFileSync(path.join(REAL_LISTS_DIR, file));
    const before = parseWorkersStarted();
    const results = await Promise.all(Array.from({ length: 8 }, () => parseInWorker(bytes, file, {}, GENEROUS)));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(parseWorkersStarted() - before).toBeLessThanOrEqual(MAX_PARALLEL_PARSES);
    expect((await parseInWorker(fs.readFileSync(HANGING_XLS), "损坏.xls", {}, { ...GENEROUS, timeoutMs: 500 })).aborted).toBe("timeout");
    expect((await parseInWorker(bytes, file, {}, GENEROUS)).ok).toBe(true);
  });

  // Twenty thousand rows: far more heap than 64 MB once SheetJS has read them.
  const large = generateCatalogueWorkbook(20_000);

  it("stops a parse that needs more memory than allowed", async () => {
    const result = await parseInWorker(large, "很大的清单.xlsx", {}, { timeoutMs: 120_000, memoryMb: 64 });
    expect(result).toMatchObject({ ok: false, aborted: "memory", itemCount: 0 });
    expect(result.error).toMatch(/内存超过上限（64 MB）/);
    // CPU-bound until the heap fills: seconds on a quiet machine, more on a busy one.
  }, 60_000);
});
