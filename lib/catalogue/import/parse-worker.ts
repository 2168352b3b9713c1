import { parentPort } from "node:worker_threads";
import { parseWorkbook } from "./parse";
import { readGrid } from "./grid";
import type { ParseJob } from "./parse-in-worker";

// Entry of a parse worker thread (see parse-in-worker.ts): it stays alive and answers one job at
// a time, so SheetJS is loaded once per worker. A job that overruns its time or memory ends the
// whole worker (the pool starts another).
parentPort?.on("message", (job: ParseJob) => {
  parentPort!.postMessage(job.kind === "grid" ? readGrid(job.bytes, job.fileName, job.options) : parseWorkbook(job.bytes, job.fileName, job.options));
});
