CREATE TABLE "notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"subject_id" text NOT NULL,
	"body" text NOT NULL,
	"href" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"done_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "password_resets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "locale" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "time_zone" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "notify_email" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "exceptions" ADD COLUMN "resolution" text;--> statement-breakpoint
ALTER TABLE "rebate_programs" ADD COLUMN "currency" text DEFAULT 'USD' NOT NULL;--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "password_resets" ADD CONSTRAINT "password_resets_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "notices_user_subject_key" ON "notices" USING btree ("user_id","kind","subject_id");--> statement-breakpoint
CREATE INDEX "notices_open_idx" ON "notices" USING btree ("user_id") WHERE "notices"."done_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "password_resets_hash_key" ON "password_resets" USING btree ("token_hash");--> statement-breakpoint
-- Row-level security on the new tables (as 0005_rls): a distributor's own users' notices; reset links are
-- read and written before there is a viewer (the auth context) and by system work only.
ALTER TABLE notices ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE notices FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY notices_tenant ON notices USING ((SELECT sellthru_is_staff()) OR user_id IN (SELECT u.id FROM users u WHERE u.distributor_id = (SELECT sellthru_tenant()))) WITH CHECK ((SELECT sellthru_is_staff()) OR user_id IN (SELECT u.id FROM users u WHERE u.distributor_id = (SELECT sellthru_tenant())));
--> statement-breakpoint
ALTER TABLE password_resets ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE password_resets FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY password_resets_auth ON password_resets USING ((SELECT sellthru_is_auth()) OR coalesce(current_setting('sellthru.role', true), '') = 'system') WITH CHECK ((SELECT sellthru_is_auth()) OR coalesce(current_setting('sellthru.role', true), '') = 'system');
--> statement-breakpoint
ALTER TABLE rebate_programs ADD CONSTRAINT rebate_programs_currency_iso CHECK (currency ~ '^[A-Z]{3}$');
