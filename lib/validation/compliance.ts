import { z } from "zod";
import { distributorCodeSchema, periodSchema } from "./common";

export const complianceQuerySchema = z
  .object({
    from: periodSchema.optional(),
    to: periodSchema.optional(),
    distributor: distributorCodeSchema.optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: "from must not be after to", path: ["from"] })
  .refine(
    (q) => {
      if (!q.from || !q.to) return true;
      const [fy, fm] = q.from.split("-").map(Number);
      const [ty, tm] = q.to.split("-").map(Number);
      return (ty! - fy!) * 12 + (tm! - fm!) < 60;
    },
    { message: "At most 60 periods at once", path: ["to"] },
  );

export type ComplianceQuery = z.infer<typeof complianceQuerySchema>;

/** "Remind selected" on the board: distributor codes and a per-render id (a double click sends once). */
export const remindSchema = z.object({
  distributors: z.array(distributorCodeSchema).min(1, "Select at least one distributor").max(200),
  period: periodSchema.optional(),
  requestId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, "Invalid request id"),
});

export type RemindInput = z.infer<typeof remindSchema>;
