"use server";

/**
 * Server actions of the upload panel on the distributor's screen (the file itself goes to
 * `POST /api/v1/uploads` with XMLHttpRequest, for its progress events), through the one action
 * wrapper (`runAction`): viewer from the session, input parsed, data layer in the viewer's
 * transaction, one `ActionState` back.
 */
import { z } from "zod";
import { runAction } from "@/lib/auth/action";
import { AppError } from "@/lib/errors";
import { searchProducts } from "@/lib/dal/catalogue/search-products";
import { getUpload } from "@/lib/dal/uploads/get-upload";
import { mapParts } from "@/lib/dal/xrefs/map-parts";
import type { MapPartsActionState, SearchCatalogueActionState } from "@/lib/validation/submit-actions";

const SIGNED_OUT = "Your session has ended. Sign in again (in another tab), then retry.";

const mapInputSchema = z.object({
  uploadId: z.uuid(),
  mappings: z.array(z.object({ part: z.string(), sku: z.string() })).max(5_000),
});

/**
 * Maps unknown parts of an upload to SKUs; remembered in the distributor's cross-reference. A refused
 * mapping names the part: `fieldErrors` keyed by the distributor's part number.
 */
export async function mapUnknownPartsAction(input: { uploadId: string; mappings: { part: string; sku: string }[] }): Promise<MapPartsActionState> {
  return runAction<Record<string, unknown>, { mapped: { part: string; sku: string }[] }, typeof mapInputSchema>(
    {
      name: "mapUnknownParts", schema: mapInputSchema, input,
      messages: {
        unauthenticated: SIGNED_OUT,
        not_found: "This upload is no longer there; upload the file again.",
        forbidden: "Only distributor users can map their part numbers.",
        internal: "The mapping could not be saved; try again in a moment.",
      },
    },
    async ({ viewer, db, input: { uploadId, mappings } }) => {
      await getUpload(db, viewer, uploadId);
      try {
        const r = await mapParts(db, viewer, { mappings });
        return { data: { mapped: r.mapped } };
      } catch (e) {
        if (!(e instanceof AppError) || e.code !== "validation_failed") throw e;
        // "mappings.3.sku" → the part of mapping 3, the field the panel shows the message under.
        const issues = e.issues.map((i) => {
          const m = /^mappings\.(\d+)\./.exec(i.path);
          return { path: (m && mappings[Number(m[1])]?.part) || "_form", message: i.message };
        });
        throw new AppError("validation_failed", e.message, issues);
      }
    },
  );
}

const searchInputSchema = z.object({ query: z.string().max(200) });

/** Catalogue SKUs matching a fragment, for the "map to SKU" combobox. */
export async function searchSkusAction(input: { query: string }): Promise<SearchCatalogueActionState> {
  return runAction<Record<string, unknown>, Awaited<ReturnType<typeof searchProducts>>, typeof searchInputSchema>(
    {
      name: "searchSkus", schema: searchInputSchema, input,
      messages: { unauthenticated: SIGNED_OUT, validation_failed: "Type part of a SKU or description.", internal: "The catalogue could not be searched; try again." },
    },
    async ({ viewer, db, input: { query } }) => ({ data: await searchProducts(db, viewer, { query, limit: 10 }) }),
  );
}
