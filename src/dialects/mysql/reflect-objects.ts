/**
 * Reflection of MySQL views, triggers, functions and procedures from information_schema, in
 * four queries whatever their number. MySQL keeps a view's query (VIEW_DEFINITION, with every
 * name qualified by the database, which is removed so the text does not depend on the database's
 * name), a trigger's action and a routine's body; the CREATE statements are rebuilt from those
 * columns in one fixed spelling, which `pull` writes and compare matches.
 */
import { tableObjectKey, type DatabaseObject } from "../../catalog/objects/types.js";
import type { Connection } from "../dialect.js";
import { quoteIdentifier, quoteLiteral } from "./quote.js";

interface ViewRow { name: string; definition: string }
interface TriggerRow { name: string; timing: string; event: string; tbl: string; statement: string }
interface RoutineRow { name: string; type: "FUNCTION" | "PROCEDURE"; returns: string | null; body: string; deterministic: string; access: string; security: string; comment: string | null }
interface ParameterRow { name: string; position: number; mode: string | null; param: string | null; type: string }

const VIEWS_SQL = `SELECT TABLE_NAME AS name, VIEW_DEFINITION AS definition FROM information_schema.VIEWS WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME`;
const TRIGGERS_SQL = `SELECT TRIGGER_NAME AS name, ACTION_TIMING AS timing, EVENT_MANIPULATION AS event, EVENT_OBJECT_TABLE AS tbl, ACTION_STATEMENT AS statement
  FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = ? ORDER BY TRIGGER_NAME`;
const ROUTINES_SQL = `SELECT ROUTINE_NAME AS name, ROUTINE_TYPE AS type, DTD_IDENTIFIER AS \`returns\`, ROUTINE_DEFINITION AS body,
       IS_DETERMINISTIC AS \`deterministic\`, SQL_DATA_ACCESS AS \`access\`, SECURITY_TYPE AS \`security\`, ROUTINE_COMMENT AS \`comment\`
  FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = ? ORDER BY ROUTINE_NAME`;
const PARAMETERS_SQL = `SELECT SPECIFIC_NAME AS name, ORDINAL_POSITION AS position, PARAMETER_MODE AS mode, PARAMETER_NAME AS param, DTD_IDENTIFIER AS type
  FROM information_schema.PARAMETERS WHERE SPECIFIC_SCHEMA = ? AND ORDINAL_POSITION > 0 ORDER BY SPECIFIC_NAME, ORDINAL_POSITION`;

function routineStatement(row: RoutineRow, params: ParameterRow[]): string {
  const list = params.map((p) => `${row.type === "PROCEDURE" && p.mode ? `${p.mode} ` : ""}${quoteIdentifier(p.param ?? "")} ${p.type}`).join(", ");
  const traits = [
    row.type === "FUNCTION" ? `RETURNS ${row.returns}` : "",
    row.deterministic === "YES" ? "DETERMINISTIC" : "",
    row.access !== "CONTAINS SQL" ? row.access : "",
    row.security === "INVOKER" ? "SQL SECURITY INVOKER" : "",
    row.comment ? `COMMENT ${quoteLiteral(row.comment)}` : "",
  ].filter(Boolean);
  return `CREATE ${row.type} ${quoteIdentifier(row.name)}(${list})${traits.map((t) => ` ${t}`).join("")} ${row.body}`;
}

/** The views, triggers and routines of `database`. */
export async function reflectObjects(conn: Connection, database: string): Promise<DatabaseObject[]> {
  const qualifier = `${quoteIdentifier(database)}.`;
  const views = await conn.query<ViewRow>(VIEWS_SQL, [database]);
  const triggers = await conn.query<TriggerRow>(TRIGGERS_SQL, [database]);
  const routines = await conn.query<RoutineRow>(ROUTINES_SQL, [database]);
  const parameters = await conn.query<ParameterRow>(PARAMETERS_SQL, [database]);
  const objects: DatabaseObject[] = [];
  for (const row of routines) {
    const statement = routineStatement(row, parameters.filter((p) => p.name === row.name));
    objects.push({ kind: row.type === "FUNCTION" ? "function" : "procedure", schema: null, name: row.name, definition: statement });
  }
  for (const row of views) {
    const definition = row.definition.split(qualifier).join("").trim();
    // MySQL records no view dependencies: a view uses another when its query names it (quoted, as MySQL prints names).
    const uses = views.filter((other) => other.name !== row.name && definition.includes(quoteIdentifier(other.name))).map((other) => `view:.${other.name}`);
    objects.push({ kind: "view", schema: null, name: row.name, definition, ...(uses.length > 0 ? { dependsOn: uses.sort() } : {}) });
  }
  for (const row of triggers) {
    const statement = `CREATE TRIGGER ${quoteIdentifier(row.name)} ${row.timing} ${row.event} ON ${quoteIdentifier(row.tbl)} FOR EACH ROW ${row.statement}`;
    objects.push({ kind: "trigger", schema: null, name: row.name, definition: statement, table: row.tbl, dependsOn: [tableObjectKey(null, row.tbl)] });
  }
  return objects;
}
