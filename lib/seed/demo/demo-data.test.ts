import { describe, expect, it } from "vitest";
import { buildDemoData, DISTRIBUTORS, WORKED_EXAMPLE, type DemoData } from "./index";
import { REFERENCE_CATALOGUE } from "./catalogue";
import { NORTHWIND_XREF, type Story } from "./cast";
import { dueMs, periodEndMs } from "./periods";
import { firstRevisions, latestRevisions, recomputeLedger, storyMetrics } from "./story-metrics";

const TODAY = new Date("2026-11-27T09:30:00Z");
const data = buildDemoData(TODAY);
const ledger = recomputeLedger(data);
const latest = data.periods.at(-1)!;
const codeOf = (story: Story) => DISTRIBUTORS.find((d) => d.story === story)!.code;
const DAY = 86_400_000;

/** Invariants that must hold for any `today`; collects violations so one expect reports them all. */
function checkStructure(d: DemoData, today: Date) {
  const skus = new Set(d.products.map((p) => p.sku));
  const bad: string[] = [];
  for (const s of d.submissions) {
    const at = Date.parse(s.submittedAt);
    if (at > today.getTime() || at < periodEndMs(s.period)) bad.push(`submittedAt ${s.distributorCode} ${s.period} ${s.submittedAt}`);
    if (d.users.find((u) => u.email === s.submittedBy)?.distributorCode !== s.distributorCode) bad.push(`submitter ${s.submittedBy}`);
    for (const l of s.lines) {
      if (!skus.has(l.sku)) bad.push(`unknown sku ${l.sku}`);
      if (Math.min(l.sold, l.returned, l.onHand) < 0) bad.push(`negative ${s.distributorCode} ${s.period} ${l.sku}`);
    }
  }
  for (const r of recomputeLedger(d).values()) {
    if (r.calculated < 0) bad.push(`calculated < 0 ${r.distributorCode} ${r.sku} ${r.period}`);
    // Nothing leaves the distributor that the ledger could not have had on the shelf.
    if (r.sold + r.returned > r.opening + r.sellIn + Math.max(0, r.adjustments)) bad.push(`oversold ${r.distributorCode} ${r.sku} ${r.period}`);
  }
  const docLines = new Set<string>();
  for (const s of d.shipments) {
    const p = s.shipDate.slice(0, 7);
    if (!d.periods.includes(p) || !s.document.startsWith(`SO-${p}-`)) bad.push(`shipment ${s.document} ${s.shipDate}`);
    if (!Number.isInteger(s.quantity) || s.quantity <= 0) bad.push(`quantity ${s.document}#${s.line}`);
    docLines.add(`${s.document}#${s.line}`);
  }
  if (docLines.size !== d.shipments.length) bad.push("duplicate document + line");
  for (const a of d.adjustments) if (!(a.quantity > 0)) bad.push(`adjustment ${a.sku} ${a.period}`);
  expect(bad).toEqual([]);
}

