import { apiLists, handle } from "@/lib/portal/api";

export const dynamic = "force-dynamic";

/** Published lists with their current version, paged. See README「开放数据接口」. */
export async function GET(request: Request) {
  return handle(() => apiLists(request));
}
