/**
 * Errors athanor raises for things a user can fix. Nothing here prints: the CLI turns a
 * MigrateError into one message (plus its hint) and an exit code; anything that is not a
 * MigrateError is a bug and is shown with its stack.
 */

/** Exit code for a failed command. */
export const EXIT_FAILURE = 1;
/** Exit code for a usage error (bad arguments, unknown command or option). */
export const EXIT_USAGE = 2;

/** Stable machine-readable error codes, one per kind of user error. */
export type ErrorCode =
  | "usage"
  | "config"
  | "url"
  | "connection"
  | "auth"
  | "database-missing"
  | "script"
  | "revision-graph"
  | "target"
  | "ambiguous-revision"
  | "unknown-revision"
  | "multiple-heads"
  | "version-table"
  | "unsupported-operation"
  | "irreversible"
  | "sql"
  | "lock-timeout"
  | "lock-held"
  | "interrupted"
  | "model"
  | "not-up-to-date"
  | "check-failed"
  | "partial-revision"
  | "file-exists"
  | "file-system"
  | "driver-missing";

/** Options shared by every MigrateError. */
export interface MigrateErrorOptions {
  /** One sentence on how to fix it. */
  hint?: string;
  /** The underlying error, kept for --verbose. */
  cause?: unknown;
  /** Overrides the exit code (default 1). */
  exitCode?: number;
}

/** An error the user can act on: a message saying what went wrong and a hint saying what to do. */
export class MigrateError extends Error {
  readonly code: ErrorCode;
  readonly hint: string | undefined;
  readonly exitCode: number;

  constructor(code: ErrorCode, message: string, options: MigrateErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "MigrateError";
    this.code = code;
    this.hint = options.hint;
    this.exitCode = options.exitCode ?? EXIT_FAILURE;
  }
}

/** Bad command-line usage: exit code 2. */
export class UsageError extends MigrateError {
  constructor(message: string, options: MigrateErrorOptions = {}) {
    super("usage", message, { ...options, exitCode: EXIT_USAGE });
    this.name = "UsageError";
  }
}

/** The configuration file or a setting in it is wrong. */
export class ConfigError extends MigrateError {
  constructor(message: string, options: MigrateErrorOptions = {}) {
    super("config", message, options);
    this.name = "ConfigError";
  }
}

/** A revision file on disk is malformed, cannot be imported, or lacks an export. */
export class ScriptError extends MigrateError {
  constructor(message: string, options: MigrateErrorOptions = {}) {
    super("script", message, options);
    this.name = "ScriptError";
  }
}

/** The revision graph is invalid: duplicate ids, missing parents, cycles, duplicate labels. */
export class RevisionGraphError extends MigrateError {
  constructor(message: string, options: MigrateErrorOptions = {}) {
    super("revision-graph", message, options);
    this.name = "RevisionGraphError";
  }
}

/** A target such as `head`, `ae10+2` or `label@-1` cannot be resolved. */
export class TargetError extends MigrateError {
  constructor(code: "target" | "ambiguous-revision" | "unknown-revision" | "multiple-heads", message: string, options: MigrateErrorOptions = {}) {
    super(code, message, options);
    this.name = "TargetError";
  }
}

/** A dialect cannot express an operation; raised before any statement runs. */
export class UnsupportedOperationError extends MigrateError {
  constructor(message: string, options: MigrateErrorOptions = {}) {
    super("unsupported-operation", message, options);
    this.name = "UnsupportedOperationError";
  }
}

/** An SQL statement failed; the message names the revision and the statement. */
export class SqlError extends MigrateError {
  readonly statement: string | undefined;
  constructor(message: string, statement?: string, options: MigrateErrorOptions = {}) {
    super("sql", message, options);
    this.name = "SqlError";
    this.statement = statement;
  }
}

/** The database could not be reached, the login failed, or the database does not exist. */
export class ConnectionError extends MigrateError {
  constructor(code: "url" | "connection" | "auth" | "database-missing", message: string, options: MigrateErrorOptions = {}) {
    super(code, message, options);
    this.name = "ConnectionError";
  }
}

/**
 * Runs a file-system action, turning a failure (permissions, a file where a folder should be, a
 * full disk) into one clear message naming what was being done and the path.
 */
export function withFileSystem<T>(action: string, path: string, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof MigrateError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === "EACCES" || code === "EPERM" ? "permission denied" : code === "ENOTDIR" || code === "EEXIST" ? "a file is in the way of a folder" : code === "ENOSPC" ? "the disk is full" : (error as Error).message;
    throw new MigrateError("file-system", `Could not ${action} ${path}: ${reason}.`, { hint: "Check the path and its permissions.", cause: error });
  }
}

/** True when `error` is a MigrateError (also across duplicated module instances). */
export function isMigrateError(error: unknown): error is MigrateError {
  return error instanceof MigrateError || (error instanceof Error && typeof (error as Partial<MigrateError>).code === "string" && "hint" in error && "exitCode" in error);
}
