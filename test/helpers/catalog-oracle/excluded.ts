/** athanor's own bookkeeping tables: present only in the migrated database, never compared. */
export const ORACLE_EXCLUDED_TABLES = ["athanor_version", "athanor_version_log"];
