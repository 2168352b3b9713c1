import { redirect } from "next/navigation";
import { requirePermission } from "@/lib/auth/session";
import { routeId } from "@/lib/validation";

/** The unit picker on /local-duties submits here (a plain GET form, so it works without script). */
export default async function PickUnit({ searchParams }: { searchParams: Promise<{ unit?: string }> }) {
  await requirePermission("localDuty.manage");
  const unit = routeId((await searchParams).unit);
  redirect(unit ? `/local-duties/manage/${unit}` : "/local-duties");
}
