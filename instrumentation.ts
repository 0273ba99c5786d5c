/** Opens (and for the embedded database migrates and seeds) the database at server start-up. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getDatabase } = await import("./db/client");
  try {
    const started = Date.now();
    const database = await getDatabase();
    console.log(`[sellthru] database ready (${database.kind}) in ${Date.now() - started} ms`);
  } catch (error) {
    console.error("[sellthru] database start-up failed; the next request retries", error);
  }
}
