/**
 * The CLI entry point — the only place that exits. `--version` alone answers before anything
 * else is loaded; every other run loads the command line (run.ts) and sets the exit code.
 */
import { exitQuietlyOnClosedPipe } from "./closed-pipe.js";
import { tuneV8ForShortRun } from "./v8-settings.js";

const argv = process.argv.slice(2);
tuneV8ForShortRun(argv);
exitQuietlyOnClosedPipe();
if (argv.length === 1 && (argv[0] === "--version" || argv[0] === "-V")) {
  const { packageVersion } = await import("./version.js");
  process.stdout.write(`${packageVersion()}\n`);
} else {
  const [{ runCli }, { pendingInterruption }] = await Promise.all([import("./run.js"), import("../runtime/interrupt.js")]);
  const code = await runCli(argv);
  // After an interruption the revision's own code may still hold timers: do not wait for them.
  if (pendingInterruption()) process.exit(code);
  process.exitCode = code;
}
