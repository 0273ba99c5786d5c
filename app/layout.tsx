import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { FormatProvider } from "@/components/format/format-provider";
import { TimeZoneCookie } from "@/components/format/time-zone-cookie";
import { getFormatSettings } from "@/lib/format/request-format";
import "./globals.css";

export const metadata: Metadata = {
  title: { template: "%s · Sellthru", default: "Sellthru" },
  description: "Monthly POS and inventory reporting for Halcyon Semiconductor partners.",
  applicationName: "Sellthru",
  icons: { icon: "/favicon.svg" },
};

// Dark mode follows the system setting (app/globals.css redefines the colour variables).
export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#0f1524" },
  ],
  colorScheme: "light dark",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Numbers and dates in the user's locale and time zone (lib/format); only these two strings reach the browser.
  const format = await getFormatSettings();
  return (
    <html lang="en">
      <body className="min-h-dvh bg-slate-50 font-sans text-sm text-slate-900 antialiased">
        <FormatProvider settings={{ locale: format.locale, timeZone: format.timeZone }}>{children}</FormatProvider>
        <TimeZoneCookie cookieValue={format.timeZoneCookie} rendered={format.timeZone} fromProfile={format.fromProfile.timeZone} />
      </body>
    </html>
  );
}
