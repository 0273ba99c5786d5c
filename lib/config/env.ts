import { z } from "zod";

/** The one place that reads process.env. Validated once, on first use. */
const schema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgres:// URL")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /** A streaming read replica (hot standby) for staff read paths; unset = everything on DATABASE_URL. */
  DATABASE_REPLICA_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_REPLICA_URL must be a postgres:// URL")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /** The tables' owner, through which the app applies migrations at start-up (DATABASE_URL is the app's own login role). */
  SELLTHRU_MIGRATION_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "SELLTHRU_MIGRATION_URL must be a postgres:// URL")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /**
   * How many reverse proxies in front of the app append the caller's address to X-Forwarded-For.
   * 0 (default): no proxy is trusted, the socket's address is the caller's.
   */
  SELLTHRU_TRUST_PROXY: z
    .string()
    .regex(/^\d{1,2}$/, "SELLTHRU_TRUST_PROXY is the number of proxies in front of the app (0-10), e.g. 1")
    .default("0")
    .transform(Number)
    .refine((n) => n <= 10, "SELLTHRU_TRUST_PROXY is at most 10"),
  SELLTHRU_DATA_DIR: z.string().min(1).default("./.data"),
  AUTH_SECRET: z.string().min(16).optional(),
  SELLTHRU_TIME_ZONE: z.string().min(1).optional(),
  SELLTHRU_DUE_DAY: z.coerce.number().int().min(1).max(28).optional(),
  SELLTHRU_DB_POOL: z.coerce.number().int().min(1).max(100).default(10),
  /** Named prepared statements on the pool (db/prepared-statements.ts); "false" behind a pooler in transaction mode. */
  SELLTHRU_DB_PREPARE: z.enum(["true", "false"]).default("true").transform((v) => v === "true"),
  SELLTHRU_SEED_DEMO: z.enum(["auto", "never"]).default("auto"),
  SELLTHRU_MAX_UPLOAD_MB: z.coerce.number().int().min(1).max(4096).default(200),
  /** Line-level CSV uploads at least this large are read in two parts at once (a worker thread); 0 = every one. */
  SELLTHRU_SPLIT_UPLOAD_MB: z.coerce.number().min(0).max(4096).default(8),
  /** Request bodies (JSON, CSV) must arrive within this many seconds; uploads within SELLTHRU_UPLOAD_TIMEOUT_S. */
  SELLTHRU_BODY_TIMEOUT_S: z.coerce.number().int().min(1).max(3600).default(30),
  SELLTHRU_UPLOAD_TIMEOUT_S: z.coerce.number().int().min(1).max(86400).default(900),
  /** After the first 10 s a body must have averaged at least this many KB/s (and never pause 30 s). */
  SELLTHRU_BODY_MIN_KBPS: z.coerce.number().min(0).max(1_000_000).default(8),
  /** Sign-in attempts and state-changing requests without a session, per client address and minute (scripts/request-gate.mjs reads it). */
  SELLTHRU_ANON_POSTS_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(60),
  /** log2 of scrypt's N for new password hashes (lib/auth/password.ts); below 17 for test runs only. */
  SELLTHRU_SCRYPT_COST: z.coerce.number().int().min(10, "SELLTHRU_SCRYPT_COST is 10 to 20 (log2 of scrypt's N)").max(20, "SELLTHRU_SCRYPT_COST is 10 to 20 (log2 of scrypt's N)").default(17),
  /** The in-process reminder/outbox scheduler: minutes between runs; 0 turns it off. */
  SELLTHRU_JOBS_EVERY_MINUTES: z.coerce.number().int().min(0).max(1440).default(15),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default("Sellthru <no-reply@sellthru.local>"),
  /**
   * The app's public address, for links in e-mail (password resets), e.g. https://sellthru.example.com.
   * Never taken from a request's Host header (a forged one would send the reset link elsewhere).
   * Unset: AUTH_URL / NEXTAUTH_URL's origin if set, else http://localhost:$PORT (lib/config/public-url.ts).
   */
  SELLTHRU_PUBLIC_URL: z
    .string()
    .regex(/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/, "SELLTHRU_PUBLIC_URL is the app's public address, e.g. https://sellthru.example.com")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  AUTH_URL: z.string().optional(),
  NEXTAUTH_URL: z.string().optional(),
  PORT: z.string().optional(),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  cached = parsed.data;
  return cached;
}

/** True when staff read paths may use a streaming replica (DATABASE_REPLICA_URL beside DATABASE_URL). */
export function replicaConfigured(): boolean {
  const e = env();
  return !!(e.DATABASE_URL && e.DATABASE_REPLICA_URL);
}

/** For tests that change the environment between cases. */
export function resetEnvCache() {
  cached = undefined;
}
