import { describe, expect, it } from "vitest";
import { customerMatches, normCustomer } from "./customer";

describe("end-customer matching", () => {
  it("ignores case, punctuation, spacing and legal forms", () => {
    expect(normCustomer("Acme Robotics, Inc.")).toBe("ACMEROBOTICS");
    expect(normCustomer("ACME  ROBOTICS INC")).toBe("ACMEROBOTICS");
    expect(normCustomer("acme-robotics co. ltd")).toBe("ACMEROBOTICS");
    expect(normCustomer("Siemens AG")).toBe("SIEMENS");
    expect(normCustomer(null)).toBe("");
    expect(normCustomer("Inc.")).toBe("");
  });
  it("keeps different names apart", () => {
    expect(normCustomer("Acme Robotics")).not.toBe(normCustomer("Acme Robotic Systems"));
  });
  it("matches the authorisation's ID or its name, never an empty one", () => {
    const auth = { id: "C-778", name: "Globex Corporation" };
    expect(customerMatches("c-778", auth)).toBe(true);
    expect(customerMatches("GLOBEX CORP", auth)).toBe(true);
    expect(customerMatches("Initech", auth)).toBe(false);
    expect(customerMatches("Inc", { name: "LLC" })).toBe(false);
  });
});
