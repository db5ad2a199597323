/**
 * Output to a closed pipe (`migrate history | head -1`): the reader has all it wanted, so the
 * command ends quietly with exit 0, as git does — not with an EPIPE crash. Any other stream
 * error is left to crash loudly.
 */

/** Makes EPIPE on stdout or stderr end the process at once with exit code 0. */
export function exitQuietlyOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EPIPE") process.exit(0);
      throw error;
    });
  }
}
