/**
 * Parsing an uploaded spreadsheet off the calling thread. SheetJS is synchronous and some
 * corrupted files make it loop forever or grow without bound; on the server's own thread that
 * would freeze every request. So each file is parsed in a fresh worker thread with a heap limit,
 * and a worker still busy when the time limit passes is terminated (termination stops even a
 * tight synchronous loop). The answer is always a ParseResult; nothing throws.
 */
import { Worker, type WorkerOptions } from "node:worker_threads";
import { bundledByNext, env } from "@/lib/env";
import type { ParseOptions, ParseResult } from "./parse";
import type { GridOptions, GridResult } from "./grid";

/** A catalogue parse (the default), or just the cell text of each sheet for simpler imports. */
export type ParseJob = { kind?: "catalogue"; bytes: Uint8Array<ArrayBuffer>; fileName: string; options: ParseOptions } | { kind: "grid"; bytes: Uint8Array<ArrayBuffer>; fileName: string; options: GridOptions };

export type ParseLimits = {
  /** Time from starting the worker to its answer. */
  timeoutMs: number;
  /** Heap (old generation) of the worker. */
  memoryMb: number;
};

export function defaultParseLimits(): ParseLimits {
  return { timeoutMs: env.QINGDAN_IMPORT_PARSE_TIMEOUT_SECONDS * 1000, memoryMb: env.QINGDAN_IMPORT_PARSE_MEMORY_MB };
}

/**
 * In the app, Next.js bundles the worker entry as its own chunk (it recognises the
 * `new Worker(new URL(...), ...)` below). Under tsx (the scripts) and Vitest this file is
 * TypeScript source, and Node 20 cannot start a worker from a .ts file even with tsx's loader in
 * execArgv (tsx registers itself on the main thread only), so the worker registers tsx first.
 */
function startFromSource(options: WorkerOptions): Worker {
  // Read through a variable so the bundler leaves it alone: this never runs in the app.
  const resolve = (import.meta as { resolve?: (specifier: string) => string }).resolve;
  if (!resolve) throw new Error("import.meta.resolve is unavailable");
  const entry = import.meta.url.replace(/parse-in-worker\.ts$/, "parse-worker.ts");
  const code = `import(${JSON.stringify(resolve("tsx/esm/api"))}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`;
  return new Worker(code, { ...options, eval: true });
}

function aborted(fileName: string, reason: NonNullable<ParseResult["aborted"]>, error: string): ParseResult {
  return { fileName, ok: false, error, aborted: reason, notices: [], sheets: [], items: [], itemCount: 0, subItemCount: 0 };
}

function seconds(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 1000)} 秒` : `${ms} 毫秒`;
}

/**
 * At most two parses at a time (this is a 2-core machine and each may take its memory cap);
 * the rest wait their turn, and their time limit starts when their own parse does.
 */
const MAX_PARALLEL_PARSES = 2;
let running = 0;
const waiting: (() => void)[] = [];

function acquire(): Promise<void> {
  if (running < MAX_PARALLEL_PARSES) {
    running++;
    return Promise.resolve();
  }
  return new Promise((resolve) =>
    waiting.push(() => {
      running++;
      resolve();
    }),
  );
}

function release() {
  running--;
  waiting.shift()?.();
}

export async function parseInWorker(bytes: Uint8Array, fileName: string, options: ParseOptions = {}, limits: ParseLimits = defaultParseLimits()): Promise<ParseResult> {
  await acquire();
  try {
    return await runWorker<ParseResult>({ bytes: new Uint8Array(bytes), fileName, options }, limits, (reason, error) => aborted(fileName, reason, error));
  } finally {
    release();
  }
}

/** The text of every sheet's cells (merged cells filled in), read in a worker with the same limits and queue. */
export async function readGridInWorker(bytes: Uint8Array, fileName: string, options: GridOptions, limits: ParseLimits = defaultParseLimits()): Promise<GridResult> {
  await acquire();
  try {
    return await runWorker<GridResult>({ kind: "grid", bytes: new Uint8Array(bytes), fileName, options }, limits, (_reason, error) => ({ ok: false, error, notices: [], sheets: [] }));
  } finally {
    release();
  }
}

function runWorker<T>(job: ParseJob, limits: ParseLimits, aborted: (reason: NonNullable<ParseResult["aborted"]>, error: string) => T): Promise<T> {
  return new Promise((resolve) => {
    // The job holds a copy of exactly the file's bytes, moved (not cloned again) to the worker.
    const copy = job.bytes;
    const workerOptions: WorkerOptions = { workerData: job, transferList: [copy.buffer], resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb } };
    let worker: Worker;
    try {
      // The bundler recognises exactly this expression and emits the worker entry as a chunk.
      worker = bundledByNext ? new Worker(new URL("./parse-worker.ts", import.meta.url), workerOptions) : startFromSource(workerOptions);
    } catch (error) {
      resolve(aborted("crash", `无法启动表格解析：${error instanceof Error ? error.message : String(error)}`));
      return;
    }
    let settled = false;
    const finish = (result: T) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
      void worker.terminate();
    };
    const timer = setTimeout(() => {
      finish(
        aborted(
          "timeout",
          `文件解析超时（超过 ${seconds(limits.timeoutMs)}），文件可能已损坏或结构异常，已停止解析，没有导入任何内容。请在 Excel 或 WPS 中打开该文件，另存为新的 .xlsx 文件后再上传。`,
        ),
      );
    }, limits.timeoutMs);
    worker.once("message", (result: T) => finish(result));
    worker.once("error", (error: Error & { code?: string }) => {
      finish(
        error.code === "ERR_WORKER_OUT_OF_MEMORY"
          ? aborted(
              "memory",
              `解析文件所需的内存超过上限（${limits.memoryMb} MB），文件可能已损坏或内容过多，已停止解析，没有导入任何内容。请另存为新的 .xlsx 文件或拆分后再上传。`,
            )
          : aborted("crash", `解析文件时出错，文件可能已损坏（${error.message}）。请另存为新的 .xlsx 文件后再上传。`),
      );
    });
    worker.once("exit", (code) => finish(aborted("crash", `解析文件时出错，解析线程意外退出（代码 ${code}）。请另存为新的 .xlsx 文件后再上传。`)));
  });
}
