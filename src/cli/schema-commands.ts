/**
 * Commander wiring for the commands that compare schema.ts with the database: `check` and
 * `pull` (`revision --autogenerate` is wired with `revision`).
 */
import type { Command } from "commander";
import { MigrateError } from "../errors.js";
import type { CliContext } from "./commands.js";
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from "./exit-codes.js";

/** The exit codes of check, for its --help (README "Exit codes" says the same). */
const CHECK_EXIT_CODES = `
Exit codes:
  ${EXIT_OK}  the database is what schema.ts says
  ${EXIT_FAILURE}  they differ: operations are pending, or a difference autogenerate does not change
     (listed by kind and name, with why); also any other failure (connection, config, --strict)
  ${EXIT_USAGE}  usage error (unknown option, bad argument)`;

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** Adds check and pull to the program. */
export function registerSchemaCommands(program: Command, ctx: CliContext): void {
  const out = ctx.output;
  program
    .command("check")
    .description("exit 1 if schema.ts and the database differ, listing the pending operations (for CI)")
    .option("--diff", "also print a unified diff of both schemas' DDL")
    .option("--strict", "fail when an applied revision file changed since it was applied (also config strict: true)")
    .addHelpText("after", CHECK_EXIT_CODES)
    .action(async (opts: { diff?: boolean; strict?: boolean }) => {
      const { check } = await import("../commands/check.js");
      const result = await check(await ctx.config(), { ...opts, events: (e) => out().event(e) });
      for (const w of result.warnings) out().event({ type: "warning", message: w });
      for (const c of result.changed) out().event({ type: "warning", message: `applied revision ${c.revision} changed since it was applied (${c.path}); --strict makes this an error` });
      // A failing check under --json prints one document: the error, with the result beside it.
      const clean = result.operations.length === 0 && result.unmanaged.length === 0;
      if (clean) out().json(result);
      else out().resultWithError = result;
      if (clean) {
        out().event({ type: "info", message: "No changes: the database matches the model." });
        return;
      }
      if (result.operations.length > 0) {
        out().line(`Pending operations (${result.operations.length}):`);
        for (const line of result.pending) out().line(`  - ${line}`);
      }
      if (result.unmanaged.length > 0) {
        out().line(`Differences autogenerate does not change (${result.unmanaged.length}):`);
        for (const line of result.unmanaged) out().line(`  - ${line}`);
      }
      if (result.ddlDiff) out().line(result.ddlDiff);
      const counts = [
        ...(result.operations.length > 0 ? [`${result.operations.length} operation(s) pending`] : []),
        ...(result.unmanaged.length > 0 ? [`${result.unmanaged.length} difference(s) autogenerate does not change`] : []),
      ];
      throw new MigrateError("check-failed", `The database does not match the model: ${counts.join(", ")}.`, {
        hint: result.operations.length > 0
          ? 'Run `migrate revision --autogenerate -m "…"` and `migrate upgrade head`; change the rest by hand in a revision (op.execute).'
          : "Change them by hand in a revision (op.execute), or make schema.ts say what the database holds.",
      });
    });

  program
    .command("pull")
    .description("write a schema.ts from the live database")
    .option("--out <file>", "where to write it (default: the config's schema, else ./schema.ts; - for stdout)")
    .option("--force", "overwrite an existing file")
    .option("--schema <name>", "PostgreSQL: read this schema (repeatable; default: the config's schemas, else the current schema)", collect)
    .option("--all-schemas", "PostgreSQL: read every schema but the system's, whatever the config's schemas (the default without them)")
    .action(async (opts: { out?: string; force?: boolean; schema?: string[]; allSchemas?: boolean }) => {
      const { pull } = await import("../commands/pull.js");
      const result = await pull(await ctx.config(), { out: opts.out, force: opts.force, schemas: opts.schema, allSchemas: opts.allSchemas, events: (e) => out().event(e) });
      // On stderr, so `--out -` still prints only the module.
      for (const message of result.limitations) out().event({ type: "warning", message });
      if (!result.path) out().raw(result.source);
      else out().line(`Wrote ${result.path} (${result.tables} tables, ${result.enums} enums)`);
      if (result.schemasLeftOut.length > 0) {
        const listed = result.schemasLeftOut.map((s) => `${s.name} (${s.tables} table${s.tables === 1 ? "" : "s"})`).join(", ");
        const flags = [...result.schemasRead, ...result.schemasLeftOut.map((s) => s.name)].map((name) => `--schema ${name}`).join(" ");
        out().event({ type: "warning", message: `Not read: schema${result.schemasLeftOut.length === 1 ? "" : "s"} ${listed} (pull read ${result.schemasRead.join(", ") || "no schema"}). Include them with pull ${flags}, or pull --all-schemas.` });
      }
      out().json({ path: result.path ?? null, tables: result.tables, enums: result.enums, schemasRead: result.schemasRead, schemasLeftOut: result.schemasLeftOut, limitations: result.limitations });
    });
}
