import { date, pgTable, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./organisation";

/** A monthly reporting period (first day of the month) with its deadline, fixed when the row is made. */
export const periods = pgTable("periods", {
  period: date("period").primaryKey(),
  dueAt: timestamp("due_at", { withTimezone: true }).notNull(),
  closedAt: timestamp("closed_at", { withTimezone: true }),
  closedBy: uuid("closed_by").references(() => users.id),
});
