/**
 * The transient progress line of long runs ("upgrading 412/1000 · 3f2a… add_orders", "comparing
 * 1,000 tables with 1,000 model tables"): one line at the bottom of the terminal, redrawn in place.
 *
 * Only on a terminal: it is drawn when stderr is a TTY (and TERM is not "dumb"), never with --json
 * or --quiet, so logs and pipes never see it. Whatever else the CLI prints is written through
 * `print`, which erases the line first and draws it again below, so normal output never mixes with
 * it; `clear` erases it for good when the command ends.
 */

/** Erase the current terminal line and return to its start. */
const ERASE = "\r\x1b[2K";

/** Draws the progress line on a terminal stream; does nothing when disabled. */
export class ProgressLine {
  private text: string | null = null;

  constructor(
    private readonly stream: NodeJS.WriteStream,
    readonly enabled: boolean,
  ) {}

  /** Whether progress lines belong on `stream` at all. */
  static wanted(stream: NodeJS.WriteStream, options: { json?: boolean; quiet?: boolean }): boolean {
    return stream.isTTY === true && process.env.TERM !== "dumb" && !options.json && !options.quiet;
  }

  /** Shows `text` as the progress line, replacing the one shown. */
  show(text: string): void {
    if (!this.enabled) return;
    this.text = text;
    this.stream.write(`${ERASE}${this.fitted()}`);
  }

  /**
   * Writes `write`'s output with the line out of the way: erased before (on this stream, whichever
   * stream `write` writes to: on a terminal both are the same screen), then drawn again below it —
   * as `next` when given.
   */
  print(write: () => void, next: string | null = this.text): void {
    if (!this.enabled) return write();
    if (this.text !== null) this.stream.write(ERASE);
    write();
    this.text = next;
    if (next !== null) this.stream.write(this.fitted());
  }

  /** Erases the line; nothing is drawn again until the next `show`. */
  clear(): void {
    if (this.text === null) return;
    this.text = null;
    this.stream.write(ERASE);
  }

  /** The text cut to the terminal's width (a wrapped line could not be erased in place). */
  private fitted(): string {
    const text = this.text ?? "";
    const width = Math.max(20, (this.stream.columns || 80) - 1);
    return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
  }
}

/** The progress text of a revision step: "upgrading 412/1000 · 3f2a… add_orders". */
export function stepProgress(direction: "up" | "down", index: number, total: number, revision: string, message: string): string {
  const id = revision.length > 4 ? `${revision.slice(0, 4)}…` : revision;
  return `${direction === "up" ? "upgrading" : "downgrading"} ${index}/${total} · ${id}${message ? ` ${message}` : ""}`;
}
