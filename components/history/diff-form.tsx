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
      <Field label="From revision" id="diff-from" className="w-40">
        <Select name="from" defaultValue={String(from)}>
          {revisions.map((r) => (
            <option key={r} value={r}>
              Revision {r}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="To revision" id="diff-to" className="w-40">
        <Select name="to" defaultValue={String(to)}>
          {revisions.map((r) => (
            <option key={r} value={r}>
              Revision {r}
            </option>
          ))}
        </Select>
      </Field>
      <Button type="submit" variant="secondary">
        Compare
      </Button>
    </Form>
  );
}
