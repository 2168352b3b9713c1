import { apiSearch, handle } from "@/lib/portal/api";

export const dynamic = "force-dynamic";

/** Items of every published list (current versions) matching ?q=. */
export async function GET(request: Request) {
  return handle(() => apiSearch(request));
}
