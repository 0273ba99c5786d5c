import { describe, expect, it } from "vitest";
import { formDataOf, formFields } from "./form-data";

describe("formDataOf", () => {
  it("passes a FormData through", () => {
    const fd = new FormData();
    fd.set("email", "a@b.test");
    expect(formDataOf(fd)).toBe(fd);
    expect(formDataOf(fd).get("email")).toBe("a@b.test");
  });
  it.each([undefined, null, "email=a", 42, { email: "a@b.test" }, ["email", "a"]])("turns %j into an empty form", (v) => {
    const fd = formDataOf(v);
    expect(fd).toBeInstanceOf(FormData);
    expect([...fd.keys()]).toEqual([]);
    expect(fd.get("email")).toBeNull();
  });
});

describe("formFields", () => {
  it("reads required fields as sent and leaves blank optional ones out, in order", () => {
    const fd = new FormData();
    fd.set("code", "");
    fd.set("region", "");
    fd.set("duns", "123");
    const fields = formFields(fd, ["code", "name"], ["region", "duns"]);
    expect(fields).toEqual({ code: "", name: null, region: undefined, duns: "123" });
    expect(Object.keys(fields)).toEqual(["code", "name", "region", "duns"]);
  });
});
