/**
 * PostgreSQL composite and range types in the model:
 * `compositeType("address", { street: "text", city: { type: "character varying(80)", collate: "C" } })`
 * and `rangeType("floatrange", { subtype: "float8", subtypeDiff: "float8mi" })`. Types are written
 * as PostgreSQL's format_type prints them (common aliases such as varchar, int4, float8 and
 * timestamptz are accepted); the definition is the canonical text reflection assembles too
 * (catalog/objects/composite-type.ts, range-type.ts), so a declared type and a reflected one
 * compare equal. A column typed by one names it as PostgreSQL prints the type: `rawType("address")`.
 */
import { compositeTypeDefinition, type CompositeAttribute } from "../catalog/objects/composite-type.js";
import { rangeTypeDefinition, type RangeTypeParts } from "../catalog/objects/range-type.js";
import { defineObject, invalid, type ObjectDefinition, type ObjectOptions } from "./objects.js";

const ATTRIBUTE_KEYS: readonly string[] = ["type", "collate", "collateSchema"];
const RANGE_KEYS: readonly string[] = ["subtype", "subtypeOpclass", "collation", "canonical", "subtypeDiff", "multirangeTypeName", "schema", "dependsOn", "comment"];

/** One attribute of a composite type: its type text, or the type with a collation (`{ type: "text", collate: "C" }`). */
export type CompositeAttributeType = string | { type: string; collate?: string | null; collateSchema?: string | null };

/**
 * A PostgreSQL composite type, its attributes in order:
 * ``compositeType("address", { street: "text", city: { type: "character varying(80)", collate: "C" } })``.
 * A changed one is altered in place (ALTER TYPE … ADD / DROP / ALTER ATTRIBUTE), so columns
 * that use it keep their values.
 */
export function compositeType(name: string, attributes: Readonly<Record<string, CompositeAttributeType>>, options?: ObjectOptions): ObjectDefinition {
  if (typeof attributes !== "object" || attributes === null || Object.keys(attributes).length === 0) {
    throw invalid(`composite type ${name}: it has no attributes.`, 'Pass its attributes in order, e.g. compositeType("address", { street: "text", city: "text" }).');
  }
  const list: CompositeAttribute[] = Object.entries(attributes).map(([attribute, given]) => {
    const spec = typeof given === "string" ? { type: given } : given;
    if (typeof spec !== "object" || spec === null || typeof spec.type !== "string" || spec.type.trim() === "") {
      throw invalid(`composite type ${name}: the attribute ${attribute} has no type.`, `Write its type as PostgreSQL prints it, e.g. ${attribute}: "text" or ${attribute}: { type: "character varying(80)", collate: "C" }.`);
    }
    // A misspelt key (collation for collate) would otherwise be dropped without a word.
    const unknown = Object.keys(spec).find((k) => !ATTRIBUTE_KEYS.includes(k));
    if (unknown) throw invalid(`composite type ${name}: the attribute ${attribute} says ${unknown}, which an attribute does not have.`, `Give it ${ATTRIBUTE_KEYS.join(", ")} only, e.g. ${attribute}: { type: "text", collate: "C" }.`);
    const out: CompositeAttribute = { name: attribute, type: spec.type, collation: spec.collate ?? null };
    if (spec.collateSchema) out.collationSchema = spec.collateSchema;
    return out;
  });
  return defineObject("compositeType", name, compositeTypeDefinition(list), options);
}

/** What `rangeType` takes: the CREATE TYPE … AS RANGE options, and where the type lives and what it uses. */
export interface RangeTypeOptions extends ObjectOptions, RangeTypeParts {}

/**
 * A PostgreSQL range type: ``rangeType("floatrange", { subtype: "float8", subtypeDiff: "float8mi" })``,
 * with `subtypeOpclass`, `collation`, `canonical` and `multirangeTypeName` where they are not the
 * defaults. A changed one is dropped and created again, which autogenerate does only while no
 * column or object uses it.
 */
export function rangeType(name: string, options: RangeTypeOptions): ObjectDefinition {
  if (typeof options !== "object" || options === null || typeof options.subtype !== "string" || options.subtype.trim() === "") {
    throw invalid(`range type ${name}: it has no subtype.`, 'Pass the element type, e.g. rangeType("floatrange", { subtype: "float8", subtypeDiff: "float8mi" }).');
  }
  const unknown = Object.keys(options).find((k) => !RANGE_KEYS.includes(k));
  if (unknown) throw invalid(`range type ${name}: ${unknown} is not an option of a range type.`, `Give it ${RANGE_KEYS.join(", ")} only (CREATE TYPE … AS RANGE's options, and where the type lives and what it uses).`);
  return defineObject("rangeType", name, rangeTypeDefinition(name, options), options);
}
