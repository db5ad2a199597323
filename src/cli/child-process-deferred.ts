/**
 * Keeps commander from loading `node:child_process` at start-up. commander requires it when its
 * module is evaluated, for executable subcommands (`program.command("x", "description")`, which
 * spawn `program-x`); athanor has none, and loading child_process costs ~10 ms of every command's
 * start. Imported just before "commander" (commander.ts), this makes a require of
 * node:child_process return a stand-in that loads the real module on its first use, so anything
 * that does use it still works; commander.ts restores `require` right after. ES module evaluation
 * of the three is one synchronous sequence, so no other code ever sees the stand-in's `require`.
 */
import { Module } from "node:module";

type Require = (this: unknown, id: string) => unknown;

const prototype = Module.prototype as unknown as { require: Require };
const original = prototype.require;

prototype.require = function (this: unknown, id: string): unknown {
  if (id !== "node:child_process" && id !== "child_process") return original.call(this, id);
  let real: object | undefined;
  const load = (): object => (real ??= original.call(this, id) as object);
  return new Proxy({}, { get: (_target, key) => Reflect.get(load(), key), has: (_target, key) => Reflect.has(load(), key) });
};

/** Puts `require` back as it was. */
export function restoreRequire(): void {
  prototype.require = original;
}
