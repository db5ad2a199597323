/**
 * Counts for messages: "1 table", "1,000 tables". Digits are grouped by hand: `toLocaleString`
 * would load ICU's number formatting (megabytes of memory) for a progress message.
 */

/** `n` with its digits grouped by commas: 1000 → "1,000". */
export function groupDigits(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** "1 table", "2 tables", "1,000 tables" (the plural adds an s). */
export function countOf(n: number, noun: string): string {
  return `${groupDigits(n)} ${noun}${n === 1 ? "" : "s"}`;
}
