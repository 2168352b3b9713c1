import { apiDiff, handle } from "@/lib/portal/api";

export const dynamic = "force-dynamic";

/** Added, removed and changed items between versions ?from=N&to=M of a list. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return handle(() => apiDiff(request, id));
}
