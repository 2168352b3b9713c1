import { apiListVersions, handle } from "@/lib/portal/api";

export const dynamic = "force-dynamic";

/** A published list's versions and which one is in force (现行), without items. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return handle(() => apiListVersions(request, id));
}
