import Form from "next/form";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/input";
import { Button } from "@/components/ui/button";

export interface DiffFormProps {
  period: string;
  /** Revision numbers, newest first. */
  revisions: number[];
  from: number;
  to: number;
}

/** Picks two revisions to compare; a GET form, so the choice lives in the URL (?from=&to=). */
export function DiffForm({ period, revisions, from, to }: DiffFormProps) {
  return (
    <Form key={`${from}-${to}`} action={`/history/${period}`} className="flex flex-wrap items-end gap-3" aria-label="Compare two revisions">
      <RevisionField label="From revision" name="from" value={from} revisions={revisions} />
      <RevisionField label="To revision" name="to" value={to} revisions={revisions} />
      <Button type="submit" variant="secondary">
        Compare
      </Button>
    </Form>
  );
}

/** One end of the comparison: a list of the period's revisions. */
function RevisionField({ label, name, value, revisions }: { label: string; name: "from" | "to"; value: number; revisions: number[] }) {
  return (
    <Field label={label} id={`diff-${name}`} className="w-40">
      <Select name={name} defaultValue={String(value)}>
        {revisions.map((r) => (
          <option key={r} value={r}>
            Revision {r}
          </option>
        ))}
      </Select>
    </Field>
  );
}
