/**
 * What renderers share while writing one file: the names the file must import from "athanor",
 * and (in pull) the module's own enum declarations that columns refer to.
 */
import type { ColumnTypeOf } from "../model/column-types.js";

/** Shared state of one rendering. */
export class RenderContext {
  private readonly used = new Set<string>();

  /**
   * @param enumReference For pull: the identifier of the module's enum declaration a column type
   * can use (`status.column()`), or undefined when there is none.
   */
  constructor(readonly enumReference: (type: ColumnTypeOf<"enum">) => string | undefined = () => undefined) {}

  /** Returns `name` and records that the file imports it from "athanor". */
  use(name: string): string {
    this.used.add(name);
    return name;
  }

  /** The imported names, sorted. */
  imports(): string[] {
    return [...this.used].sort();
  }
}
