/**
 * Progress events that commands emit while they work. Commands never print; the CLI turns these
 * into lines on stderr/stdout (or JSON), tests collect them.
 */

/** One progress event. */
export type MigrateEvent =
  /** A revision starts: the `index`-th (from 1) of the run's `total` steps. */
  | { type: "step"; direction: "up" | "down"; from: string; to: string; revision: string; message: string; index: number; total: number }
  | { type: "step-done"; direction: "up" | "down"; revision: string; ms: number }
  | { type: "statement"; sql: string }
  | { type: "lock-wait"; url: string }
  | { type: "info"; message: string }
  /** Worth knowing when asked for (--verbose): e.g. which migration lock a run took and why. */
  | { type: "detail"; message: string }
  /** What a long piece of work is doing now ("comparing 1,000 tables"): transient, shown only on a terminal. */
  | { type: "progress"; message: string }
  | { type: "warning"; message: string };

/** How long one step of a run took, from its first statement to its commit. */
export interface StepTiming {
  revision: string;
  direction: "up" | "down";
  ms: number;
}

/** The command's word for a step direction: "upgrade" or "downgrade". */
export function directionVerb(direction: "up" | "down"): string {
  return direction === "up" ? "upgrade" : "downgrade";
}

/** Receives events; a no-op by default. */
export type EventSink = (event: MigrateEvent) => void;

/** An EventSink that drops everything. */
export const silent: EventSink = () => {};
