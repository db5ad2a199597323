import { describe, expect, it } from "vitest";
import { reverseAll, reverseOperation } from "../../../src/operations/reverse.js";
import type { Operation, OperationKind } from "../../../src/operations/types.js";
import { MigrateError } from "../../../src/errors.js";
import { emailColumn, emailIndex, samples, usersTable } from "./sample-operations.js";

const IRREVERSIBLE_KINDS: OperationKind[] = ["addEnumValue", "bulkInsert"];
/** Reversed into other kinds, so reversing twice gives the same effect but not the same operation (tested on its own). */
const REVERSED_OTHERWISE: OperationKind[] = ["validateConstraint"];

function irreversibleError(op: Operation): MigrateError {
  try {
    reverseOperation(op);
  } catch (error) {
    expect(error).toBeInstanceOf(MigrateError);
    expect((error as MigrateError).code).toBe("irreversible");
    expect((error as MigrateError).hint).toBeTruthy();
    return error as MigrateError;
  }
  throw new Error(`expected ${op.kind} to be irreversible`);
}

describe("reverseOperation", () => {
  it("inverts each kind", () => {
    expect(reverseOperation(samples.createTable)).toEqual([{ kind: "dropTable", schema: "app", table: "users", existing: usersTable }]);
    expect(reverseOperation(samples.dropTable)).toEqual([{ kind: "createTable", table: usersTable }]);
    expect(reverseOperation(samples.renameTable)).toEqual([{ kind: "renameTable", schema: "app", from: "people", to: "users" }]);
    expect(reverseOperation(samples.addColumn)).toEqual([{ kind: "dropColumn", schema: "app", table: "users", column: "email", existing: emailColumn }]);
    expect(reverseOperation(samples.dropColumn)).toEqual([{ kind: "addColumn", table: "users", column: emailColumn }]);
    expect(reverseOperation(samples.alterColumn)).toEqual([
      {
        kind: "alterColumn",
        table: "users",
        column: "mail",
        newName: "email",
        type: { kind: "varchar", length: 255 },
        nullable: false,
        default: null,
        comment: null,
        generated: null,
        existingType: { kind: "varchar", length: 320 },
        existingNullable: true,
        existingDefault: { kind: "literal", value: "" },
        existingComment: "address",
        existingGenerated: null,
      },
    ]);
    expect(reverseOperation(samples.createIndex)).toEqual([{ kind: "dropIndex", table: "users", name: "ix_users_email", existing: emailIndex, concurrently: true }]);
    expect(reverseOperation(samples.dropIndex)).toEqual([{ kind: "createIndex", table: "users", index: emailIndex, ifNotExists: true }]);
    expect(reverseOperation(samples.createPrimaryKey)).toEqual([
      { kind: "dropConstraint", table: "users", name: "users_pkey", type: "primaryKey", existing: { type: "primaryKey", constraint: { name: "users_pkey", columns: ["id"] } } },
    ]);
    expect(reverseOperation(samples.createForeignKey)[0]).toMatchObject({ kind: "dropConstraint", table: "orders", name: "orders_user_id_fkey", type: "foreignKey" });
    expect(reverseOperation(samples.createUniqueConstraint)[0]).toMatchObject({ kind: "dropConstraint", type: "unique" });
    expect(reverseOperation(samples.createCheckConstraint)[0]).toMatchObject({ kind: "dropConstraint", type: "check", existing: { constraint: { expression: "age >= 0" } } });
    expect(reverseOperation(samples.dropConstraint)).toEqual([{ kind: "createUniqueConstraint", table: "users", constraint: { name: "users_email_key", columns: ["email"] } }]);
    expect(reverseOperation(samples.createTableComment)).toEqual([{ kind: "createTableComment", table: "users", comment: "old", existingComment: "people" }]);
    expect(reverseOperation(samples.dropTableComment)).toEqual([{ kind: "createTableComment", table: "users", comment: "people", existingComment: null }]);
    expect(reverseOperation(samples.createEnum)).toEqual([{ kind: "dropEnum", schema: "app", name: "mood", existing: { schema: "app", name: "mood", values: ["sad", "ok"] } }]);
    expect(reverseOperation(samples.dropEnum)).toEqual([{ kind: "createEnum", enum: { name: "mood", values: ["sad", "ok"] } }]);
    expect(reverseOperation(samples.createSchema)).toEqual([{ kind: "dropSchema", name: "billing" }]);
    expect(reverseOperation(samples.dropSchema)).toEqual([{ kind: "createSchema", name: "billing" }]);
    expect(reverseOperation(samples.renameEnumValue)).toEqual([{ kind: "renameEnumValue", name: "mood", from: "fine", to: "ok" }]);
    expect(reverseOperation(samples.execute)).toEqual([{ kind: "execute", sql: "UPDATE users SET active = false", reverse: "UPDATE users SET active = true" }]);
  });

  it("reverses a batch's operations in reverse order, as a batch", () => {
    const [reversed] = reverseOperation(samples.batchAlterTable);
    expect(reversed).toMatchObject({ kind: "batchAlterTable", table: "users", recreate: "auto" });
    expect(reversed!.kind === "batchAlterTable" && reversed!.operations.map((o) => o.kind)).toEqual(["alterColumn", "dropColumn"]);
    expect(reversed!.kind === "batchAlterTable" && reversed!.operations[0]).toEqual({ kind: "alterColumn", table: "users", column: "name", nullable: true, existingNullable: false, existingType: { kind: "text" } });
  });

  it("comment transitions from and to no comment", () => {
    expect(reverseOperation({ kind: "createTableComment", table: "t", comment: "c", existingComment: null })).toEqual([{ kind: "dropTableComment", table: "t", existingComment: "c" }]);
    expect(reverseOperation({ kind: "dropTableComment", table: "t", existingComment: null })).toEqual([]);
  });

  it("reverses a validation by dropping the validated constraint and adding it back NOT VALID", () => {
    const fk = { name: "orders_user_id_fkey", columns: ["user_id"], referencedTable: "users", referencedColumns: ["id"] };
    expect(reverseOperation(samples.validateConstraint)).toEqual([
      { kind: "dropConstraint", table: "orders", name: "orders_user_id_fkey", type: "foreignKey", existing: { type: "foreignKey", constraint: fk } },
      { kind: "createForeignKey", table: "orders", constraint: { ...fk, notValid: true } },
    ]);
    const check = { kind: "validateConstraint", table: "t", name: "t_ck", type: "check", existing: { type: "check", constraint: { name: "t_ck", expression: "a > 0", notValid: true } } } as const;
    expect(reverseOperation(check).map((o) => o.kind)).toEqual(["dropConstraint", "createCheckConstraint"]);
    expect(irreversibleError({ kind: "validateConstraint", table: "t", name: "t_ck", type: "check" }).hint).toBe("Pass existing: <the NOT VALID check definition> to validateConstraint.");
  });

  it.each(Object.keys(samples).filter((k) => !IRREVERSIBLE_KINDS.includes(k as OperationKind) && !REVERSED_OTHERWISE.includes(k as OperationKind)))("round-trips %s", (kind) => {
    const op = samples[kind as OperationKind];
    const back = reverseAll(reverseOperation(op));
    expect(back).toEqual([op]);
  });

  it("alterColumn drops USING when reversed (the way back needs its own)", () => {
    const [reversed] = reverseOperation({ kind: "alterColumn", table: "t", column: "c", type: { kind: "integer" }, existingType: { kind: "text" }, using: "c::integer" });
    expect(reversed).toEqual({ kind: "alterColumn", table: "t", column: "c", type: { kind: "text" }, existingType: { kind: "integer" } });
  });
});

