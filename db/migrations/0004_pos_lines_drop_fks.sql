ALTER TABLE "pos_lines" DROP CONSTRAINT "pos_lines_upload_id_uploads_id_fk";
--> statement-breakpoint
ALTER TABLE "pos_lines" DROP CONSTRAINT "pos_lines_distributor_id_distributors_id_fk";
--> statement-breakpoint
ALTER TABLE "pos_lines" DROP CONSTRAINT "pos_lines_product_id_products_id_fk";
