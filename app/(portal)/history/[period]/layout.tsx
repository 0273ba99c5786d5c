import type { ReactNode } from "react";
import { periodParam, requireKnownPeriod } from "../_lib/load";

/**
 * Checks the period before anything streams, so an unknown period (or one this distributor has no
 * record of) is a real 404 response, not a 200 with a "not found" body.
 */
export default async function PeriodLayout({ params, children }: { params: Promise<{ period: string }>; children: ReactNode }) {
  await requireKnownPeriod(periodParam((await params).period));
  return children;
}