describe("irreversible operations", () => {
  it("drops without their prior state say what to pass", () => {
    expect(irreversibleError({ kind: "dropTable", table: "orders" }).message).toBe('Cannot reverse "drop table orders": the table\'s definition is unknown.');
    expect(irreversibleError({ kind: "dropColumn", table: "users", column: "email" }).hint).toBe("Pass existing: <the column> to dropColumn.");
    expect(irreversibleError({ kind: "dropIndex", table: "users", name: "ix" }).hint).toMatch(/existing/);
    expect(irreversibleError({ kind: "dropConstraint", table: "users", name: "fk", type: "foreignKey" }).hint).toBe("Pass existing: <the foreignKey definition> to dropConstraint.");
    expect(irreversibleError({ kind: "dropEnum", name: "mood" }).hint).toBe("Pass existingValues to dropEnum.");
    expect(irreversibleError({ kind: "dropTableComment", table: "t" }).hint).toMatch(/existingComment/);
    expect(irreversibleError({ kind: "createTableComment", table: "t", comment: "x" }).hint).toMatch(/existingComment \(null if the table had none\)/);
  });

  it("alterColumn names every missing existing field", () => {
    const error = irreversibleError({ kind: "alterColumn", table: "users", column: "email", type: { kind: "text" }, nullable: false, comment: "x" });
    expect(error.message).toBe('Cannot reverse "alter column users.email (type, not null, comment)": the column\'s prior type, nullable, comment are unknown.');
    expect(error.hint).toBe("Pass existingType, existingNullable, existingComment to alterColumn.");
  });

  it("a dropConstraint whose existing constraint is of another type", () => {
    expect(irreversibleError({ kind: "dropConstraint", table: "t", name: "x", type: "check", existing: { type: "unique", constraint: { name: "x", columns: ["a"] } } }).message).toMatch(/is a unique, not a check/);
  });

  it("addEnumValue, with and without the previous values", () => {
    expect(irreversibleError({ kind: "addEnumValue", name: "mood", value: "happy" }).message).toMatch(/cannot remove an enum value/);
    const withValues = irreversibleError(samples.addEnumValue);
    expect(withValues.hint).toMatch(/create it again with \["sad", "ok"\]/);
  });

  it("execute without reverse SQL, and bulkInsert", () => {
    expect(irreversibleError({ kind: "execute", sql: "DELETE FROM t" }).message).toBe('Cannot reverse "execute SQL: DELETE FROM t": raw SQL has no known inverse.');
    expect(irreversibleError(samples.bulkInsert).hint).toMatch(/op\.execute\(sql`DELETE FROM/);
  });

  it("a batch containing an irreversible operation", () => {
    expect(irreversibleError({ kind: "batchAlterTable", table: "t", operations: [{ kind: "dropColumn", table: "t", column: "c" }] }).message).toMatch(/drop column t\.c/);
  });
});

describe("reverseAll", () => {
  it("reverses each operation, last first", () => {
    const ops: Operation[] = [samples.createTable, samples.createIndex, samples.execute];
    expect(reverseAll(ops).map((o) => o.kind)).toEqual(["execute", "dropIndex", "dropTable"]);
  });

  it("covers every operation kind", () => {
    expect(Object.keys(samples).sort()).toHaveLength(33);
  });
});

describe("unnamed constraints", () => {
  it("reverse to a drop that carries the definition (the SQLite rebuild matches it; elsewhere the database's default name)", () => {
    const constraint = { name: null, columns: ["a"] };
    expect(reverseOperation({ kind: "createUniqueConstraint", table: "t", constraint })).toEqual([
      { kind: "dropConstraint", table: "t", name: "t_a_key", type: "unique", existing: { type: "unique", constraint } },
    ]);
    expect(reverseOperation({ kind: "createCheckConstraint", table: "t", constraint: { name: null, expression: "a > 0" } })).toMatchObject([{ kind: "dropConstraint", type: "check", existing: { constraint: { expression: "a > 0" } } }]);
  });
});
