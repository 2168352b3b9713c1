// `npm run bench`: measures each area's figures on generated data in a throwaway database and
// prints them. Figures, not pass/fail: the targets are printed beside each for reading.
import crypto from "node:crypto";
import { generateClient, migrate } from "./runtime";
import { sql, startTestServer } from "./test-db";
import type { BenchContext, BenchSuite } from "./bench/types";
import { foundationBench } from "./bench/foundation";
import { devolutionBench } from "./bench/devolution";
import { catalogueBench } from "./bench/catalogue";
import { evaluationBench } from "./bench/evaluation";
import { admissionBench } from "./bench/admission";
import { listsBench } from "./bench/lists";
import { importerBench } from "./bench/importer";

const suites: BenchSuite[] = [foundationBench, catalogueBench, devolutionBench, admissionBench, evaluationBench, listsBench, importerBench];

async function main() {
  const only = process.argv.slice(2);
  await generateClient();
  const server = await startTestServer();
  const database = `qingdan_bench_${crypto.randomBytes(4).toString("hex")}`;
  await sql(server.adminUrl, `CREATE DATABASE "${database}"`);
  const url = server.urlFor(database);
  await migrate(url);
  process.env.DATABASE_URL = url;
  const { createPrismaClient } = await import("../lib/db/client");
  const prisma = createPrismaClient(url);
  const ctx: BenchContext = { prisma, url };
  const rows: { suite: string; name: string; value: string; target: string }[] = [];
  try {
    for (const suite of suites) {
      if (only.length && !only.includes(suite.name)) continue;
      console.log(`\n== ${suite.name} ==`);
      for (const figure of await suite.run(ctx)) {
        rows.push({ suite: suite.name, ...figure });
        console.log(`  ${figure.name}: ${figure.value}  (目标 ${figure.target})`);
      }
    }
  } finally {
    await prisma.$disconnect();
    await sql(server.adminUrl, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`).catch(() => {});
    await server.stop();
  }
  console.log("\nsuite        figure                                              value          target");
  for (const r of rows) console.log(`${r.suite.padEnd(12)} ${r.name.padEnd(50)} ${r.value.padEnd(14)} ${r.target}`);
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
