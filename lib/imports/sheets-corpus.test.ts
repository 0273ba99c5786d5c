import { describe, it } from "vitest";
import { resolvePart } from "./__fixtures__/support";
import { checkSheet, SHEETS_EXPECTED, SHEETS_PERIOD, sheetFixture } from "./__fixtures__/sheets-corpus";
import { parseUpload } from "./index";

describe("spreadsheets as people write them (issue 15 corpus): exact totals, or a question", () => {
  it.each(Object.keys(SHEETS_EXPECTED))("%s", async (name) => {
    const r = await parseUpload({ bytes: sheetFixture(name), period: SHEETS_PERIOD, resolvePart });
    checkSheet(name, r);
  });
});
