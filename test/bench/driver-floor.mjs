// The floor of a CLI case: a plain Node ES module that loads the database driver and does the
// database work of the case and nothing else — no config, no revision graph, no revision code.
// The CLI benchmark runs it as a child with the same preload (count-statements.cjs), so its wall
// time, CPU and peak RSS stand beside athanor's: what Node and the driver cost before athanor
// adds a byte. Usage (the project's node_modules resolve the drivers):
//   node driver-floor.mjs sqlite <file> script <sql-file>   run the SQL file as one script
//   node driver-floor.mjs sqlite <file> read <table>        read the table's rows (as `current` does)
//   node driver-floor.mjs postgres <url> script <sql-file>  one simple query on one connection
import { readFileSync } from "node:fs";

const [dialect, target, action, arg] = process.argv.slice(2);
if (!dialect || !target || (action !== "script" && action !== "read") || !arg) {
  console.error("usage: driver-floor.mjs sqlite|postgres <file-or-url> script|read <sql-file-or-table>");
  process.exit(2);
}

if (dialect === "sqlite") {
  const { default: Database } = await import("better-sqlite3");
  const db = new Database(target, action === "read" ? { readonly: true } : {});
  if (action === "script") db.exec(readFileSync(arg, "utf8"));
  else db.prepare(`SELECT * FROM "${arg.replaceAll('"', '""')}"`).all();
  db.close();
} else if (dialect === "postgres" && action === "script") {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: target });
  await client.connect();
  await client.query(readFileSync(arg, "utf8"));
  await client.end();
} else {
  console.error(`driver-floor.mjs: ${dialect} ${action} is not a case`);
  process.exit(2);
}
