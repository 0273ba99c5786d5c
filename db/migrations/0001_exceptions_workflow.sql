ALTER TABLE "corrections" ADD COLUMN "kind" text DEFAULT 'adjustment' NOT NULL;--> statement-breakpoint
CREATE INDEX "corrections_exception_idx" ON "corrections" USING btree ("exception_id");--> statement-breakpoint
CREATE UNIQUE INDEX "exceptions_row_key" ON "exceptions" USING btree ("distributor_id","product_id","period");