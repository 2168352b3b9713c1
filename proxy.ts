import { NextResponse, type NextRequest } from "next/server";

// Not a security gate (pages and actions check for themselves): it only tells server pages
// where the visitor was, so sign-in can send them back there.
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set("x-qingdan-path", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: ["/((?!_next/|api/|favicon.ico|.*\\.(?:png|svg|ico|css|js)$).*)"],
};
