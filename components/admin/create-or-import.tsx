import type { ReactNode } from "react";
import { Card, CardBody, CardHeader } from "@/components/ui/card";

/** Side by side: a form creating one row, and the CSV import of many. */
export function CreateOrImport({ createTitle, form, importDescription, importer }: { createTitle: string; form: ReactNode; importDescription: string; importer: ReactNode }) {
  return (
    <div className="grid gap-6 xl:grid-cols-2">
      <Card>
        <CardHeader title={createTitle} />
        <CardBody>{form}</CardBody>
      </Card>
      <Card>
        <CardHeader title="Import a CSV" description={importDescription} />
        <CardBody>{importer}</CardBody>
      </Card>
    </div>
  );
}
