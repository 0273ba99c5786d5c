import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { template: "%s · Sellthru", default: "Sellthru" },
  description: "Monthly POS and inventory reporting for Halcyon Semiconductor partners.",
  applicationName: "Sellthru",
  icons: { icon: "/favicon.svg" },
};

export const viewport: Viewport = {
  themeColor: "#ffffff",
  colorScheme: "light",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-dvh bg-slate-50 font-sans text-sm text-slate-900 antialiased">{children}</body>
    </html>
  );
}
