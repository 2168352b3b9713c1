import "server-only";
import { cache } from "react";
import { forbidden, notFound } from "next/navigation";
import { requireEntry } from "@/lib/auth/session";
import { can } from "@/lib/auth/policy";
import { viewScope } from "./policy";
import { getDevolutionRound, roundWithin, takesPart } from "./queries";
import { routeId } from "@/lib/validation";

/**
 * For the round's pages: the signed-in user, the round and what the user may see of it. A
 * department or street that does not take part gets a 403; a round that does not exist, a 404.
 * `manages`: whether the user may manage the round (devolution.manage); a district 编办 only
 * when every street of the round lies in its district (the commands check the same).
 */
export const roundPage = cache(async (idParam: string) => {
  const user = await requireEntry("devolution.read");
  const id = routeId(idParam) ?? notFound();
  const round = await getDevolutionRound(id);
  if (!round) notFound();
  const scope = viewScope(user);
  if (!scope) forbidden();
  if (scope.kind === "department" && !(await takesPart(id, { departmentId: scope.departmentId }))) forbidden();
  if (scope.kind === "street" && !(await takesPart(id, { streetId: scope.streetId }))) forbidden();
  if (scope.kind === "all" && scope.streetIds && !(await takesPart(id, { streetIds: scope.streetIds }))) forbidden();
  const manages = can(user, "devolution.manage") && (!user.area || (await roundWithin(id, user.area.unitIds)));
  return { user, round, scope, manages };
});
