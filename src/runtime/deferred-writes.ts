/**
 * The version-row and log writes of revisions that finished inside the command's one transaction
 * (`transaction: "command"`), held until just before that transaction commits.
 *
 * Why it is safe: no other session sees inside an open transaction, and a rollback would undo
 * the writes anyway. Writing the rows once per commit — the version rows from where the batch
 * started to where it ended, every finished revision's log row in one statement — leaves exactly
 * the committed state that writing them after each revision would, with two statements per
 * commit instead of two per revision. (A revision reading athanor's own tables inside the batch
 * sees them as of the batch's start.)
 */
import type { VersionStore } from "./version-store.js";
import type { LogEntry, RevisionLog } from "./revision-log.js";

/** Writes held back for the open shared transaction. */
export class DeferredWrites {
  /** The version rows before the batch's first step; null while the batch is empty. */
  private from: string[] | null = null;
  private to: string[] = [];
  private entries: LogEntry[] = [];
  private keepChecksum = false;

  constructor(
    private readonly store: VersionStore,
    private readonly log: RevisionLog,
  ) {}

  /** Holds a finished step's version-row change. */
  addRows(before: string[], after: string[]): void {
    this.from ??= before;
    this.to = after;
  }

  /**
   * Holds a finished step's log row. `keepChecksum`: the row keeps the checksum stored (a
   * downgrade); a run goes one way, and a change of direction or a revision seen twice writes
   * what is held first, so one statement never names a row twice.
   */
  async addLog(entry: LogEntry, keepChecksum: boolean): Promise<void> {
    if (this.entries.length > 0 && (keepChecksum !== this.keepChecksum || this.entries.some((e) => e.revision === entry.revision))) await this.writeLog();
    this.keepChecksum = keepChecksum;
    this.entries.push(entry);
  }

  /** Writes everything held (call inside the transaction, right before it commits). */
  async flush(): Promise<void> {
    if (this.from !== null) await this.store.write(this.from, this.to);
    this.from = null;
    this.to = [];
    await this.writeLog();
  }

  /** Forgets everything held (the transaction rolled back). */
  discard(): void {
    this.from = null;
    this.to = [];
    this.entries = [];
  }

  private async writeLog(): Promise<void> {
    const entries = this.entries;
    this.entries = [];
    if (entries.length > 0) await this.log.recordAll(entries, this.keepChecksum);
  }
}
