ALTER TABLE "distributors" ADD COLUMN "edi_isa_id" text;--> statement-breakpoint
ALTER TABLE "distributors" ADD COLUMN "edi_gs_id" text;--> statement-breakpoint
ALTER TABLE "distributors" ADD COLUMN "duns" text;--> statement-breakpoint
ALTER TABLE "distributors" ADD COLUMN "gln" text;--> statement-breakpoint
ALTER TABLE "settings" ADD COLUMN "refuse_other_sender" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "pack_size" integer;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_pack_size_positive" CHECK ("products"."pack_size" is null or "products"."pack_size" > 0);