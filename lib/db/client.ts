import { PrismaPg } from "@prisma/adapter-pg";
import { readReplicas } from "@prisma/extension-read-replicas";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";
import { replicaUrls } from "./replica-urls.mjs";

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

export function createPrismaClient(url: string): PrismaClient {
  const adapter = new PrismaPg({ connectionString: url, max: 10 });
  return new PrismaClient({ adapter });
}

const globalForPrisma = globalThis as unknown as { qingdanPrisma?: PrismaClient; qingdanReplicas?: { $replica(): PrismaClient } | null };

function lazyClient(): PrismaClient {
  if (!globalForPrisma.qingdanPrisma) {
    if (!env.DATABASE_URL) {
      throw new Error("DATABASE_URL is not set. Start the app with `npm start` or `npm run dev`.");
    }
    globalForPrisma.qingdanPrisma = createPrismaClient(env.DATABASE_URL);
  }
  return globalForPrisma.qingdanPrisma;
}

// Created on first use so that `next build` can import modules without a database.
export const prisma: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    const client = lazyClient();
    const value = Reflect.get(client, prop);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

/** The replica URLs named by DATABASE_REPLICA_URLS (comma-separated), if any. */
export { replicaUrls };

function lazyReplicas() {
  if (globalForPrisma.qingdanReplicas === undefined) {
    const urls = replicaUrls(env.DATABASE_REPLICA_URLS);
    globalForPrisma.qingdanReplicas = urls.length
      ? (lazyClient().$extends(readReplicas({ replicas: urls.map(createPrismaClient) })) as unknown as { $replica(): PrismaClient })
      : null;
  }
  return globalForPrisma.qingdanReplicas;
}

/**
 * The client for the public portal's and open-data API's reads: a read replica (Prisma's
 * read-replica extension picks one of DATABASE_REPLICA_URLS per query), or the primary when no
 * replica is configured. Only published, immutable data is read through it, so a replica that
 * lags by a moment shows the previous publication for that moment and never a half-written one.
 * Writes and the workspace always use `prisma` (the primary).
 */
export const publicDb: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    const client = lazyReplicas()?.$replica() ?? lazyClient();
    const value = Reflect.get(client, prop);
    return typeof value === "function" ? value.bind(client) : value;
  },
});
