import type { Metadata, Viewport } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "清单 · 街道职权清单管理系统", template: "%s · 清单" },
  description: "赋权事项承接、街道职权清单编制公布、准入与双向考评",
  applicationName: "清单",
  // The files live in public/; linked here so every page names them (no 404 for /favicon.ico).
  icons: {
    icon: [{ url: "/favicon.ico", sizes: "32x32" }, { url: "/icon-192.png", type: "image/png", sizes: "192x192" }],
    apple: [{ url: "/apple-touch-icon.png", sizes: "180x180" }],
  },
  manifest: "/manifest.webmanifest",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#1d5fbf" };

// Every page carries the CSP nonce of its own request (proxy.ts), so none may be prerendered at
// build time: a static page's scripts would have no nonce and be refused. This covers the
// pages without their own setting (not-found, survey, verify).
export const dynamic = "force-dynamic";

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="zh-CN">
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
