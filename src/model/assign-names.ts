/**
 * Gives every unnamed primary key, foreign key, unique, check and index its conventional name.
 * Names share one namespace per PostgreSQL schema (indexes and key constraints are relations
 * there, and MySQL wants foreign-key names unique per database), so explicit names are reserved
 * across all tables first and generated ones are then allocated in table order.
 */
import { MigrateError } from "../errors.js";
import { tableLabel, type TableSchema } from "../schema/types.js";
import { applyNamingRule, columnsInExpression, NameAllocator, type NamingContext, type NamingConvention, type NamingRule } from "./naming.js";

interface Named {
  name?: string | null;
}

function explicitNames(table: TableSchema): string[] {
  const named: Named[] = [...(table.primaryKey ? [table.primaryKey] : []), ...table.uniques, ...table.foreignKeys, ...table.checks, ...table.indexes];
  return named.map((n) => n.name).filter((n): n is string => typeof n === "string" && n !== "");
}

function byteLength(text: string): number {
  return Buffer.byteLength(text, "utf8");
}

/**
 * Fills in missing names in place and returns the tables. Throws MigrateError("model") when an
 * explicit name is used twice in one schema or is longer than the convention allows.
 */
export function assignNames(tables: TableSchema[], naming: NamingConvention): TableSchema[] {
  const allocators = new Map<string, NameAllocator>();
  const owners = new Map<string, string>();
  const allocatorFor = (schema: string | null | undefined): NameAllocator => {
    const key = schema ?? "";
    let allocator = allocators.get(key);
    if (!allocator) allocators.set(key, (allocator = new NameAllocator(naming.maxLength)));
    return allocator;
  };

  for (const table of tables) {
    const label = tableLabel(table);
    for (const name of explicitNames(table)) {
      if (byteLength(name) > naming.maxLength) {
        throw new MigrateError("model", `The name "${name}" on table ${label} is longer than ${naming.maxLength} bytes.`, {
          hint: "Databases truncate or reject longer names, which makes every comparison report a change; choose a shorter name.",
        });
      }
      const ownerKey = `${table.schema ?? ""}\u0000${name}`;
      if (!allocatorFor(table.schema).reserve(name)) {
        const other = owners.get(ownerKey);
        throw new MigrateError("model", `The constraint or index name "${name}" is used twice${other === label ? ` in table ${label}` : `: by table ${other} and by table ${label}`}.`, {
          hint: "Constraint and index names must be unique within a schema; rename one of them.",
        });
      }
      owners.set(ownerKey, label);
    }
  }

  for (const table of tables) {
    const allocator = allocatorFor(table.schema);
    const base = { table: table.name, schema: table.schema ?? null };
    const make = (rule: NamingRule, context: Omit<NamingContext, "table" | "schema">): string =>
      allocator.allocate(applyNamingRule(rule, { ...base, ...context }, naming.maxLength));

    if (table.primaryKey && !table.primaryKey.name) table.primaryKey.name = make(naming.primaryKey, { columns: [...table.primaryKey.columns] });
    for (const u of table.uniques) if (!u.name) u.name = make(naming.unique, { columns: [...u.columns] });
    for (const fk of table.foreignKeys) if (!fk.name) fk.name = make(naming.foreignKey, { columns: [...fk.columns], referencedTable: fk.referencedTable });
    const columnNames = table.columns.map((c) => c.name);
    for (const ck of table.checks) {
      if (ck.name) continue;
      const mentioned = columnsInExpression(ck.expression, columnNames);
      ck.name = make(naming.check, { columns: mentioned.length === 1 ? mentioned : [] });
    }
    for (const ix of table.indexes) {
      if (ix.name) continue;
      const columns = ix.elements.map((e) => ("column" in e ? e.column : "expr"));
      ix.name = make(ix.unique ? naming.uniqueIndex : naming.index, { columns });
    }
  }
  return tables;
}
