/**
 * A module imported on first use, once. A dialect's compile and reflection are most of its code,
 * and a command like `current` uses neither: loading them only when called keeps its start-up
 * small (time and memory).
 */

/** `load` run once, on the first call; every call gets the same promise. */
export function lazyModule<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => (loading ??= load());
}
