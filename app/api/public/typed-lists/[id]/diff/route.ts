import { handle } from "@/lib/portal/api";
import { apiTypedDiff } from "@/lib/list-types/api";

export const dynamic = "force-dynamic";

/** Rows added, removed and changed between versions ?from=N&to=M of a list of a configurable type. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return handle(() => apiTypedDiff(request, id));
}
