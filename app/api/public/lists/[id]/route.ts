import { apiList, handle } from "@/lib/portal/api";

export const dynamic = "force-dynamic";

/** One published list: the current version with its items (?version=N for an older one, ?format=csv). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return handle(() => apiList(request, id));
}
