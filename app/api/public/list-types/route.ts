import { handle } from "@/lib/portal/api";
import { apiListTypes } from "@/lib/list-types/api";

export const dynamic = "force-dynamic";

/** Every list type with its columns. See README「开放数据接口」. */
export async function GET(request: Request) {
  return handle(() => apiListTypes(request));
}
