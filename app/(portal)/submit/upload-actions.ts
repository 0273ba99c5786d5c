"use server";

/**
 * Server actions of the upload panel on the distributor's screen (the file itself goes to
 * `POST /api/v1/uploads` with XMLHttpRequest, for its progress events). Each resolves the viewer from
 * the session, validates with the shared schemas, calls the data layer and answers with a typed
 * state — never a raw error.
 */
import { z } from "zod";
import { withViewerDb } from "@/lib/auth/viewer-db";
import { getViewer } from "@/lib/auth/current-viewer";
import { AppError } from "@/lib/errors";
import { searchProducts } from "@/lib/dal/catalogue/search-products";
import { getUpload } from "@/lib/dal/uploads/get-upload";
import { mapParts } from "@/lib/dal/xrefs/map-parts";

const SIGNED_OUT = "Your session has ended. Sign in again (in another tab), then retry.";

export type MapPartsActionState =
  | { ok: true; mapped: { part: string; sku: string }[] }
  | { ok: false; formError: string; fieldErrors?: Record<string, string> };

/** Maps unknown parts of an upload to SKUs; remembered in the distributor's cross-reference. */
export async function mapUnknownPartsAction(input: { uploadId: string; mappings: { part: string; sku: string }[] }): Promise<MapPartsActionState> {
  const viewer = await getViewer();
  if (!viewer) return { ok: false, formError: SIGNED_OUT };
  const id = z.uuid().safeParse(input?.uploadId);
  if (!id.success) return { ok: false, formError: "This upload is out of date; upload the file again." };
  try {
    const r = await withViewerDb(viewer, async (db) => {
      await getUpload(db, viewer, id.data);
      return mapParts(db, viewer, { mappings: input.mappings });
    });
    return { ok: true, mapped: r.mapped };
  } catch (e) {
    if (e instanceof AppError) {
      if (e.code === "validation_failed") {
        const fieldErrors: Record<string, string> = {};
        for (const i of e.issues) {
          const m = /^mappings\.(\d+)\./.exec(i.path);
          const part = m ? input.mappings[Number(m[1])]?.part : undefined;
          if (part) fieldErrors[part] = i.message;
        }
        return { ok: false, formError: e.message, fieldErrors };
      }
      if (e.code === "not_found") return { ok: false, formError: "This upload is no longer there; upload the file again." };
      if (e.code === "forbidden") return { ok: false, formError: "Only distributor users can map their part numbers." };
      if (e.code === "unauthenticated") return { ok: false, formError: SIGNED_OUT };
    }
    console.error("mapUnknownPartsAction", e);
    return { ok: false, formError: "The mapping could not be saved; try again in a moment." };
  }
}

export type SearchSkusActionState = { ok: true; products: { sku: string; description: string; family: string }[] } | { ok: false; formError: string };

/** Catalogue SKUs matching a fragment, for the "map to SKU" combobox. */
export async function searchSkusAction(input: { query: string }): Promise<SearchSkusActionState> {
  const viewer = await getViewer();
  if (!viewer) return { ok: false, formError: SIGNED_OUT };
  const q = z.object({ query: z.string().max(200) }).safeParse(input);
  if (!q.success) return { ok: false, formError: "Type part of a SKU or description." };
  try {
    return { ok: true, products: await withViewerDb(viewer, (db) => searchProducts(db, viewer, { query: q.data.query, limit: 10 })) };
  } catch {
    return { ok: false, formError: "The catalogue could not be searched; try again." };
  }
}
