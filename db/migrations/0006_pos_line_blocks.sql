CREATE TABLE "pos_line_blocks" (
	"upload_id" uuid NOT NULL,
	"block_no" integer NOT NULL,
	"distributor_id" integer NOT NULL,
	"format" integer DEFAULT 1 NOT NULL,
	"line_count" integer NOT NULL,
	"lines" text NOT NULL,
	CONSTRAINT "pos_line_blocks_upload_id_block_no_pk" PRIMARY KEY("upload_id","block_no")
);
--> statement-breakpoint
-- lz4 where the server has it (Debian's Postgres does): a million POS lines are ~20 MB instead of
-- ~100 MB, and compressing costs less than writing the difference. Without lz4 the default stays.
DO $$ BEGIN
  ALTER TABLE pos_line_blocks ALTER COLUMN lines SET COMPRESSION lz4;
EXCEPTION WHEN OTHERS THEN
  RAISE NOTICE 'sellthru: pos_line_blocks.lines keeps the default compression (%)', SQLERRM;
END $$;
--> statement-breakpoint
ALTER TABLE pos_line_blocks ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY pos_line_blocks_tenant ON pos_line_blocks USING ((SELECT sellthru_is_staff()) OR distributor_id = (SELECT sellthru_tenant())) WITH CHECK ((SELECT sellthru_is_staff()) OR distributor_id = (SELECT sellthru_tenant()));
--> statement-breakpoint
-- The lines already kept, moved into blocks of 4,096 in their order (format 1: tab-separated,
-- `\N` for none, backslash, tab, newline and carriage return escaped; see lib/imports/pos-blocks.ts).
CREATE FUNCTION pg_temp.sellthru_pos_text(v text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(replace(replace(replace(replace(v, '\', '\\'), E'\t', '\t'), E'\n', '\n'), E'\r', '\r'), '\N')
$$;
--> statement-breakpoint
INSERT INTO pos_line_blocks (upload_id, block_no, distributor_id, format, line_count, lines)
SELECT upload_id, ((n - 1) / 4096)::int, min(distributor_id), 1, count(*)::int,
       string_agg(concat_ws(E'\t',
         product_id::text, source_line::text, pg_temp.sellthru_pos_text(transfer_type), quantity::text,
         coalesce(to_char(invoice_date, 'YYYY-MM-DD'), '\N'), pg_temp.sellthru_pos_text(invoice),
         pg_temp.sellthru_pos_text(invoice_line), coalesce(trim_scale(unit_price)::text, '\N'),
         pg_temp.sellthru_pos_text(end_customer), pg_temp.sellthru_pos_text(ship_to_city),
         pg_temp.sellthru_pos_text(ship_to_state), pg_temp.sellthru_pos_text(ship_to_country),
         pg_temp.sellthru_pos_text(distributor_part)), E'\n' ORDER BY id) || E'\n'
  FROM (SELECT *, row_number() OVER (PARTITION BY upload_id ORDER BY id) AS n FROM pos_lines) l
 GROUP BY upload_id, (n - 1) / 4096;
