/** Where the version table lives and what it is called. */
export interface VersionTableName {
  schema?: string | null;
  name: string;
}
