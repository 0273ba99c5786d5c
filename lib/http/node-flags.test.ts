import { describe, expect, it } from "vitest";
import { SERVER_V8_FLAGS, serverNodeFlags } from "../../scripts/node-flags.mjs";

describe("serverNodeFlags", () => {
  it("gives the server a 64 MB semi-space by default", () => {
    expect(SERVER_V8_FLAGS).toEqual(["--max-semi-space-size=64"]);
    expect(serverNodeFlags("")).toEqual(["--max-semi-space-size=64"]);
    expect(serverNodeFlags("--enable-source-maps")).toEqual(["--max-semi-space-size=64"]);
  });

  it("leaves a flag out when NODE_OPTIONS already sets it, in either spelling", () => {
    expect(serverNodeFlags("--max-semi-space-size=16")).toEqual([]);
    expect(serverNodeFlags("--enable-source-maps --max_semi_space_size=128")).toEqual([]);
  });

  it("does not mistake a longer flag name for it", () => {
    expect(serverNodeFlags("--max-semi-space-size-extra=1")).toEqual(["--max-semi-space-size=64"]);
  });
});
