import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { CORRECTION_TYPE_LABELS, UI_CORRECTION_TYPES } from "@/lib/validation/exceptions";

type Errors = string | string[] | null | undefined;

export interface CorrectionFieldsProps {
  errors: { quantity?: Errors; type?: Errors; reason?: Errors };
  /** What was typed (after a failed submit) or the proposed defaults. */
  values: { quantity?: string; type?: string; reason?: string };
  quantityHint: string;
  reasonClassName?: string;
  autoFocusReason?: boolean;
}

/** Quantity, type and reason of a proposed correction: the exception's panel and the drill-down's row share them. */
export function CorrectionFields({ errors, values, quantityHint, reasonClassName, autoFocusReason }: CorrectionFieldsProps) {
  return (
    <>
      <Field label="Quantity" error={errors.quantity} hint={quantityHint}>
        <Input name="quantity" inputMode="numeric" required defaultValue={values.quantity} placeholder="-60" />
      </Field>
      <Field label="Type" error={errors.type}>
        <Select name="type" defaultValue={values.type ?? "adjustment"}>
          {UI_CORRECTION_TYPES.map((t) => (
            <option key={t} value={t}>
              {CORRECTION_TYPE_LABELS[t]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Reason" error={errors.reason} className={reasonClassName}>
        <Input name="reason" required maxLength={1000} autoFocus={autoFocusReason} defaultValue={values.reason} placeholder="Transferred 60 to the Reno branch" />
      </Field>
    </>
  );
}
