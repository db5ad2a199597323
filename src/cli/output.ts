/**
 * Everything the CLI prints goes through here: results on stdout, progress and errors on stderr,
 * colour only on a TTY and never with NO_COLOR, `--quiet` for results only, `--json` for
 * machine-readable results. On a terminal, long runs show a transient progress line
 * (progress-line.ts) that every other write moves out of the way.
 */
import { styles, type Styles } from "./colors.js";
import { isMigrateError } from "../errors.js";
import { redactUrl } from "../core/database-url.js";
import { directionVerb, type MigrateEvent } from "../runtime/events.js";
import { ProgressLine, stepProgress } from "./progress-line.js";

/** Output settings from the global flags. */
export interface OutputOptions {
  quiet?: boolean;
  verbose?: boolean;
  json?: boolean;
}

/** Writes results, progress and errors. */
export class Output {
  readonly chalk: Styles;
  readonly errChalk: Styles;
  /** With --json, a result printed inside the error document (`"result"` beside `"error"`). */
  resultWithError: unknown;
  private readonly progress: ProgressLine;

  constructor(readonly options: OutputOptions = {}) {
    const noColor = process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== "";
    this.chalk = styles(!noColor && process.stdout.isTTY === true);
    this.errChalk = styles(!noColor && process.stderr.isTTY === true);
    this.progress = new ProgressLine(process.stderr, ProgressLine.wanted(process.stderr, options));
  }

  /** A line of the command's result (stdout). */
  line(text = ""): void {
    if (this.options.json) return;
    this.stdout(`${text}\n`);
  }

  /** Raw text on stdout (offline SQL). */
  raw(text: string): void {
    this.stdout(text);
  }

  /** A JSON result (only with --json). */
  json(value: unknown): void {
    if (this.options.json) this.stdout(`${JSON.stringify(value, null, 2)}\n`);
  }

  /** A line on stderr outside any command's events (the signal handlers' notices). */
  notice(text: string): void {
    this.stderr(`${text}\n`);
  }

  /** Erases the progress line for good (the command ended). */
  endProgress(): void {
    this.progress.clear();
  }

  private stdout(text: string): void {
    this.progress.print(() => process.stdout.write(text));
  }

  private stderr(text: string): void {
    this.progress.print(() => process.stderr.write(text));
  }

  /** A progress event (stderr); suppressed by --quiet except warnings. */
  event(event: MigrateEvent): void {
    const c = this.errChalk;
    switch (event.type) {
      case "step": {
        if (this.options.quiet) return;
        const verb = directionVerb(event.direction);
        const arrow = `${event.from || "<base>"} -> ${event.to || "<base>"}`;
        const line = `${c.cyan(`Running ${verb}`)} ${arrow}${event.message ? `, ${event.message}` : ""}\n`;
        this.progress.print(() => process.stderr.write(line), stepProgress(event.direction, event.index, event.total, event.revision, event.message));
        return;
      }
      case "progress": {
        this.progress.show(event.message);
        return;
      }
      case "step-done":
        if (this.options.verbose && !this.options.quiet) this.stderr(c.dim(`  done in ${formatDuration(event.ms)}\n`));
        return;
      case "statement":
        if (this.options.verbose && !this.options.quiet) this.stderr(c.dim(`  ${event.sql}\n`));
        return;
      case "lock-wait":
        if (!this.options.quiet) this.stderr(c.yellow(`Waiting for the migration lock on ${event.url} (another migrate is running)…\n`));
        return;
      case "info":
        if (!this.options.quiet) this.stderr(`${event.message}\n`);
        return;
      case "detail":
        if (this.options.verbose && !this.options.quiet) this.stderr(c.dim(`${event.message}\n`));
        return;
      case "warning":
        this.stderr(c.yellow(`WARNING: ${event.message}\n`));
        return;
    }
  }

  /**
   * Prints an error: one message plus hint; the stack only with --verbose or for bugs. With
   * --json it is `{"error":{"code","message","hint"}}` on stdout instead (code "internal" for a bug).
   */
  error(error: unknown): void {
    const c = this.errChalk;
    this.progress.clear();
    if (this.options.json) {
      const known = isMigrateError(error);
      const message = error instanceof Error ? error.message : String(error);
      const hint = known ? error.hint : "this looks like a bug in athanor; run with --verbose for the stack and report it.";
      process.stdout.write(`${JSON.stringify({ error: { code: known ? error.code : "internal", message: redactUrl(message), hint: hint === undefined ? null : redactUrl(hint) }, ...(this.resultWithError === undefined ? {} : { result: this.resultWithError }) }, null, 2)}\n`);
      if (this.options.verbose && error instanceof Error) process.stderr.write(c.dim(`${redactUrl(String(((error as { cause?: unknown }).cause as Error | undefined)?.stack ?? error.stack))}\n`));
      return;
    }
    if (isMigrateError(error)) {
      process.stderr.write(`${c.red("ERROR:")} ${redactUrl(error.message)}\n`);
      if (error.hint) process.stderr.write(`${c.dim("hint:")} ${redactUrl(error.hint)}\n`);
      if (this.options.verbose) {
        const cause = (error as { cause?: unknown }).cause;
        process.stderr.write(c.dim(`${redactUrl(String((cause instanceof Error ? cause.stack : undefined) ?? error.stack))}\n`));
      }
      return;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`${c.red("ERROR:")} ${redactUrl(message)}\n`);
    if (this.options.verbose && error instanceof Error && error.stack) process.stderr.write(c.dim(`${redactUrl(error.stack)}\n`));
    else process.stderr.write(c.dim("hint: this looks like a bug in athanor; run with --verbose for the stack and report it.\n"));
  }
}

/** A duration for people: "35 ms", "1.2 s", "2 min 5 s". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}
