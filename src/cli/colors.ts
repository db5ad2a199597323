/**
 * The few terminal styles the CLI uses, as plain ANSI escapes (the 16-colour set every terminal
 * has). A command line that prints one line should not load a colour library to do it.
 */

/** A style: the text wrapped in its escape codes, or the text itself when colour is off. */
export type Style = (text: string) => string;

/** The styles the CLI prints with. */
export interface Styles {
  readonly bold: Style;
  readonly dim: Style;
  readonly red: Style;
  readonly green: Style;
  readonly yellow: Style;
  readonly cyan: Style;
  readonly magenta: Style;
}

/** Open and close codes; bold and dim share their close (22), as the terminal defines them. */
const CODES: Record<keyof Styles, readonly [number, number]> = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  cyan: [36, 39],
  magenta: [35, 39],
};

function style(open: number, close: number): Style {
  const on = `\u001b[${open}m`;
  const off = `\u001b[${close}m`;
  return (text) => {
    if (text === "") return text;
    // A nested style that closes the same attribute would end ours early: open it again there.
    return on + text.split(off).join(off + on) + off;
  };
}

const plain: Style = (text) => text;

/** The styles, coloured or (`enabled` false: not a terminal, NO_COLOR) plain. */
export function styles(enabled: boolean): Styles {
  const entries = Object.entries(CODES).map(([name, [open, close]]) => [name, enabled ? style(open, close) : plain]);
  return Object.fromEntries(entries) as unknown as Styles;
}
