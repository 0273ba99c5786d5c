import { describe, expect, it } from "vitest";
import { formDataOf } from "./form-data";

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
