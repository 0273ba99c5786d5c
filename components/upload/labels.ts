import type { Field, Format } from "@/lib/imports/types";

export const FIELD_OPTIONS: { value: Field; label: string }[] = [
  { value: "sku", label: "Halcyon SKU" },
  { value: "distributorPart", label: "Your part number" },
  { value: "upc", label: "UPC / GTIN" },
  { value: "quantity", label: "Quantity (per line)" },
  { value: "sold", label: "Sold (per SKU)" },
  { value: "returned", label: "Returned to Halcyon" },
  { value: "onHand", label: "On hand" },
  { value: "customerReturns", label: "Customer returns (per SKU)" },
  { value: "location", label: "Location (rows added up per SKU)" },
  { value: "unit", label: "Unit of measure (EA, CA, BX…)" },
  { value: "date", label: "Invoice date" },
  { value: "invoice", label: "Invoice number" },
  { value: "invoiceLine", label: "Invoice line" },
  { value: "endCustomer", label: "End customer" },
  { value: "unitPrice", label: "Unit price" },
  { value: "shipToCity", label: "Ship-to city" },
  { value: "shipToState", label: "Ship-to state" },
  { value: "shipToCountry", label: "Ship-to country" },
  { value: "description", label: "Description" },
];

export const FIELD_LABEL: Record<string, string> = Object.fromEntries(FIELD_OPTIONS.map((o) => [o.value, o.label]));

export function formatLabel(format: Format, extra: { delimiter?: string; encoding?: string; sheet?: string }): string {
  switch (format) {
    case "csv": {
      const d = extra.delimiter === "\t" ? "tab" : extra.delimiter === ";" ? "semicolon" : extra.delimiter === "|" ? "pipe" : "comma";
      return `Text file, ${d} separated${extra.encoding ? `, ${extra.encoding}` : ""}`;
    }
    case "xlsx":
      return `Excel workbook${extra.sheet ? `, sheet “${extra.sheet}”` : ""}`;
    case "x12-852":
      return "EDI X12 852 (product activity)";
    case "x12-867":
      return "EDI X12 867 (product transfer and resale)";
  }
}

export const plural = (n: number, word: string, many = `${word}s`) => `${n.toLocaleString("en-US")} ${n === 1 ? word : many}`;
