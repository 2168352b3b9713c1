import { apiLocalLists, handle } from "@/lib/portal/api";

export const dynamic = "force-dynamic";

/** Each unit's current 属地管理事项清单, paged. See README「开放数据接口」. */
export async function GET(request: Request) {
  return handle(() => apiLocalLists(request));
}
