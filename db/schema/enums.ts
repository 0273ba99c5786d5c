import { pgEnum } from "drizzle-orm/pg-core";
// The values come from the domain's lists (relative paths: drizzle-kit reads this file too).
import {
  CORRECTION_STATUSES,
  EXCEPTION_REASONS,
  EXCEPTION_STATUSES,
  ROLES,
  SUBMISSION_SOURCES,
  TIMELINESS,
} from "../../lib/domain/constants";
import { MOVEMENT_TYPES } from "../../lib/domain/movements";

export const roleEnum = pgEnum("role", ROLES);

/** Unsigned quantities carry a type; the sign lives only in lib/domain/movements.ts. */
export const movementTypeEnum = pgEnum("movement_type", MOVEMENT_TYPES);

export const submissionSourceEnum = pgEnum("submission_source", SUBMISSION_SOURCES);
export const timelinessEnum = pgEnum("timeliness", TIMELINESS);

export const exceptionStatusEnum = pgEnum("exception_status", EXCEPTION_STATUSES);
export const exceptionReasonEnum = pgEnum("exception_reason", EXCEPTION_REASONS);
export const correctionStatusEnum = pgEnum("correction_status", CORRECTION_STATUSES);
