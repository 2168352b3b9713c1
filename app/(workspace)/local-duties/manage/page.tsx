import { redirect } from "next/navigation";
import { requirePermission } from "@/lib/auth/session";

/** The unit picker on /local-duties submits here (a plain GET form, so it works without script). */
export default async function PickUnit({ searchParams }: { searchParams: Promise<{ unit?: string }> }) {
  await requirePermission("localDuty.manage");
  const unit = Number((await searchParams).unit);
  redirect(Number.isInteger(unit) && unit > 0 ? `/local-duties/manage/${unit}` : "/local-duties");
}
