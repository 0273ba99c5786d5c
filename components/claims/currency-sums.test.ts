import { describe, expect, it } from "vitest";
import { CurrencySums } from "./currency-sums";
import { claimCurrencies, currencyOfDistributor } from "./currency-of";
import type { AuthorizationView } from "@/lib/dal/claims/authorizations";

describe("totals per currency", () => {
  it("adds money strings exactly, in cents, one row per currency", () => {
    const sums = new CurrencySums(["claimed", "payable"] as const);
    sums.add("USD", { claimed: "0.10", payable: "0.10" });
    sums.add("USD", { claimed: "0.20", payable: "0.00" });
    sums.add("EUR", { claimed: "1234.56", payable: "1000" });
    expect(sums.rows()).toEqual([
      { currency: "EUR", count: 1, claimed: "1234.56", payable: "1000.00" },
      { currency: "USD", count: 2, claimed: "0.30", payable: "0.10" },
    ]);
  });
});

describe("a claim's currency", () => {
  const auth = (number: string, distributor: string, currency: string) => ({ number, distributor, currency }) as AuthorizationView;
  it("is its distributor's one authorisation currency; several give none; none gives the default", () => {
    const c = claimCurrencies([auth("A-1", "NWC", "USD"), auth("a-2", "NWC", "USD"), auth("B-1", "KCE", "EUR"), auth("B-2", "KCE", "USD")]);
    expect(currencyOfDistributor(c, "NWC")).toBe("USD");
    expect(currencyOfDistributor(c, "KCE")).toBeNull();
    expect(currencyOfDistributor(c, "XYZ")).toBe("USD");
    expect(c.byNumber["A-2"]).toBe("USD");
  });
});
