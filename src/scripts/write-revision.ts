/**
 * Writes a new revision file from templates/revision.ts.tmpl. The file is created exclusively
 * (never overwriting) and only after every check has passed, so a failed `revision` leaves no file.
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { MigrateError, withFileSystem } from "../errors.js";
import { packageFile } from "../core/package-files.js";

/** Everything that goes into a new revision file. */
export interface NewRevisionFile {
  id: string;
  message: string;
  downRevisions: string[];
  branchLabels: string[];
  dependsOn: string[];
  /** Body lines of upgrade() and downgrade(), already indented; empty means a placeholder comment. */
  upgradeBody?: string;
  downgradeBody?: string;
  /** Extra names to import from "athanor" besides the Operations type. */
  imports?: string[];
  createDate?: Date;
}

/** A fresh 12-hex-digit revision id, like Alembic's. */
export function newRevisionId(): string {
  return randomBytes(6).toString("hex");
}

/** File-name slug for a message: lower case, words joined by underscores, at most 40 characters. */
export function slugify(message: string): string {
  const slug = message
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 40)
    .replace(/_+$/, "");
  return slug || "revision";
}

function literal(value: string | string[] | null): string {
  if (value === null) return "null";
  return JSON.stringify(value);
}

function templatePath(): string {
  return packageFile("templates/revision.ts.tmpl");
}

/** Renders the revision file's text. */
export function renderRevisionFile(file: NewRevisionFile): string {
  const template = readFileSync(templatePath(), "utf8");
  const down = file.downRevisions.length === 0 ? null : file.downRevisions.length === 1 ? (file.downRevisions[0] as string) : file.downRevisions;
  const importNames = ["type Operations", ...(file.imports ?? [])];
  const values: Record<string, string> = {
    message: (file.message || "empty message").replace(/\*\//g, "* /").replace(/\r?\n/g, " "),
    revision: file.id,
    revises: file.downRevisions.length ? file.downRevisions.join(", ") : "None",
    createDate: (file.createDate ?? new Date()).toISOString().replace(/\.\d{3}Z$/, "Z"),
    imports: `import { ${importNames.join(", ")} } from "athanor";\n`,
    revisionLiteral: JSON.stringify(file.id),
    downRevision: literal(down),
    branchLabels: literal(file.branchLabels.length ? file.branchLabels : null),
    dependsOn: literal(file.dependsOn.length ? file.dependsOn : null),
    upgrade: file.upgradeBody?.trimEnd() || "  // Write the upgrade here, e.g. await op.addColumn(\"users\", \"email\", varchar(255));",
    downgrade: file.downgradeBody?.trimEnd() || "  // Undo the upgrade here, e.g. await op.dropColumn(\"users\", \"email\");",
  };
  return template.replace(/\$\{(\w+)\}/g, (_, key: string) => {
    const value = values[key];
    if (value === undefined) throw new MigrateError("script", `The revision template uses an unknown placeholder \${${key}}.`, { hint: "Fix templates/revision.ts.tmpl." });
    return value;
  });
}

/** Writes the file into `dir` as `<id>_<slug>.ts`; returns its path. Never overwrites. */
export function writeRevisionFile(dir: string, file: NewRevisionFile): string {
  const text = renderRevisionFile(file);
  const path = join(dir, `${file.id}_${slugify(file.message)}.ts`);
  if (existsSync(path)) {
    throw new MigrateError("file-exists", `${path} already exists.`, { hint: "Choose another --rev-id or message." });
  }
  withFileSystem("write", path, () => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(path, text, { flag: "wx" });
  });
  return path;
}
