/**
 * Identifier comparison the way SQLite does it: names are case-insensitive for ASCII letters only
 * ("User" and "user" are the same table, "É" and "é" are not).
 */

/** Lower-cases ASCII letters only, as SQLite's identifier comparison does. */
export function foldName(name: string): string {
  return name.replace(/[A-Z]/g, (ch) => ch.toLowerCase());
}

/** True when SQLite would treat the two identifiers as the same name. */
export function sameName(a: string, b: string): boolean {
  return foldName(a) === foldName(b);
}
