CREATE TABLE "ledger_periods" (
	"period" date PRIMARY KEY NOT NULL,
	"built_at" timestamp with time zone DEFAULT now() NOT NULL,
	"rows_written" integer NOT NULL,
	"ms" integer NOT NULL
);
--> statement-breakpoint
-- Until now the first request of a month rebuilt the whole ledger, so every period it holds is complete.
INSERT INTO "ledger_periods" ("period", "rows_written", "ms") SELECT DISTINCT "period", 0, 0 FROM "ledger_balances";
