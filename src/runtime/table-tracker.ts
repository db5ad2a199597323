/**
 * The table state a run compiles against. Online, each table is reflected once — before the
 * first operation of the run that touches it — and from then on moved forward by applying each
 * operation (operations/known-tables.ts); offline there is nothing to reflect and tables are known
 * from the revisions before the range and the operations of the run. Compile reads only this, so
 * the same revision compiles to the same statements online, offline and on resume.
 *
 * Per step it remembers each touched table as it was when the step began. A step that cannot roll
 * back (MySQL DDL) records that snapshot in the revision log, and `--resume` seeds the tracker with
 * it: the tables the revision half-changed are compiled against their state before it, as at first.
 */
import type { CompileContext, Dialect } from "../dialects/dialect.js";
import { KnownTables } from "../operations/known-tables.js";
import { tableChangedInPlace, tableKey } from "../operations/table-state.js";
import type { Operation } from "../operations/types.js";
import type { TableRef, TableSchema } from "../catalog/types.js";

/** One table of a step snapshot: its definition when the step began, or null when it did not exist. */
export interface SnapshotTable {
  schema: string | null;
  name: string;
  table: TableSchema | null;
}

/** The tables an operation acts on: the one it changes in place or renames, or the one it creates or drops. */
function tablesOf(op: Operation): TableRef[] {
  const inPlace = tableChangedInPlace(op);
  if (inPlace) return [inPlace];
  if (op.kind === "createTable") return [{ schema: op.table.schema ?? null, name: op.table.name }];
  if (op.kind === "dropTable") return [{ schema: op.schema ?? null, name: op.table }];
  return [];
}

/** The known tables of one run, seeded by reflection online. */
export class TableTracker {
  private readonly known: KnownTables;
  /** Tables touched in the current step, as they were when it began. */
  private stepStart = new Map<string, SnapshotTable>();
  private snapshotText: string | null = null;
  /** What the compile of an operation may know (pure: answered from the tracked state only). */
  readonly context: CompileContext;

  /** `load` reflects one table (online); without it the tracker knows only what operations told it. */
  constructor(
    dialect: Dialect,
    private readonly load?: (ref: TableRef) => Promise<TableSchema | undefined>,
  ) {
    this.known = new KnownTables(dialect.identifierRules);
    this.context = { offline: load === undefined, tableState: (ref) => this.known.get(ref) };
  }

  /** Before `op` compiles: every table it changes that the run knows nothing of yet is reflected (online). */
  async prepare(op: Operation): Promise<void> {
    for (const ref of tablesOf(op)) {
      const inPlace = op.kind !== "createTable" && op.kind !== "dropTable";
      if (inPlace && !this.known.has(ref) && this.load) this.known.set(ref, (await this.load(ref)) ?? null);
      const key = tableKey(ref);
      const entry = this.known.entry(ref);
      if (!this.stepStart.has(key) && entry !== undefined) {
        this.stepStart.set(key, { schema: ref.schema ?? null, name: ref.name, table: entry ? structuredClone(entry) : null });
        this.snapshotText = null;
      }
    }
  }

  /** After `op` compiled: its effect on the known tables. */
  apply(op: Operation): void {
    this.known.apply(op);
  }

  /** Forgets what is known (online, after raw SQL that may have changed any table: the next use reflects again). */
  invalidate(): void {
    if (this.load) this.known.clear();
  }

  /** Forgets everything, online or offline. */
  forget(): void {
    this.known.clear();
  }

  /**
   * Starts a step. `seed` (a resumed step's recorded snapshot) replaces what is known of its
   * tables: they are compiled as they were before the step first ran.
   */
  beginStep(seed?: string | null): void {
    this.stepStart = new Map();
    this.snapshotText = null;
    for (const t of parseSnapshot(seed)) {
      this.known.set(t, t.table);
      this.stepStart.set(tableKey(t), t);
    }
  }

  /** The tables the step touched so far, as they were when it began (JSON), or null when none. */
  stepSnapshot(): string | null {
    if (this.stepStart.size === 0) return null;
    this.snapshotText ??= JSON.stringify([...this.stepStart.values()]);
    return this.snapshotText;
  }
}

/** The tables of a recorded snapshot; an unreadable one is empty (the step then compiles against the live tables). */
function parseSnapshot(text: string | null | undefined): SnapshotTable[] {
  if (!text) return [];
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? (parsed as SnapshotTable[]).filter((t) => t && typeof t.name === "string") : [];
  } catch {
    return [];
  }
}
