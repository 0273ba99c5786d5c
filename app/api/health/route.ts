import { NextResponse } from "next/server";
import { sql } from "drizzle-orm";
import { getDatabase } from "@/db/client";

export const dynamic = "force-dynamic";

/** Public: is the app up, and which database does it use. */
export async function GET() {
  try {
    const database = await getDatabase();
    await database.db.execute(sql`select 1`);
    return NextResponse.json({ ok: true, db: database.kind });
  } catch {
    return NextResponse.json({ ok: false, error: { code: "internal", message: "The database is not reachable" } }, { status: 503 });
  }
}
