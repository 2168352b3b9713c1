import { parentPort, workerData } from "node:worker_threads";
import { parseWorkbook } from "./parse";
import { readGrid } from "./grid";
import type { ParseJob } from "./parse-in-worker";

// Entry of the parse worker thread (see parse-in-worker.ts): one file, one answer, then exit.
const job = workerData as ParseJob;
parentPort?.postMessage(job.kind === "grid" ? readGrid(job.bytes, job.fileName, job.options) : parseWorkbook(job.bytes, job.fileName, job.options));