describe("demo data: catalogue, cast and calendar", () => {
  it("contains every reference catalogue row verbatim and at least 120 unique products", () => {
    for (const row of REFERENCE_CATALOGUE) expect(data.products).toContainEqual(row);
    expect(data.products.find((p) => p.sku === "MCU-1000")).toEqual({
      sku: "MCU-1000", description: "32-bit MCU, 64 KB flash, QFN-32", family: "MCU", listPrice: "2.15", upc: "840012300011",
    });
    expect(data.products.length).toBeGreaterThanOrEqual(120);
    expect(new Set(data.products.map((p) => p.sku)).size).toBe(data.products.length);
    const upcs = data.products.map((p) => p.upc).filter((u): u is string => u !== null);
    expect(new Set(upcs).size).toBe(upcs.length);
    for (const u of upcs) expect(u).toMatch(/^\d{12}$/);
    for (const p of data.products) expect(p.listPrice).toMatch(/^\d+\.\d{2}$/);
    expect(new Set(data.products.map((p) => p.family)).size).toBeGreaterThanOrEqual(7);
  });

  it("has 18 periods ending with the latest ended period", () => {
    expect(data.manufacturer).toBe("Halcyon Semiconductor");
    expect(data.periods).toHaveLength(18);
    expect(data.periods[0]).toBe("2025-05");
    expect(latest).toBe("2026-10");
  });

  it("has at least six distributors, each carrying 30–90 SKUs", () => {
    expect(data.distributors.length).toBeGreaterThanOrEqual(6);
    expect(data.distributors.find((d) => d.code === "NWC")?.name).toBe("Northwind Components");
    for (const d of data.distributors) {
      expect(d.code).toMatch(/^[A-Z]{2,5}$/);
      const carried = new Set(data.submissions.filter((s) => s.distributorCode === d.code).flatMap((s) => s.lines.map((l) => l.sku)));
      expect(carried.size).toBeGreaterThanOrEqual(30);
      expect(carried.size).toBeLessThanOrEqual(90);
    }
  });

  it("lists every user", () => {
    const role = (email: string) => data.users.find((u) => u.email === email)?.role;
    expect(role("admin@halcyon.test")).toBe("admin");
    expect(role("manager@halcyon.test")).toBe("channel_manager");
    expect(role("manager2@halcyon.test")).toBe("channel_manager");
    expect(role("rebates@halcyon.test")).toBe("rebate_analyst");
    expect(data.users.find((u) => u.email === "ops@northwind.test")).toMatchObject({ role: "distributor", distributorCode: "NWC" });
    for (const d of data.distributors) {
      expect(data.users.filter((u) => u.role === "distributor" && u.distributorCode === d.code && /^ops@[a-z]+\.test$/.test(u.email))).toHaveLength(1);
    }
    expect(new Set(data.users.map((u) => u.email)).size).toBe(data.users.length);
  });

  it("carries Northwind's cross-reference verbatim, and other xrefs point at real SKUs", () => {
    for (const [distributorPart, sku] of NORTHWIND_XREF) expect(data.xrefs).toContainEqual({ distributorCode: "NWC", distributorPart, sku });
    const skus = new Set(data.products.map((p) => p.sku));
    for (const x of data.xrefs) expect(skus.has(x.sku)).toBe(true);
    const keys = data.xrefs.map((x) => `${x.distributorCode}|${x.distributorPart.toUpperCase()}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe("demo data: the story", () => {
  it("holds the worked example live: NWC × MCU-1000 in the latest period", () => {
    const { distributorCode: code, sku } = WORKED_EXAMPLE;
    const history = [...ledger.values()].filter((r) => r.distributorCode === code && r.sku === sku);
    expect(history.map((r) => r.period)).toEqual([latest]);
    const row = history[0]!;
    expect(row).toMatchObject({ opening: 0, sellIn: 1000, sold: 700, returned: 0, adjustments: 0, calculated: 300, reported: 240, gap: 60 });
    expect(row.note).toBeUndefined();
    expect((row.gap! / row.calculated) * 100).toBe(20);
    const ships = data.shipments.filter((s) => s.distributorCode === code && s.sku === sku);
    expect(ships.every((s) => s.shipDate.startsWith(latest))).toBe(true);
    expect(data.adjustments.filter((a) => a.distributorCode === code && a.sku === sku)).toHaveLength(0);
  });

  it("keeps Northwind on time every period, and otherwise exact", () => {
    const first = firstRevisions(data);
    for (const p of data.periods) expect(Date.parse(first.get(`NWC|${p}`)!.submittedAt)).toBeLessThanOrEqual(dueMs(p));
    const gaps = [...ledger.values()].filter((r) => r.distributorCode === "NWC" && r.gap !== null && r.gap !== 0);
    expect(gaps.map((r) => `${r.sku}|${r.period}`)).toEqual([`MCU-1000|${latest}`]);
  });

  it("has the missing distributor submit nothing for the latest period and one seven months back, on time otherwise", () => {
    const code = codeOf("missing");
    const skipped = [data.periods.at(-1)!, data.periods.at(-7)!];
    expect(data.periods.filter((p) => !data.submissions.some((s) => s.distributorCode === code && s.period === p))).toEqual(skipped.reverse());
    const first = firstRevisions(data);
    for (const p of data.periods.filter((x) => !skipped.includes(x))) expect(Date.parse(first.get(`${code}|${p}`)!.submittedAt)).toBeLessThanOrEqual(dueMs(p));
  });

  it("has the late distributor submit 2–9 days after the due date in most periods, including the latest", () => {
    const code = codeOf("late");
    const first = [...firstRevisions(data).values()].filter((s) => s.distributorCode === code);
    expect(first).toHaveLength(18);
    const daysLate = first.map((s) => Math.ceil((Date.parse(s.submittedAt) - dueMs(s.period)) / DAY));
    const late = daysLate.filter((d) => d > 0);
    expect(late.length).toBeGreaterThanOrEqual(15);
    for (const d of late) expect(d >= 2 && d <= 9).toBe(true);
    expect(daysLate.at(-1)!).toBeGreaterThan(0);
  });

  it("has on-time partners submit between the 2nd and the 9th of the next month", () => {
    const first = [...firstRevisions(data).values()].filter((s) => s.distributorCode !== codeOf("late"));
    for (const s of first) {
      const day = new Date(s.submittedAt).getUTCDate();
      expect(day >= 2 && day <= 9 && Date.parse(s.submittedAt) < dueMs(s.period)).toBe(true);
    }
  });

  it("shows excess, burning-down and slowing where planted, and a healthy Northwind", () => {
    expect(storyMetrics(data, codeOf("excess")).weeksOfSupply).toBeGreaterThan(12);
    const burn = storyMetrics(data, codeOf("burning"));
    expect(burn.burnRatio).toBeGreaterThanOrEqual(1.3);
    expect(burn.onHandLatest).toBeLessThan(burn.onHand3Before);
    expect(storyMetrics(data, codeOf("slowing")).slowRatio).toBeLessThanOrEqual(0.7);
    const nwc = storyMetrics(data, "NWC");
    expect(nwc.weeksOfSupply).toBeLessThanOrEqual(12);
    expect(nwc.burnRatio).toBeLessThan(1.3);
    expect(nwc.slowRatio).toBeGreaterThan(0.7);
  });

  it("explains every gap that opens (except the worked example) and closes adjusted ones", () => {
    const rows = [...ledger.values()];
    const prevGap = (r: (typeof rows)[number]) => {
      const i = data.periods.indexOf(r.period);
      return i === 0 ? 0 : (ledger.get(`${r.distributorCode}|${r.sku}|${data.periods[i - 1]}`)?.gap ?? 0);
    };
    const opened = rows.filter((r) => r.gap !== null && r.gap > prevGap(r));
    const noisy = (r: (typeof rows)[number]) => data.noise.some((n) => n.kind === "stale_prefill" && n.distributorCode === r.distributorCode && n.sku === r.sku && n.period === r.period);
    for (const r of opened) {
      if (r.distributorCode === "NWC" && r.sku === "MCU-1000") continue;
      if (noisy(r)) continue; // the untouched prefill nobody explained, on purpose
      expect(r.note, `${r.distributorCode} ${r.sku} ${r.period}`).toBeTruthy();
    }
    const notes = rows.map((r) => r.note ?? "").join("\n");
    for (const cause of [/billing cut-off/, /transferred to our/, /return not yet processed/, /damaged/, /Corrected on-hand/]) {
      expect(notes.match(new RegExp(cause, "g"))!.length).toBeGreaterThanOrEqual(2);
    }
    expect(data.adjustments.filter((a) => a.type === "transfer_out").length).toBeGreaterThanOrEqual(2);
    expect(data.adjustments.filter((a) => a.type === "adjustment_out").length).toBeGreaterThanOrEqual(2);
    for (const a of data.adjustments) {
      const r = ledger.get(`${a.distributorCode}|${a.sku}|${a.period}`)!;
      expect(r.gap === null || r.gap === 0, `${a.distributorCode} ${a.sku} ${a.period}`).toBe(true);
    }
  });

  it("has the fast-selling partner's latest month carry one outlier and one stale prefill", () => {
    const latest = data.periods.at(-1)!;
    expect(data.noise.map((n) => [n.distributorCode, n.period, n.kind])).toEqual([
      [codeOf("burning"), latest, "outlier"],
      [codeOf("burning"), latest, "stale_prefill"],
    ]);
    const [outlier, stale] = data.noise;
    const o = ledger.get(`${outlier!.distributorCode}|${outlier!.sku}|${latest}`)!;
    const trailing = data.periods.slice(-7, -1).map((p) => ledger.get(`${outlier!.distributorCode}|${outlier!.sku}|${p}`)!.sold).sort((a, b) => a - b);
    const median = (trailing[2]! + trailing[3]!) / 2;
    expect(o.sold).toBeGreaterThan(3 * median);
    expect(o.sold).toBeGreaterThanOrEqual(median + 50);
    expect(o.reported).toBeGreaterThanOrEqual(0);
    const row = ledger.get(`${stale!.distributorCode}|${stale!.sku}|${latest}`)!;
    expect(row.reported).toBe(ledger.get(`${stale!.distributorCode}|${stale!.sku}|${data.periods.at(-2)}`)!.reported);
    expect(row.gap).not.toBe(0);
  });

  it("fixes each reporting error with a second revision", () => {
    const groups = new Map<string, DemoData["submissions"]>();
    for (const s of data.submissions) groups.set(`${s.distributorCode}|${s.period}`, [...(groups.get(`${s.distributorCode}|${s.period}`) ?? []), s]);
    const revised = [...groups.values()].filter((g) => g.length > 1);
    expect(revised.length).toBeGreaterThanOrEqual(2);
    for (const [first, second] of revised as [DemoData["submissions"][number], DemoData["submissions"][number]][]) {
      expect(Date.parse(second.submittedAt)).toBeGreaterThan(Date.parse(first.submittedAt));
      const changed = first.lines.filter((l, i) => l.onHand !== second.lines[i]!.onHand);
      expect(changed).toHaveLength(1);
      expect(second.lines.find((l) => l.sku === changed[0]!.sku)!.note).toMatch(/Corrected on-hand/);
    }
  });

  it("covers every carried SKU except in exactly one incomplete submission", () => {
    const incomplete: string[] = [];
    for (const s of latestRevisions(data).values()) {
      const onLine = new Set(s.lines.map((l) => l.sku));
      const carried = [...ledger.values()].filter(
        (r) => r.distributorCode === s.distributorCode && r.period === s.period && (r.sellIn > 0 || r.opening > 0),
      );
      const left = carried.filter((r) => !onLine.has(r.sku));
      if (left.length) {
        incomplete.push(`${s.distributorCode}|${s.period}`);
        expect(left.some((r) => r.opening > 0)).toBe(true);
      }
    }
    expect(incomplete).toHaveLength(1);
  });

  it("keeps physical stock non-negative and the data structurally sound", () => {
    checkStructure(data, TODAY);
  });
});

describe("demo data: determinism and other dates", () => {
  it("yields the same data for the same today", () => {
    expect(JSON.stringify(buildDemoData(new Date(TODAY)))).toBe(JSON.stringify(data));
  });

  it.each(["2027-03-15T12:00:00Z", "2027-06-20T08:00:00Z", "2027-09-14T23:00:00Z", "2028-01-16T06:00:00Z"])("works for today = %s", (iso) => {
    const today = new Date(iso);
    const d = buildDemoData(today);
    const expectedLatest = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
    expect(d.periods).toHaveLength(18);
    expect(d.periods.at(-1)).toBe(expectedLatest);
    checkStructure(d, today);
    const row = recomputeLedger(d).get(`NWC|MCU-1000|${expectedLatest}`)!;
    expect(row).toMatchObject({ opening: 0, sellIn: 1000, sold: 700, calculated: 300, reported: 240, gap: 60 });
    expect(d.submissions.some((s) => s.distributorCode === codeOf("missing") && s.period === expectedLatest)).toBe(false);
    const lateLatest = d.submissions.find((s) => s.distributorCode === codeOf("late") && s.period === expectedLatest);
    if (lateLatest) expect(Date.parse(lateLatest.submittedAt)).toBeGreaterThan(dueMs(expectedLatest));
    expect(storyMetrics(d, codeOf("excess")).weeksOfSupply).toBeGreaterThan(12);
    expect(storyMetrics(d, codeOf("burning")).burnRatio).toBeGreaterThanOrEqual(1.3);
    expect(storyMetrics(d, codeOf("slowing")).slowRatio).toBeLessThanOrEqual(0.7);
  });

  it("has a past-due period missing on any day of the month (before and after the due day)", () => {
    for (const iso of ["2026-12-01T00:10:00Z", "2026-12-03T10:00:00Z", "2026-12-10T23:00:00Z", "2026-12-11T00:30:00Z", "2026-12-31T22:00:00Z"]) {
      const today = new Date(iso);
      const d = buildDemoData(today);
      const code = codeOf("missing");
      const missing = d.periods.filter((p) => dueMs(p) < today.getTime() && !d.submissions.some((s) => s.distributorCode === code && s.period === p));
      expect(missing.length, iso).toBeGreaterThanOrEqual(1);
      checkStructure(d, today);
    }
  });

  it("never dates a submission after today, even right after a period ends", () => {
    for (const iso of ["2027-01-01T00:10:00Z", "2027-02-03T10:00:00Z", "2027-04-11T01:00:00Z"]) {
      const today = new Date(iso);
      checkStructure(buildDemoData(today), today);
    }
  });
});
