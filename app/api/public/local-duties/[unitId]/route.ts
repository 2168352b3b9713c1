import { apiLocalList, handle } from "@/lib/portal/api";

export const dynamic = "force-dynamic";

/** One unit's 属地管理事项清单 (?version=N, ?format=csv). See README「开放数据接口」. */
export async function GET(request: Request, { params }: { params: Promise<{ unitId: string }> }) {
  const { unitId } = await params;
  return handle(() => apiLocalList(request, unitId));
}
