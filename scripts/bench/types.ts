import type { PrismaClient } from "../../lib/generated/prisma/client";

export type BenchContext = { prisma: PrismaClient; url: string };
export type Figure = { name: string; value: string; target: string };
export type BenchSuite = { name: string; run: (ctx: BenchContext) => Promise<Figure[]> };

/** Runs `fn` `runs` times after `warmup` runs; returns milliseconds per run, sorted. */
export async function timeRuns(fn: () => Promise<unknown>, runs = 20, warmup = 3): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b);
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export const ms = (n: number) => `${n.toFixed(1)} ms`;
