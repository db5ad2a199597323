/**
 * Runs the CLI: parses arguments, runs the command, prints errors as one message plus a hint,
 * and returns the exit code (main.ts exits with it).
 *
 * SIGINT and SIGTERM interrupt a running command cleanly: the revision in progress is rolled back
 * where the dialect allows (its progress recorded where it does not), the migration lock is
 * released and the connection closed, and the process exits with 130 or 143. A second signal
 * exits at once.
 */
import { CommanderError } from "./commander.js";
import { isMigrateError, MigrateError, UsageError } from "../errors.js";
import { Output } from "./output.js";
import { requestInterrupt, statementsCancellable, type InterruptSignal } from "../runtime/interrupt.js";
import { buildProgram, type CliContext } from "./commands.js";
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, SIGNAL_EXIT_CODES } from "./exit-codes.js";

/** Prints commander's own errors (unknown command or option, missing argument) in athanor's style. */
function styleCommanderErrors(ctx: CliContext, json: boolean): void {
  // Subcommands share this object with the program, so it is changed in place rather than replaced.
  const config = ctx.program.configureOutput();
  config.outputError = (text: string, write: (s: string) => void) => {
    // With --json, runCli prints the error as JSON once commander has thrown it.
    if (!json) write(`${ctx.output().errChalk.red("ERROR:")} ${text.replace(/^error:\s*/, "")}`);
  };
}

/** First signal: unwind the command; second: exit now. */
function installSignalHandlers(ctx: CliContext): void {
  let received = false;
  for (const signal of ["SIGINT", "SIGTERM"] as InterruptSignal[]) {
    process.on(signal, () => {
      const code = SIGNAL_EXIT_CODES[signal];
      if (received) {
        ctx.output().endProgress();
        ctx.output().notice(`${signal} again: exiting without waiting for the cleanup.`);
        process.exit(code);
      }
      received = true;
      if (requestInterrupt(signal)) {
        const wait = statementsCancellable() ? "" : " (SQLite cannot interrupt a running statement: it finishes first)";
        ctx.output().notice(`${signal} received: stopping at the next safe point${wait}, rolling back what is not committed and releasing the migration lock (send it again to exit at once)…`);
        return;
      }
      // No session that changes the database is open: nothing is left half done.
      ctx.output().error(new MigrateError("interrupted", `Interrupted by ${signal}.`, { hint: "No migration was running; `migrate current` shows where the database stands." }));
      process.exit(code);
    });
  }
}

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function runCli(argv: string[]): Promise<number> {
  const { program, ctx } = buildProgram();
  // Read from argv, not from commander: a usage error can stop parsing before --json is seen.
  const json = argv.includes("--json");
  styleCommanderErrors(ctx, json);
  installSignalHandlers(ctx);
  try {
    await program.parseAsync(argv, { from: "user" });
    ctx.output().endProgress();
    return EXIT_OK;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are "errors" to commander; they already printed.
      if (error.code === "commander.helpDisplayed" || error.code === "commander.help" || error.code === "commander.version") return EXIT_OK;
      if (json) new Output({ json: true }).error(new UsageError(error.message.replace(/^error:\s*/, ""), { hint: "run `migrate --help` for usage" }));
      return EXIT_USAGE;
    }
    ctx.output().error(error);
    return isMigrateError(error) ? error.exitCode : EXIT_FAILURE;
  }
}
