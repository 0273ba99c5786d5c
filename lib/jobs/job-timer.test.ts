import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { startJobTimer } from "./job-timer";

describe("startJobTimer", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("runs first after the delay, then every interval", async () => {
    const run = vi.fn(async () => {});
    const t = startJobTimer({ everyMs: 60_000, firstAfterMs: 5_000, run });
    await vi.advanceTimersByTimeAsync(4_999);
    expect(run).toHaveBeenCalledTimes(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(run).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(60_000 * 3);
    expect(run).toHaveBeenCalledTimes(4);
    t.stop();
    await vi.advanceTimersByTimeAsync(60_000 * 3);
    expect(run).toHaveBeenCalledTimes(4);
  });

  it("never overlaps: a tick while a run is still going is skipped", async () => {
    let release!: () => void;
    let active = 0;
    let maxActive = 0;
    const run = vi.fn(() => {
      active++;
      maxActive = Math.max(maxActive, active);
      return new Promise<void>((resolve) => (release = () => (active--, resolve())));
    });
    const t = startJobTimer({ everyMs: 1_000, firstAfterMs: 1_000, run });
    await vi.advanceTimersByTimeAsync(5_000);
    expect(run).toHaveBeenCalledTimes(1);
    release();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(run).toHaveBeenCalledTimes(2);
    expect(maxActive).toBe(1);
    t.stop();
  });

  it("goes on after a failing run and reports the error", async () => {
    const onError = vi.fn();
    const run = vi.fn().mockRejectedValueOnce(new Error("database restarting")).mockResolvedValue(undefined);
    const t = startJobTimer({ everyMs: 1_000, firstAfterMs: 1_000, run, onError });
    await vi.advanceTimersByTimeAsync(3_000);
    expect(onError).toHaveBeenCalledTimes(1);
    expect((onError.mock.calls[0]![0] as Error).message).toBe("database restarting");
    expect(run).toHaveBeenCalledTimes(3);
    t.stop();
  });

  it("refuses a non-positive interval", () => {
    expect(() => startJobTimer({ everyMs: 0, run: async () => {} })).toThrow(/positive/);
  });
});
