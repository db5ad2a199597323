/**
 * Reflection of MySQL views, triggers, functions and procedures from information_schema, in
 * four queries whatever their number. MySQL keeps a view's query (VIEW_DEFINITION, with every
 * name qualified by the database, which is removed so the text does not depend on the database's
 * name), a trigger's action and a routine's body; the CREATE statements are rebuilt from those
 * columns in one fixed spelling, which `pull` writes and compare matches. A view's options are
 * read beside its query (SECURITY_TYPE, CHECK_OPTION, and on MariaDB ALGORITHM); MySQL's
 * information_schema has no ALGORITHM, so there each view's SHOW CREATE VIEW says it. Only what
 * differs from the defaults is reported (SQL SECURITY DEFINER, ALGORITHM=UNDEFINED, no check
 * option), as SHOW CREATE VIEW's options are always printed.
 */
import { tableObjectKey, type DatabaseObject, type ViewAlgorithm, type ViewOptions } from "../../catalog/objects/types.js";
import type { Connection } from "../dialect.js";
import { quoteIdentifier, quoteLiteral } from "./quote.js";
import type { ServerInfo } from "./server-info.js";

interface ViewRow { name: string; definition: string; check_option: string; security: string; algorithm: string | null }
interface TriggerRow { name: string; timing: string; event: string; tbl: string; statement: string }
interface RoutineRow { name: string; type: "FUNCTION" | "PROCEDURE"; returns: string | null; body: string; deterministic: string; access: string; security: string; comment: string | null }
interface ParameterRow { name: string; position: number; mode: string | null; param: string | null; type: string }

const viewsSql = (info: Pick<ServerInfo, "flavour">): string =>
  `SELECT TABLE_NAME AS name, VIEW_DEFINITION AS definition, CHECK_OPTION AS check_option, SECURITY_TYPE AS security,
          ${info.flavour === "mariadb" ? "ALGORITHM" : "NULL"} AS algorithm
     FROM information_schema.VIEWS WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME`;
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

/** The ALGORITHM a SHOW CREATE VIEW statement names (`CREATE ALGORITHM=MERGE DEFINER=… VIEW …`), or null. */
export function createViewAlgorithm(statement: string): ViewAlgorithm | null {
  const m = /^\s*CREATE\s+(?:OR\s+REPLACE\s+)?ALGORITHM\s*=\s*(UNDEFINED|MERGE|TEMPTABLE)\b/i.exec(statement);
  return m ? (m[1]!.toLowerCase() as ViewAlgorithm) : null;
}

/** A view's options from its information_schema row: only those that differ from the defaults. */
export function viewOptionsOf(row: Pick<ViewRow, "check_option" | "security" | "algorithm">): ViewOptions | undefined {
  const options: ViewOptions = {};
  if (row.security.toUpperCase() === "INVOKER") options.security = "invoker";
  const check = row.check_option.toUpperCase();
  if (check === "CASCADED" || check === "LOCAL") options.checkOption = check === "LOCAL" ? "local" : "cascaded";
  const algorithm = row.algorithm?.toUpperCase();
  if (algorithm === "MERGE" || algorithm === "TEMPTABLE") options.algorithm = algorithm === "MERGE" ? "merge" : "temptable";
  return Object.keys(options).length > 0 ? options : undefined;
}

/** MySQL: each view's ALGORITHM from SHOW CREATE VIEW (its information_schema has no such column). */
async function readAlgorithms(conn: Connection, database: string, views: ViewRow[]): Promise<void> {
  for (const row of views) {
    const [shown] = await conn.query<Record<string, string>>(`SHOW CREATE VIEW ${quoteIdentifier(database)}.${quoteIdentifier(row.name)}`);
    row.algorithm = createViewAlgorithm(String(shown?.["Create View"] ?? ""));
  }
}

/** The views, triggers and routines of `database`. */
export async function reflectObjects(conn: Connection, database: string, info: Pick<ServerInfo, "flavour">): Promise<DatabaseObject[]> {
  const qualifier = `${quoteIdentifier(database)}.`;
  const views = await conn.query<ViewRow>(viewsSql(info), [database]);
  if (info.flavour === "mysql") await readAlgorithms(conn, database, views);
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
    const viewOptions = viewOptionsOf(row);
    objects.push({ kind: "view", schema: null, name: row.name, definition, ...(uses.length > 0 ? { dependsOn: uses.sort() } : {}), ...(viewOptions ? { viewOptions } : {}) });
  }
  for (const row of triggers) {
    const statement = `CREATE TRIGGER ${quoteIdentifier(row.name)} ${row.timing} ${row.event} ON ${quoteIdentifier(row.tbl)} FOR EACH ROW ${row.statement}`;
    objects.push({ kind: "trigger", schema: null, name: row.name, definition: statement, table: row.tbl, dependsOn: [tableObjectKey(null, row.tbl)] });
  }
  return objects;
}
