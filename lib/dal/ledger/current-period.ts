import type { Queryable } from "@/db/open";
import { latestEndedPeriod } from "@/lib/domain/periods";
import { getSettings } from "../settings/get-settings";

/** The latest period that has ended, in the manufacturer's time zone. */
export async function currentLedgerPeriod(db: Queryable, now = new Date()): Promise<string> {
  const s = await getSettings(db);
  return latestEndedPeriod(now, s.timeZone);
}
