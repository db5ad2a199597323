/**
 * A real OperationSink for façade tests: it records the operations it receives, after a varying
 * number of event-loop turns so that any ordering bug in the façade shows up, and answers
 * queries with how many operations it had received at that moment.
 */
import type { OperationSink } from "../../../src/operations/sink.js";
import type { Operation } from "../../../src/operations/types.js";
import type { SqlFragment } from "../../../src/core/sql.js";
import type { DialectName } from "../../../src/core/dialect-name.js";

const turns = (n: number): Promise<void> => new Promise((resolve) => (n <= 0 ? resolve() : setImmediate(() => void turns(n - 1).then(resolve))));

export class RecordingSink implements OperationSink {
  readonly received: Operation[] = [];
  readonly queries: (string | SqlFragment)[] = [];
  private calls = 0;

  constructor(
    readonly dialect: DialectName = "postgres",
    readonly offline = false,
    private readonly failWhen: (op: Operation) => boolean = () => false,
  ) {}

  async run(op: Operation): Promise<void> {
    // Earlier calls wait longer, so a façade that did not chain calls would record them reversed.
    await turns(5 - (this.calls++ % 5));
    if (this.failWhen(op)) throw new Error(`sink refused ${op.kind}`);
    this.received.push(op);
  }

  async query<T = Record<string, unknown>>(statement: string | SqlFragment): Promise<T[]> {
    await turns(1);
    this.queries.push(statement);
    return [{ seen: this.received.length } as T];
  }
}
