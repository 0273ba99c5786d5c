CREATE TABLE "claim_lines" (
	"revision_id" uuid NOT NULL,
	"line_no" integer NOT NULL,
	"distributor_id" integer NOT NULL,
	"authorization_number" text NOT NULL,
	"authorization_id" uuid,
	"invoice" text NOT NULL,
	"invoice_line" text,
	"ship_date" date NOT NULL,
	"end_customer" text NOT NULL,
	"sku" text NOT NULL,
	"product_id" integer,
	"quantity" integer NOT NULL,
	"book_cost" numeric(14, 4) NOT NULL,
	"authorized_cost" numeric(14, 4) NOT NULL,
	"claimed_amount" numeric(14, 2) NOT NULL,
	"outcome" text,
	"approved_quantity" integer,
	"approved_amount" numeric(14, 2),
	"reason_code" text,
	"ref_quantity" integer,
	"ref_cost" numeric(14, 4),
	"ref_amount" numeric(14, 2),
	"rule_outcome" text,
	"rule_reason_code" text,
	CONSTRAINT "claim_lines_revision_id_line_no_pk" PRIMARY KEY("revision_id","line_no"),
	CONSTRAINT "claim_lines_quantity_positive" CHECK ("claim_lines"."quantity" > 0),
	CONSTRAINT "claim_lines_outcome" CHECK ("claim_lines"."outcome" in ('approved', 'adjusted', 'rejected'))
);
--> statement-breakpoint
CREATE TABLE "claim_overrides" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"revision_id" uuid NOT NULL,
	"line_no" integer NOT NULL,
	"distributor_id" integer NOT NULL,
	"outcome" text NOT NULL,
	"approved_quantity" integer NOT NULL,
	"approved_amount" numeric(14, 2) NOT NULL,
	"note" text NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"proposed_by" uuid NOT NULL,
	"proposed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	CONSTRAINT "claim_overrides_status" CHECK ("claim_overrides"."status" in ('proposed', 'applied', 'rejected', 'withdrawn')),
	CONSTRAINT "claim_overrides_outcome" CHECK ("claim_overrides"."outcome" in ('approved', 'adjusted', 'rejected')),
	CONSTRAINT "claim_overrides_quantity" CHECK ("claim_overrides"."approved_quantity" >= 0 and "claim_overrides"."approved_amount" >= 0)
);
--> statement-breakpoint
CREATE TABLE "claim_revisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"claim_id" uuid NOT NULL,
	"distributor_id" integer NOT NULL,
	"revision" integer NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"submitted_by" uuid NOT NULL,
	"source" text NOT NULL,
	"file_name" text,
	"line_count" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "claims" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"distributor_id" integer NOT NULL,
	"period" date NOT NULL,
	"reference" text,
	"latest_revision" integer NOT NULL,
	"latest_revision_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sd_authorizations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"distributor_id" integer NOT NULL,
	"end_customer_id" text,
	"end_customer_name" text NOT NULL,
	"product_id" integer NOT NULL,
	"authorized_cost" numeric(14, 4) NOT NULL,
	"min_resale" numeric(14, 4),
	"quantity_limit" integer NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date NOT NULL,
	"currency" text DEFAULT 'USD' NOT NULL,
	"claim_window_days" integer DEFAULT 90 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "sd_authorizations_limit_positive" CHECK ("sd_authorizations"."quantity_limit" > 0),
	CONSTRAINT "sd_authorizations_cost_non_negative" CHECK ("sd_authorizations"."authorized_cost" >= 0),
	CONSTRAINT "sd_authorizations_validity" CHECK ("sd_authorizations"."valid_to" >= "sd_authorizations"."valid_from"),
	CONSTRAINT "sd_authorizations_window" CHECK ("sd_authorizations"."claim_window_days" between 0 and 3660),
	CONSTRAINT "sd_authorizations_currency_iso" CHECK ("sd_authorizations"."currency" ~ '^[A-Z]{3}$')
);
--> statement-breakpoint
ALTER TABLE "settings" ADD COLUMN "claim_cost_tolerance_pct" numeric(5, 2) DEFAULT '2' NOT NULL;--> statement-breakpoint
ALTER TABLE "settings" ADD COLUMN "claim_override_limit" numeric(14, 2) DEFAULT '1000' NOT NULL;--> statement-breakpoint
ALTER TABLE "movements" ADD COLUMN "unit_cost" numeric(14, 4);--> statement-breakpoint
ALTER TABLE "claim_lines" ADD CONSTRAINT "claim_lines_revision_id_claim_revisions_id_fk" FOREIGN KEY ("revision_id") REFERENCES "public"."claim_revisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_overrides" ADD CONSTRAINT "claim_overrides_revision_id_claim_revisions_id_fk" FOREIGN KEY ("revision_id") REFERENCES "public"."claim_revisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_overrides" ADD CONSTRAINT "claim_overrides_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_overrides" ADD CONSTRAINT "claim_overrides_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_revisions" ADD CONSTRAINT "claim_revisions_claim_id_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."claims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_revisions" ADD CONSTRAINT "claim_revisions_distributor_id_distributors_id_fk" FOREIGN KEY ("distributor_id") REFERENCES "public"."distributors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_revisions" ADD CONSTRAINT "claim_revisions_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_distributor_id_distributors_id_fk" FOREIGN KEY ("distributor_id") REFERENCES "public"."distributors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sd_authorizations" ADD CONSTRAINT "sd_authorizations_distributor_id_distributors_id_fk" FOREIGN KEY ("distributor_id") REFERENCES "public"."distributors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sd_authorizations" ADD CONSTRAINT "sd_authorizations_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sd_authorizations" ADD CONSTRAINT "sd_authorizations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "claim_lines_authorization_idx" ON "claim_lines" USING btree ("authorization_id");--> statement-breakpoint
CREATE INDEX "claim_lines_invoice_idx" ON "claim_lines" USING btree ("distributor_id",upper("invoice"),"product_id");--> statement-breakpoint
CREATE INDEX "claim_overrides_line_idx" ON "claim_overrides" USING btree ("revision_id","line_no");--> statement-breakpoint
CREATE UNIQUE INDEX "claim_revisions_key" ON "claim_revisions" USING btree ("claim_id","revision");--> statement-breakpoint
CREATE INDEX "claims_distributor_period_idx" ON "claims" USING btree ("distributor_id","period");--> statement-breakpoint
CREATE UNIQUE INDEX "sd_authorizations_number_key" ON "sd_authorizations" USING btree (upper("number"));--> statement-breakpoint
CREATE INDEX "sd_authorizations_distributor_idx" ON "sd_authorizations" USING btree ("distributor_id");--> statement-breakpoint
-- Row-level security on the ship & debit tables (as 0005_rls, forced as 0009): staff see every row, a
-- distributor only its own authorisations, claims, revisions, lines and overrides.
ALTER TABLE sd_authorizations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE sd_authorizations FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY sd_authorizations_tenant ON sd_authorizations USING ((SELECT sellthru_is_staff()) OR distributor_id = (SELECT sellthru_tenant())) WITH CHECK ((SELECT sellthru_is_staff()) OR distributor_id = (SELECT sellthru_tenant()));
--> statement-breakpoint
ALTER TABLE claims ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE claims FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY claims_tenant ON claims USING ((SELECT sellthru_is_staff()) OR distributor_id = (SELECT sellthru_tenant())) WITH CHECK ((SELECT sellthru_is_staff()) OR distributor_id = (SELECT sellthru_tenant()));
--> statement-breakpoint
ALTER TABLE claim_revisions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE claim_revisions FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY claim_revisions_tenant ON claim_revisions USING ((SELECT sellthru_is_staff()) OR distributor_id = (SELECT sellthru_tenant())) WITH CHECK ((SELECT sellthru_is_staff()) OR distributor_id = (SELECT sellthru_tenant()));
--> statement-breakpoint
ALTER TABLE claim_lines ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE claim_lines FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY claim_lines_tenant ON claim_lines USING ((SELECT sellthru_is_staff()) OR distributor_id = (SELECT sellthru_tenant())) WITH CHECK ((SELECT sellthru_is_staff()) OR distributor_id = (SELECT sellthru_tenant()));
--> statement-breakpoint
ALTER TABLE claim_overrides ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE claim_overrides FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY claim_overrides_tenant ON claim_overrides USING ((SELECT sellthru_is_staff()) OR distributor_id = (SELECT sellthru_tenant())) WITH CHECK ((SELECT sellthru_is_staff()) OR distributor_id = (SELECT sellthru_tenant()));
--> statement-breakpoint
-- End-customer names compared as lib/domain/claims/customer.ts normCustomer does: upper case, runs of
-- other characters than A–Z and 0–9 as one space, legal-form words dropped, spaces removed.
CREATE OR REPLACE FUNCTION sellthru_norm_customer(name text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT replace(
    regexp_replace(
      ' ' || regexp_replace(upper(coalesce(name, '')), '[^A-Z0-9]+', ' ', 'g') || ' ',
      ' ((INC|INCORPORATED|LLC|LTD|LIMITED|CORP|CORPORATION|CO|COMPANY|GMBH|AG|SA|SAS|BV|NV|PLC|SRL|SPA|AB|OY|KK|PTY) )+', ' ', 'g'),
    ' ', '')
$$;
--> statement-breakpoint
ALTER TABLE "claim_revisions" ADD COLUMN "totals" jsonb DEFAULT '{}'::jsonb NOT NULL;
