/**
 * `startJobTimer({ everyMs, firstAfterMs, run })` — calls `run` after `firstAfterMs`, then every
 * `everyMs`, never two at once (a run still going when the next tick comes makes that tick a no-op).
 * A failing run is logged and the timer goes on. The timer does not keep the process alive.
 * Used by the app's in-process scheduler (instrumentation.ts) and `npm run jobs -- --watch`.
 */
export interface JobTimer {
  stop(): void;
}

export interface JobTimerOptions {
  everyMs: number;
  firstAfterMs?: number;
  run: () => Promise<unknown>;
  onError?: (error: unknown) => void;
}

export function startJobTimer({ everyMs, firstAfterMs = everyMs, run, onError = (e) => console.error("[jobs] run failed", e) }: JobTimerOptions): JobTimer {
  if (!(everyMs > 0)) throw new Error("everyMs must be positive");
  let running = false;
  let stopped = false;
  const tick = () => {
    if (running || stopped) return;
    running = true;
    run()
      .catch(onError)
      .finally(() => (running = false));
  };
  let every: ReturnType<typeof setInterval> | undefined;
  const first = setTimeout(() => {
    tick();
    if (stopped) return;
    every = setInterval(tick, everyMs);
    every.unref?.();
  }, firstAfterMs);
  first.unref?.();
  return {
    stop() {
      stopped = true;
      clearTimeout(first);
      if (every) clearInterval(every);
    },
  };
}
