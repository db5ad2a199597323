/**
 * How a run groups its revisions into transactions, decided once before the first statement and
 * read by both runners (online and `--sql`).
 */

/**
 * One revision's transaction:
 * - `own`: BEGIN before it, COMMIT after its version rows — the revision is atomic;
 * - `shared`: inside the one transaction of the whole command (`transaction: "command"`);
 * - `none`: no transaction around its statements (MySQL, where DDL commits on its own, or a
 *   revision exporting `transactional = false`); its version rows and log move in a short
 *   transaction of their own afterwards.
 */
export type StepTransaction = "own" | "shared" | "none";

/** The transactions of a run. */
export interface TransactionPlan {
  /** One entry per step, in order. */
  readonly steps: readonly StepTransaction[];
}

/** What the plan depends on. */
export interface TransactionInputs {
  /** The dialect's DDL runs inside transactions and rolls back. */
  transactionalDdl: boolean;
  /** The config's `transaction` setting. */
  setting: "revision" | "command";
  /** Per step: false when the revision exports `transactional = false`. */
  stepTransactional: readonly boolean[];
}

/** Decides the transaction of every step of a run. */
export function planTransactions(inputs: TransactionInputs): TransactionPlan {
  const wholeCommand = inputs.transactionalDdl && inputs.setting === "command";
  return {
    steps: inputs.stepTransactional.map((ok) => {
      if (!inputs.transactionalDdl || !ok) return "none";
      return wholeCommand ? "shared" : "own";
    }),
  };
}
