/**
 * The CLI entry point: parses arguments, runs the command, prints errors as one message plus a
 * hint, and sets the exit code — the only place that exits.
 */
import { CommanderError } from "commander";
import { isMigrateError, EXIT_FAILURE, EXIT_USAGE } from "../errors.js";
import { buildProgram } from "./commands.js";
import { EXIT_OK } from "./exit-codes.js";

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function runCli(argv: string[]): Promise<number> {
  const { program, ctx } = buildProgram();
  try {
    await program.parseAsync(argv, { from: "user" });
    return EXIT_OK;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are "errors" to commander; they already printed.
      if (error.code === "commander.helpDisplayed" || error.code === "commander.help" || error.code === "commander.version") return EXIT_OK;
      return EXIT_USAGE;
    }
    ctx.output().error(error);
    return isMigrateError(error) ? error.exitCode : EXIT_FAILURE;
  }
}

const code = await runCli(process.argv.slice(2));
process.exitCode = code;
