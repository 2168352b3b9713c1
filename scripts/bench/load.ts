// A small closed-loop HTTP load generator for the bench (issue 14 §1): N keep-alive connections,
// each sending the next request as soon as the previous answer has been read, for a fixed time.
// It runs in the bench process; the servers it measures run in their own processes, so the app
// and the bare server are loaded the same way and their ratio is fair.
import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import { percentile } from "./types";

export type LoadResult = { requests: number; errors: number; seconds: number; rps: number; p50: number; p99: number; bytes: number };

export async function load(url: string, { connections = 64, seconds = 10, headers = {} as Record<string, string> } = {}): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const latencies: number[] = [];
  let errors = 0;
  let bytes = 0;
  const stopAt = Date.now() + seconds * 1000;
  const started = performance.now();
  const one = () =>
    new Promise<void>((resolve) => {
      const t = performance.now();
      const req = http.get(url, { agent, headers: { "Accept-Encoding": "identity", ...headers } }, (res) => {
        let n = 0;
        res.on("data", (c: Buffer) => (n += c.length));
        res.on("end", () => {
          latencies.push(performance.now() - t);
          if (res.statusCode !== 200) errors++;
          bytes = n;
          resolve();
        });
        res.on("error", () => {
          errors++;
          resolve();
        });
      });
      req.on("error", () => {
        errors++;
        resolve();
      });
    });
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (Date.now() < stopAt) await one();
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return { requests: latencies.length, errors, seconds: elapsed, rps: latencies.length / elapsed, p50: percentile(latencies, 50), p99: percentile(latencies, 99), bytes };
}

/**
 * A bare Node `http` server in its own process that answers every request with these bytes and
 * content type: what the machine can serve, to compare the app with.
 */
export async function bareServer(body: Buffer, contentType: string, port: number): Promise<ChildProcess> {
  const code = `
    const http = require("node:http");
    const chunks = [];
    process.stdin.on("data", (c) => chunks.push(c));
    process.stdin.on("end", () => {
      const body = Buffer.concat(chunks);
      http.createServer((req, res) => {
        res.writeHead(200, { "Content-Type": ${JSON.stringify(contentType)}, "Content-Length": body.length });
        res.end(body);
      }).listen(${port}, "127.0.0.1", () => process.send ? process.send("ready") : console.log("ready"));
    });`;
  const child = spawn(process.execPath, ["-e", code], { stdio: ["pipe", "pipe", "inherit"] });
  child.stdin!.end(body);
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (d: Buffer) => d.toString().includes("ready") && resolve());
    child.once("exit", (c) => reject(new Error(`bare server exited with ${c}`)));
  });
  return child;
}

export async function stop(child: ChildProcess) {
  if (child.exitCode !== null) return;
  child.kill("SIGTERM");
  await new Promise((r) => child.once("exit", r));
}
