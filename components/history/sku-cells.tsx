import { TD, TH } from "@/components/ui/table";

/** A line's first two cells: its SKU as the row's heading, and its description cut to `width` (a class such as `max-w-72`; whole on hover). */
export function SkuCells({ sku, description, width }: { sku: string; description: string; width: string }) {
  return (
    <>
      <TH scope="row" className="font-mono text-xs">
        {sku}
      </TH>
      <TD className={`${width} truncate text-slate-700`} title={description}>
        {description}
      </TD>
    </>
  );
}
