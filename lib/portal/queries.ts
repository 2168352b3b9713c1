import "server-only";
import { prisma } from "@/lib/db/client";

export async function publicHomeSummary() {
  const [city, districts] = await Promise.all([
    prisma.orgUnit.findFirst({ where: { kind: "CITY", active: true }, select: { name: true }, orderBy: { id: "asc" } }),
    prisma.orgUnit.findMany({ where: { kind: "DISTRICT", active: true }, select: { name: true }, orderBy: { sortOrder: "asc" } }),
  ]);
  return { cityName: city?.name ?? null, districts: districts.map((d) => d.name), publishedLists: 0 };
}
