/** The name of a supported dialect; neutral so config, catalog and operations can name one without importing the dialect layer. */
export type DialectName = "postgres" | "mysql" | "sqlite";
