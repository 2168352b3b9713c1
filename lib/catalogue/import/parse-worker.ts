import { parentPort, workerData } from "node:worker_threads";
import { parseWorkbook } from "./parse";
import type { ParseJob } from "./parse-in-worker";

// Entry of the parse worker thread (see parse-in-worker.ts): one file, one answer, then exit.
const job = workerData as ParseJob;
parentPort?.postMessage(parseWorkbook(job.bytes, job.fileName, job.options));
