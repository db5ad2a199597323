/**
 * The types a model's composite and range types name, as dependencies: a composite type with an
 * attribute typed by a range type, another composite type or a domain, and a range type over a
 * domain or composite subtype, are created after that type and dropped before it without the
 * model saying `dependsOn` (reflection reads the same from pg_depend).
 */
import { compositeAttributesOf } from "./composite-type.js";
import { rangeTypePartsOf } from "./range-type.js";
import { objectKey, type DatabaseObject } from "./types.js";

const TYPE_KINDS: ReadonlySet<DatabaseObject["kind"]> = new Set(["domain", "compositeType", "rangeType"]);

/** `address[]` → `address`; `app.address` and `"Address"` as the name and schema they give. */
function typeRef(type: string): { schema: string | null; name: string } {
  const bare = type.replace(/(\s*\[\d*\])+$/, "").trim();
  const unquote = (s: string): string => (s.startsWith('"') ? s.slice(1, -1).replace(/""/g, '"') : s);
  const m = /^("(?:[^"]|"")*"|[^."]+)\.("(?:[^"]|"")*"|[^."]+)$/.exec(bare);
  return m ? { schema: unquote(m[1]!), name: unquote(m[2]!) } : { schema: null, name: unquote(bare) };
}

/** The objects, each composite and range type with the model's types it names added to its dependsOn. */
export function withTypeDependencies(objects: DatabaseObject[]): DatabaseObject[] {
  const types = objects.filter((o) => TYPE_KINDS.has(o.kind));
  if (types.length === 0) return objects;
  for (const object of objects) {
    if (object.kind !== "compositeType" && object.kind !== "rangeType") continue;
    const named = object.kind === "compositeType" ? (compositeAttributesOf(object.definition) ?? []).map((a) => a.type) : [rangeTypePartsOf(object.definition)?.subtype ?? ""];
    const deps = new Set(object.dependsOn ?? []);
    for (const type of named) {
      const ref = typeRef(type);
      const used = types.find((t) => t !== object && t.name === ref.name && (t.schema ?? null) === (ref.schema ?? object.schema ?? null));
      if (used) deps.add(objectKey(used));
    }
    if (deps.size > 0) object.dependsOn = [...deps];
  }
  return objects;
}
