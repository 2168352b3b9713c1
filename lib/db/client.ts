import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

export function createPrismaClient(url: string): PrismaClient {
  const adapter = new PrismaPg({ connectionString: url, max: 10 });
  return new PrismaClient({ adapter });
}

const globalForPrisma = globalThis as unknown as { qingdanPrisma?: PrismaClient };

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
