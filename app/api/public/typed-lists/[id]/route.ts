import { handle } from "@/lib/portal/api";
import { apiTypedList } from "@/lib/list-types/api";

export const dynamic = "force-dynamic";

/** One published list of a configurable type: its current version (?version=N, ?format=csv). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return handle(() => apiTypedList(request, id));
}
