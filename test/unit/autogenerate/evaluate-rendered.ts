/**
 * Runs rendered revision code against the real operations façade: what a revision file written
 * by render would do when it runs, without a database. Shared by the render tests of each feature.
 */
import { expect } from "vitest";
import * as athanor from "../../../src/model/index.js";
import type { RenderedOperations } from "../../../src/autogenerate/render-revision.js";
import { createOperations } from "../../../src/operations/create-operations.js";
import type { OperationSink } from "../../../src/operations/sink.js";
import type { Operation } from "../../../src/operations/types.js";

/** A sink that records what the façade builds. */
export class Recorder implements OperationSink {
  readonly dialect = "postgres" as const;
  readonly offline = false;
  readonly received: Operation[] = [];
  async run(op: Operation): Promise<void> {
    this.received.push(op);
  }
  async query<T>(): Promise<T[]> {
    return [];
  }
}

type AsyncFn = (...args: unknown[]) => Promise<void>;
const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor as new (...params: string[]) => AsyncFn;
const scope = athanor as unknown as Record<string, unknown>;

/** The operations a rendered body builds, run with exactly the rendered imports in scope (each must be an export of "athanor"). */
export async function evaluate(rendered: RenderedOperations): Promise<Operation[]> {
  for (const name of rendered.imports) expect(scope[name], `"athanor" exports ${name}`).toBeDefined();
  const sink = new Recorder();
  const { operations, flush } = createOperations(sink);
  await new AsyncFunction("op", ...rendered.imports, rendered.body)(operations, ...rendered.imports.map((name) => scope[name]));
  await flush();
  return sink.received;
}
