-- Custom SQL migration (issue 17, bench/claims): a claim line is stored, then judged once in the same
-- transaction (and perhaps later overridden). Half of each page is left free so that update stays on its
-- page (a HOT update: no new entries in the line's three indexes); the columns it sets are not indexed.
ALTER TABLE "claim_lines" SET (fillfactor = 50);
