/**
 * Line-level POS as SQL rows, read straight out of `pos_line_blocks` (format 1, see
 * lib/imports/split/pos-blocks.ts) without decoding in JavaScript: each block is split into lines and
 * each line into its 13 tab-separated fields. Only what ship & debit needs is named here. The POS a
 * distributor has *reported* is the one behind the latest revision of each of its submissions.
 */
import { sql, type SQL } from "drizzle-orm";

/** A COPY-text field as text: `\N` is null; `\\`, `\t`, `\n`, `\r` unescaped (rare in invoices and names). */
const copyField = (f: SQL) => sql`(case when ${f} = '\\N' then null when strpos(${f}, '\\') = 0 then ${f}
  else replace(replace(replace(replace(replace(${f}, '\\\\', chr(1)), '\\t', chr(9)), '\\n', chr(10)), '\\r', chr(13)), chr(1), '\\') end)`;

/** Transfer types that are a sale to an end customer (lib/imports/x12-867.ts SALES, and a spreadsheet's sales line). */
export const SALE_TYPES = ["SS", "SD", "DS", "SH", "CS", "sell_through"] as const;

/**
 * `(product_id, quantity, invoice_key, unit_price, end_customer)` of every reported sales line of
 * `distributorId` (positive quantities; a sales line stores no type). `invoiceFilter` narrows the
 * invoices early (a semi-join on the upper-cased invoice).
 */
export function reportedSalesSql(distributorId: number, invoiceFilter?: SQL): SQL {
  const f = (i: number) => sql.raw(`x.f[${i}]`);
  return sql`select ${f(1)}::int as product_id, ${f(4)}::numeric as quantity,
      upper(${copyField(f(6))}) as invoice_key,
      nullif(${f(8)}, '\\N')::numeric as unit_price,
      ${copyField(f(9))} as end_customer
    from submissions s
    join submission_revisions r on r.id = s.latest_revision_id
    join pos_line_blocks b on b.upload_id = r.upload_id
    cross join lateral string_to_table(b.lines, chr(10)) as t(line)
    cross join lateral string_to_array(t.line, chr(9)) as x(f)
    where s.distributor_id = ${distributorId} and r.upload_id is not null and t.line <> ''
      and (${f(3)} = '\\N' or ${f(3)} in (${sql.join(SALE_TYPES.map((t) => sql`${t}`), sql`, `)}))
      and ${f(4)}::numeric > 0
      ${invoiceFilter ? sql`and upper(${copyField(f(6))}) in (${invoiceFilter})` : sql``}`;
}
