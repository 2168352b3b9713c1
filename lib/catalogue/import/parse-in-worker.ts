/**
 * Parsing an uploaded spreadsheet off the calling thread. SheetJS is synchronous and some
 * corrupted files make it loop forever or grow without bound; on the server's own thread that
 * would freeze every request. So files are parsed in worker threads with a heap limit, and a
 * worker still busy when the time limit passes is terminated (termination stops even a tight
 * synchronous loop). The answer is always a ParseResult; nothing throws.
 */
import os from "node:os";
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
 * `new Worker(new URL(...), ...)` below). The import CLI runs compiled by esbuild
 * (scripts/import-cli.mjs), which emits the worker entry as parse-worker.mjs beside this code.
 * Under tsx (the other scripts) and Vitest this file is TypeScript source, and Node 20 cannot
 * start a worker from a .ts file even with tsx's loader in execArgv (tsx registers itself on the
 * main thread only), so the worker registers tsx first.
 */
function startOutsideNext(options: WorkerOptions): Worker {
  // Read through variables so the bundlers leave them alone: this never runs in the app.
  const here = import.meta.url;
  if (!here.endsWith(".ts")) {
    const compiled = new URL(here.replace(/[^/]*$/, "parse-worker.mjs"));
    return new Worker(compiled, options);
  }
  const resolve = (import.meta as { resolve?: (specifier: string) => string }).resolve;
  if (!resolve) throw new Error("import.meta.resolve is unavailable");
  const entry = here.replace(/parse-in-worker\.ts$/, "parse-worker.ts");
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
 * Parses run in a pool of long-lived workers, one per core (at most 4): SheetJS is loaded once per
 * worker, not once per file, and files are parsed side by side up to the number of cores. The
 * rest wait their turn, and their time limit starts when their own parse does. A worker that runs
 * out of time or memory is terminated and replaced; the others go on. Workers are created on
 * first use and do not keep the process alive while idle.
 */
export const MAX_PARALLEL_PARSES = Math.max(1, Math.min(4, os.availableParallelism()));

type Pending = { job: ParseJob; timeoutMs: number; resolve: (answer: { result?: unknown; reason?: NonNullable<ParseResult["aborted"]>; error?: string }) => void };

class ParsePool {
  private idle: Worker[] = [];
  private busy = 0;
  private queue: Pending[] = [];
  constructor(private readonly memoryMb: number) {}

  run(job: ParseJob, timeoutMs: number) {
    return new Promise<Parameters<Pending["resolve"]>[0]>((resolve) => {
      this.queue.push({ job, timeoutMs, resolve });
      this.next();
    });
  }

  private next() {
    while (this.queue.length && this.busy < MAX_PARALLEL_PARSES) {
      const task = this.queue.shift()!;
      this.busy++;
      let worker: Worker;
      try {
        worker = this.idle.pop() ?? this.start();
      } catch (error) {
        this.busy--;
        task.resolve({ reason: "crash", error: `无法启动表格解析：${error instanceof Error ? error.message : String(error)}` });
        continue;
      }
      this.dispatch(worker, task);
    }
  }

  private start(): Worker {
    workersStarted++;
    const options: WorkerOptions = { resourceLimits: { maxOldGenerationSizeMb: this.memoryMb } };
    // The bundler recognises exactly this expression and emits the worker entry as a chunk.
    return bundledByNext ? new Worker(new URL("./parse-worker.ts", import.meta.url), options) : startOutsideNext(options);
  }

  private dispatch(worker: Worker, task: Pending) {
    worker.ref();
    let settled = false;
    const done = (answer: Parameters<Pending["resolve"]>[0], keep: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.off("message", onMessage);
      worker.off("error", onError);
      worker.off("exit", onExit);
      this.busy--;
      if (keep) {
        worker.unref();
        this.idle.push(worker);
      } else void worker.terminate();
      task.resolve(answer);
      this.next();
    };
    const onMessage = (result: unknown) => done({ result }, true);
    const onError = (error: Error & { code?: string }) =>
      done(error.code === "ERR_WORKER_OUT_OF_MEMORY" ? { reason: "memory" } : { reason: "crash", error: error.message }, false);
    const onExit = (code: number) => done({ reason: "crash", error: `解析线程意外退出（代码 ${code}）` }, false);
    const timer = setTimeout(() => done({ reason: "timeout" }, false), task.timeoutMs);
    worker.on("message", onMessage);
    worker.once("error", onError);
    worker.once("exit", onExit);
    // The job holds a copy of exactly the file's bytes, moved (not cloned again) to the worker.
    worker.postMessage(task.job, [task.job.bytes.buffer]);
  }
}

let workersStarted = 0;
/** How many parse workers this process has started (tests check that workers are reused). */
export const parseWorkersStarted = () => workersStarted;

const pools = new Map<number, ParsePool>();
const poolFor = (memoryMb: number) => pools.get(memoryMb) ?? pools.set(memoryMb, new ParsePool(memoryMb)).get(memoryMb)!;

export async function parseInWorker(bytes: Uint8Array, fileName: string, options: ParseOptions = {}, limits: ParseLimits = defaultParseLimits()): Promise<ParseResult> {
  return runJob<ParseResult>({ bytes: new Uint8Array(bytes), fileName, options }, limits, (reason, error) => aborted(fileName, reason, error));
}

/** The text of every sheet's cells (merged cells filled in), read in a worker with the same limits and queue. */
export async function readGridInWorker(bytes: Uint8Array, fileName: string, options: GridOptions, limits: ParseLimits = defaultParseLimits()): Promise<GridResult> {
  return runJob<GridResult>({ kind: "grid", bytes: new Uint8Array(bytes), fileName, options }, limits, (_reason, error) => ({ ok: false, error, notices: [], sheets: [] }));
}

async function runJob<T>(job: ParseJob, limits: ParseLimits, aborted: (reason: NonNullable<ParseResult["aborted"]>, error: string) => T): Promise<T> {
  const answer = await poolFor(limits.memoryMb).run(job, limits.timeoutMs);
  if (!answer.reason) return answer.result as T;
  if (answer.reason === "timeout") {
    return aborted("timeout", `文件解析超时（超过 ${seconds(limits.timeoutMs)}），文件可能已损坏或结构异常，已停止解析，没有导入任何内容。请在 Excel 或 WPS 中打开该文件，另存为新的 .xlsx 文件后再上传。`);
  }
  if (answer.reason === "memory") {
    return aborted("memory", `解析文件所需的内存超过上限（${limits.memoryMb} MB），文件可能已损坏或内容过多，已停止解析，没有导入任何内容。请另存为新的 .xlsx 文件或拆分后再上传。`);
  }
  return aborted("crash", answer.error?.startsWith("无法启动") ? answer.error : `解析文件时出错，文件可能已损坏（${answer.error}）。请另存为新的 .xlsx 文件后再上传。`);
}
