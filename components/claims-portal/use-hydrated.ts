import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/** False in the server's HTML, true once the browser has taken the page over (tests wait for `data-ready="1"`). */
export function useHydrated(): boolean {
  return useSyncExternalStore(subscribe, () => true, () => false);
}
