import { EXCEPTION_REASONS, REASON_LABELS } from "@/lib/validation/exceptions";

/** The options of an exception's reason: "Not known yet", then every reason. */
export function ReasonOptions() {
  return (
    <>
      <option value="">Not known yet</option>
      {EXCEPTION_REASONS.map((r) => (
        <option key={r} value={r}>
          {REASON_LABELS[r]}
        </option>
      ))}
    </>
  );
}

/** The staff an exception can be given to, as options: name (e-mail), by id. */
export function StaffOptions({ staff }: { staff: { id: string; name: string; email: string }[] }) {
  return (
    <>
      {staff.map((s) => (
        <option key={s.id} value={s.id}>
          {s.name} ({s.email})
        </option>
      ))}
    </>
  );
}
