/**
 * The waiting loop both PostgreSQL locks share: try, and while the lock is taken say once that we
 * wait, back off (25 ms doubling to 500 ms, so a released lock is noticed promptly), and give up
 * at the deadline with the error the caller builds — which can then name the holder.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { MigrateError } from "../../errors.js";

/** Longest pause between two attempts. */
const MAX_POLL_MS = 500;

/** How to wait for one lock. */
export interface PollOptions<T> {
  /** One attempt: the held lock, or undefined when it is taken. */
  attempt(): Promise<T | undefined>;
  timeoutMs: number;
  onWait?: () => void;
  /** The timeout error (asked at the deadline, so it can say who holds the lock then). */
  timedOut(): Promise<MigrateError>;
  /** Stops the loop between attempts (the caller has stopped waiting). */
  signal?: AbortSignal;
}

/** Tries until `attempt` returns a lock, the deadline passes, or `signal` aborts. */
export async function pollLock<T>(options: PollOptions<T>): Promise<T> {
  const deadline = Date.now() + Math.max(0, options.timeoutMs);
  let delay = 25;
  let waited = false;
  for (;;) {
    if (options.signal?.aborted) throw new MigrateError("interrupted", "Stopped waiting for the migration lock.");
    const held = await options.attempt();
    if (held !== undefined) return held;
    if (!waited) {
      waited = true;
      options.onWait?.();
    }
    const left = deadline - Date.now();
    if (left <= 0) throw await options.timedOut();
    // A little jitter, so runs that back off from each other do not retry in step.
    await sleep(Math.min(delay * (0.75 + Math.random() / 2), left));
    delay = Math.min(delay * 2, MAX_POLL_MS);
  }
}
