DROP INDEX IF EXISTS "ledger_balances_period_idx";--> statement-breakpoint
DROP INDEX IF EXISTS "ledger_balances_period_gap_idx";
