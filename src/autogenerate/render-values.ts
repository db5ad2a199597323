/**
 * JavaScript literals for generated code: strings, numbers, property keys, `sql` templates and
 * plain data (rows, prior states) as object and array literals. Every literal evaluates back to
 * exactly the value it was made from; values that have no literal form are refused loudly
 * instead of being written approximately.
 */
import { MigrateError } from "../errors.js";
import type { SqlFragment } from "../core/sql.js";
import { array, flat, object, text, type Code, type ObjectEntry } from "./render-code.js";

/** A double-quoted string literal. */
export function stringLiteral(value: string): string {
  return JSON.stringify(value);
}

/** A number literal that evaluates to exactly `value` (also -0, NaN and the infinities). */
export function numberLiteral(value: number): string {
  if (Object.is(value, -0)) return "-0";
  return String(value);
}

const IDENTIFIER_NAME = /^[\p{ID_Start}$_][\p{ID_Continue}$\u200C\u200D]*$/u;

/** True when `name` can be written as a bare property name (`{ name: … }`, `x.name`). */
export function isIdentifierName(name: string): boolean {
  return IDENTIFIER_NAME.test(name);
}

/**
 * A property key: bare when it is an identifier name, quoted otherwise. `__proto__` is written
 * as a computed key because both `__proto__:` and `"__proto__":` would set the prototype
 * instead of creating a property.
 */
export function propertyKey(name: string): string {
  if (name === "__proto__") return `["__proto__"]`;
  return isIdentifierName(name) ? name : stringLiteral(name);
}

/**
 * The body of a template literal whose cooked value is `value`: backslashes, backticks and `${`
 * are escaped, and so are carriage returns (a template would turn them into line feeds) and
 * other control characters (for readability).
 */
function templateText(value: string): string {
  return value.replace(/\\|`|\$\{|[\u0000-\u0008\u000b-\u001f\u007f]/g, (match) => {
    if (match === "\\") return "\\\\";
    if (match === "`") return "\\`";
    if (match === "${") return "\\${";
    if (match === "\r") return "\\r";
    return `\\u${match.charCodeAt(0).toString(16).padStart(4, "0")}`;
  });
}

/** An `sql` tagged template holding `textValue` verbatim, with no interpolated values. */
export function sqlTemplate(textValue: string): string {
  return `sql\`${templateText(textValue)}\``;
}

/** An `sql` tagged template rebuilding `fragment`: its text pieces with its values interpolated. */
export function fragmentTemplate(fragment: SqlFragment): string {
  let out = templateText(fragment.strings[0] ?? "");
  fragment.values.forEach((value, i) => {
    // Values are data literals, which always have a one-line form.
    const inner = flat(dataCode(value, false)) ?? "undefined";
    out += `\${${inner}}${templateText(fragment.strings[i + 1] ?? "")}`;
  });
  return `sql\`${out}\``;
}

function unsupported(what: string): MigrateError {
  return new MigrateError("unsupported-operation", `A revision cannot be written with ${what} in an operation's data.`, {
    hint: "Use plain values (strings, numbers, booleans, null, dates, buffers, arrays and plain objects).",
  });
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

function dataCode(value: unknown, skipUndefined: boolean): Code {
  switch (typeof value) {
    case "string":
      return text(stringLiteral(value));
    case "number":
      return text(numberLiteral(value));
    case "boolean":
      return text(String(value));
    case "bigint":
      return text(`${value.toString()}n`);
    case "undefined":
      return text("undefined");
    case "object":
      break;
    default:
      throw unsupported(`a ${typeof value}`);
  }
  if (value === null) return text("null");
  if (Array.isArray(value)) return array(Array.from(value, (item: unknown) => dataCode(item, skipUndefined)));
  if (value instanceof Date) return text(Number.isNaN(value.getTime()) ? "new Date(NaN)" : `new Date(${stringLiteral(value.toISOString())})`);
  if (Buffer.isBuffer(value)) return text(`Buffer.from(${stringLiteral(value.toString("base64"))}, "base64")`);
  if (value instanceof Uint8Array) return text(`new Uint8Array([${Array.from(value).join(", ")}])`);
  if (!isPlainObject(value)) throw unsupported(`an instance of ${value.constructor?.name ?? "an unknown class"}`);
  return recordCode(value as Record<string, unknown>, skipUndefined);
}

/**
 * A literal for plain data. With `skipUndefined`, properties whose value is undefined are left
 * out (they mean "absent" in schema and operation objects); without it they are kept, which
 * matters for rows.
 */
export function valueCode(value: unknown, options: { skipUndefined?: boolean } = {}): Code {
  return dataCode(value, options.skipUndefined ?? false);
}

/** An object literal of a record's own properties, in their order. */
export function recordCode(record: Record<string, unknown>, skipUndefined = true): Code {
  const entries: ObjectEntry[] = [];
  for (const [key, value] of Object.entries(record)) {
    if (skipUndefined && value === undefined) continue;
    entries.push({ key: propertyKey(key), value: dataCode(value, skipUndefined) });
  }
  return object(entries);
}
