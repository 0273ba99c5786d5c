/** Formatting for people: see formatter.ts. Server pages use request-format.ts; client components components/format. */
export * from "./formatter";
export * from "./locales";
export * from "./currencies";
