/**
 * Who set a password, and when (`users.password_set_by` / `password_set_at`), for the two-person
 * rule (lib/dal/corrections: within TWO_PERSON_HOURS of one person setting another's password the
 * two are not two people). A user setting their own password records themselves — but never wipes
 * out a mark someone else left within that window: otherwise an admin who set a colleague's password
 * could sign in as them, "change their own password" and erase the trace before approving with them.
 */
import { sql, type SQL } from "drizzle-orm";
import { users } from "@/db/schema";
import { TWO_PERSON_HOURS } from "../corrections/corrections";

export function ownPasswordMarks(userId: string): { passwordSetBy: SQL; passwordSetAt: SQL } {
  const recentOther = sql`(${users.passwordSetBy} is not null and ${users.passwordSetBy} <> ${userId}::uuid
    and ${users.passwordSetAt} > now() - make_interval(hours => ${TWO_PERSON_HOURS}))`;
  return {
    passwordSetBy: sql`case when ${recentOther} then ${users.passwordSetBy} else ${userId}::uuid end`,
    passwordSetAt: sql`case when ${recentOther} then ${users.passwordSetAt} else now() end`,
  };
}
