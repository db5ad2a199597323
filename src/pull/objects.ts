/**
 * The database objects of a pulled schema module: one `export const` per view, function,
 * trigger, extension or sequence, in the order a run creates them (kind, then dependencies), with
 * SQL bodies as `sql` tagged templates holding the database's own definition text.
 */
import { OBJECT_KINDS, type DatabaseObject } from "../catalog/objects/types.js";
import { printStatements } from "../autogenerate/render-code.js";
import type { RenderContext } from "../autogenerate/render-context.js";
import { objectCode } from "../autogenerate/render-object.js";
import type { IdentifierAllocator } from "./identifiers.js";

const SUFFIX: Record<DatabaseObject["kind"], string> = {
  extension: "Extension",
  collation: "Collation",
  textSearchDictionary: "Dictionary",
  textSearchConfiguration: "Config",
  domain: "Domain",
  compositeType: "Type",
  rangeType: "Range",
  sequence: "Sequence",
  function: "Function",
  aggregate: "Aggregate",
  procedure: "Procedure",
  virtualTable: "Table",
  view: "View",
  materializedView: "View",
  materializedViewIndex: "Index",
  trigger: "Trigger",
  rule: "Rule",
  policy: "Policy",
};

/** One declaration per object, with the identifier the default export lists. */
export function pulledObjects(objects: readonly DatabaseObject[], allocator: IdentifierAllocator, ctx: RenderContext): { ident: string; source: string }[] {
  const ordered = [...objects].sort((a, b) => OBJECT_KINDS.indexOf(a.kind) - OBJECT_KINDS.indexOf(b.kind));
  return ordered.map((object) => {
    const ident = allocator.allocate(object.name, object.schema, SUFFIX[object.kind], object.kind);
    return { ident, source: printStatements([{ prefix: `export const ${ident} = `, code: objectCode(object, ctx), suffix: ";" }], "") };
  });
}
