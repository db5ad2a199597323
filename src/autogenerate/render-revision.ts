/**
 * Operations → the bodies of a revision's `upgrade` and `downgrade` functions, plus the names
 * those bodies import from "athanor". This is what `revision --autogenerate` writes.
 */
import type { Operation } from "../operations/types.js";
import { commentLines, printStatements } from "./render-code.js";
import { RenderContext } from "./render-context.js";
import { operationStatement } from "./render-operation.js";

export { destructiveWarnings } from "./render-warnings.js";

/** Options of renderOperations. */
export interface RenderOptions {
  /** Indentation of each line of the body (default two spaces). */
  indent?: string;
  /** Lines written as `// NOTE: …` comments before the first operation (e.g. rename hints). */
  notes?: readonly string[];
}

/** Rendered function body and what it needs to import. */
export interface RenderedOperations {
  /** The statements, one per line (or block), each indented; never empty. */
  body: string;
  /** Names to import from "athanor", sorted (the `Operations` type is not included). */
  imports: string[];
}

function noteLines(notes: readonly string[], indent: string): string[] {
  return notes.flatMap((note) => commentLines(`NOTE: ${note}`)).map((line) => indent + line);
}

/**
 * The body of an upgrade or downgrade function that performs `ops`, e.g.
 * `  await op.addColumn("users", "email", varchar(255).notNull());`. Destructive operations get
 * a `// WARNING:` comment above them. An empty list gives a comment line, so the body is valid.
 */
export function renderOperations(ops: readonly Operation[], options: RenderOptions = {}): RenderedOperations {
  const indent = options.indent ?? "  ";
  const ctx = new RenderContext();
  const statements = ops.map((op) => operationStatement(op, ctx));
  const lines = noteLines(options.notes ?? [], indent);
  lines.push(statements.length > 0 ? printStatements(statements, indent) : `${indent}// nothing to do`);
  return { body: lines.join("\n"), imports: ctx.imports() };
}

/** Both bodies of a revision and the union of their imports. */
export interface RevisionBodies {
  upgradeBody: string;
  downgradeBody: string;
  imports: string[];
}

/**
 * The upgrade and downgrade bodies for a revision. `downgradeOps` is normally
 * `reverseAll(upgradeOps)`; `notes` (rename hints and other compare warnings) open the upgrade.
 */
export function renderRevisionBodies(upgradeOps: readonly Operation[], downgradeOps: readonly Operation[], notes: readonly string[] = []): RevisionBodies {
  const upgrade = renderOperations(upgradeOps, { notes });
  const downgrade = renderOperations(downgradeOps);
  return { upgradeBody: upgrade.body, downgradeBody: downgrade.body, imports: [...new Set([...upgrade.imports, ...downgrade.imports])].sort() };
}
