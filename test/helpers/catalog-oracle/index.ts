/**
 * The independent oracle: a database's catalog as the database itself prints it, one line per
 * object, so two databases can be compared without athanor's reflection (which is what is under
 * test). One small file per dialect; add a section there to compare a new kind of object.
 */
import { mysqlCatalog } from "./mysql.js";
import { postgresCatalog } from "./postgres.js";
import { sqliteCatalog } from "./sqlite.js";
import type { TestDatabase } from "../databases.js";

/** The catalog text of a test database. */
export async function catalogText(db: Pick<TestDatabase, "dialect" | "url" | "file">): Promise<string[]> {
  if (db.dialect === "postgres") return postgresCatalog(db.url);
  if (db.dialect === "mysql") return mysqlCatalog(db.url);
  return sqliteCatalog(db.file as string);
}
