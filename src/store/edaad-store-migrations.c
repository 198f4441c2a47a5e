/* edaad-store-migrations.c — numbered structural migrations and the schema-driven step.
 *
 * How the database grows:
 *  - a structural change (a new bookkeeping table, a new index strategy…) is a new entry at
 *    the end of `migrations` and EDAAD_STORE_SCHEMA_VERSION goes up by one;
 *  - a new field or kind in the schema needs no SQL at all: the schema-driven step that runs
 *    after the numbered migrations at every open creates missing kind tables, adds missing
 *    columns and indexes, and rebuilds the full-text index when the set of searchable fields
 *    changed.  (Still bump the version with an entry when old files must be transformed.)
 * Each numbered migration runs in its own transaction together with the new user_version and
 * meta.schema_version, so a crash leaves the file at a version boundary.
 */
#define G_LOG_DOMAIN "edaad-store-migrations"

#include "config.h"

#include "edaad-store-private.h"

#include <glib/gi18n-lib.h>

typedef gboolean (*MigrationFunc) (sqlite3 *db, GError **error);

static gboolean
exec_sql (sqlite3     *db,
          const char  *sql,
          GError     **error)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      g_set_error (error, EDAAD_STORE_ERROR, EDAAD_STORE_ERROR_FAILED,
                   _("Could not update the database structure: %s"),
                   message != NULL ? message : sqlite3_errmsg (db));
      sqlite3_free (message);
      return FALSE;
    }
  return TRUE;
}

/* 1: bookkeeping — meta, base snapshots, outbox, rejections, sync state. */
static gboolean
migration_1_bookkeeping (sqlite3  *db,
                         GError  **error)
{
  return exec_sql (db,
    "CREATE TABLE meta (\n"
    "  key TEXT PRIMARY KEY NOT NULL,\n"
    "  value TEXT\n"
    ");\n"
    "INSERT INTO meta (key, value) VALUES ('next_mutation_seq', '1');\n"
    "CREATE TABLE base (\n"
    "  type TEXT NOT NULL,\n"
    "  id TEXT NOT NULL,\n"
    "  version INTEGER NOT NULL,\n"
    "  fields TEXT NOT NULL DEFAULT '{}',\n"
    "  PRIMARY KEY (type, id)\n"
    ") WITHOUT ROWID;\n"
    "CREATE TABLE outbox (\n"
    "  pos INTEGER PRIMARY KEY AUTOINCREMENT,\n"
    "  mutation_id TEXT NOT NULL UNIQUE,\n"
    "  seq INTEGER UNIQUE,\n"
    "  type TEXT NOT NULL,\n"
    "  id TEXT NOT NULL,\n"
    "  op TEXT NOT NULL CHECK (op IN ('create', 'update', 'delete')),\n"
    "  scope TEXT,\n"
    "  base_version INTEGER NOT NULL DEFAULT 0,\n"
    "  changes TEXT NOT NULL DEFAULT '{}',\n"
    "  base TEXT NOT NULL DEFAULT '{}'\n"
    ");\n"
    "CREATE INDEX outbox_by_record ON outbox (type, id, pos);\n"
    "CREATE TABLE rejected (\n"
    "  mutation_id TEXT PRIMARY KEY NOT NULL,\n"
    "  seq INTEGER,\n"
    "  type TEXT NOT NULL,\n"
    "  id TEXT NOT NULL,\n"
    "  op TEXT NOT NULL,\n"
    "  changes TEXT NOT NULL DEFAULT '{}',\n"
    "  reason TEXT,\n"
    "  rejected_at TEXT\n"
    ");\n"
    "CREATE TABLE sync_state (\n"
    "  id INTEGER PRIMARY KEY CHECK (id = 1),\n"
    "  cursor TEXT,\n"
    "  complete INTEGER NOT NULL DEFAULT 0,\n"
    "  last_success TEXT\n"
    ");\n"
    "INSERT INTO sync_state (id) VALUES (1);\n",
    error);
}

/* 2: one table per kind, generated from the schema. */
static gboolean
migration_2_kind_tables (sqlite3  *db,
                         GError  **error)
{
  return edaad_store_ddl_ensure_tables (db, error);
}

/* 3: full-text search.  The index is filled by the schema-driven step (empty signature). */
static gboolean
migration_3_search (sqlite3  *db,
                    GError  **error)
{
  return exec_sql (db,
    "CREATE TABLE search_doc (\n"
    "  docid INTEGER PRIMARY KEY,\n"
    "  kind TEXT NOT NULL,\n"
    "  id TEXT NOT NULL,\n"
    "  UNIQUE (kind, id)\n"
    ");\n"
    "CREATE VIRTUAL TABLE search USING fts5 (title, body,\n"
    "  tokenize = 'unicode61 remove_diacritics 2');\n"
    "INSERT OR REPLACE INTO meta (key, value) VALUES ('search_signature', '');\n",
    error);
}

/* 4: what each delete tombstoned, so that undo restores exactly that. */
static gboolean
migration_4_deletions (sqlite3  *db,
                       GError  **error)
{
  return exec_sql (db,
    "CREATE TABLE deletion (\n"
    "  type TEXT NOT NULL,\n"
    "  id TEXT NOT NULL,\n"
    "  batch TEXT NOT NULL,\n"
    "  stashed TEXT,\n"
    "  PRIMARY KEY (type, id)\n"
    ");\n"
    "CREATE INDEX deletion_by_batch ON deletion (batch);\n",
    error);
}

/* 5: editor drafts — text typed into a field that is not valid yet (never synced). */
static gboolean
migration_5_drafts (sqlite3  *db,
                    GError  **error)
{
  return exec_sql (db,
    "CREATE TABLE draft (\n"
    "  kind TEXT NOT NULL,\n"
    "  id TEXT NOT NULL,\n"
    "  field TEXT NOT NULL,\n"
    "  text TEXT NOT NULL,\n"
    "  updated_at TEXT NOT NULL,\n"
    "  PRIMARY KEY (kind, id, field)\n"
    ") WITHOUT ROWID;\n",
    error);
}

static const MigrationFunc migrations[] = {
  migration_1_bookkeeping,
  migration_2_kind_tables,
  migration_3_search,
  migration_4_deletions,
  migration_5_drafts,
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == EDAAD_STORE_SCHEMA_VERSION);

int
edaad_store_read_user_version (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  int version = -1;

  if (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL) != SQLITE_OK)
    return -1;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  return version;
}

static gboolean
run_in_transaction (sqlite3        *db,
                    gboolean      (*func) (sqlite3 *, int, GError **),
                    int             arg,
                    GError        **error)
{
  if (!exec_sql (db, "BEGIN IMMEDIATE", error))
    return FALSE;
  if (!func (db, arg, error))
    {
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  return exec_sql (db, "COMMIT", error);
}

static gboolean
apply_migration (sqlite3  *db,
                 int       version,
                 GError  **error)
{
  g_autofree char *stamp = NULL;

  /* Another connection may have migrated while we waited for the write lock. */
  if (edaad_store_read_user_version (db) >= version)
    return TRUE;

  g_debug ("Migrating to schema version %d", version);
  if (!migrations[version - 1] (db, error))
    return FALSE;

  stamp = g_strdup_printf ("PRAGMA user_version = %d;\n"
                           "INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', '%d');",
                           version, version);
  return exec_sql (db, stamp, error);
}

static char *
read_meta (sqlite3    *db,
           const char *key)
{
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT value FROM meta WHERE key = ?1", -1, &stmt, NULL) != SQLITE_OK)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  return value;
}

static gboolean
schema_driven_step (sqlite3  *db,
                    int       unused,
                    GError  **error)
{
  g_autofree char *signature = edaad_store_search_signature ();
  g_autofree char *stored = NULL;

  if (!edaad_store_ddl_ensure_tables (db, error))
    return FALSE;

  stored = read_meta (db, "search_signature");
  if (g_strcmp0 (stored, signature) != 0)
    {
      if (!edaad_store_search_rebuild (db, error) ||
          !edaad_store_ddl_set_meta (db, "search_signature", signature, error))
        return FALSE;

      /* The rebuild changed the file's structure, hence its schema cookie: once more, so
       * that the DDL stamp describes the file as this step leaves it and the next open has
       * nothing to do (edaad-store-ddl.c). */
      if (!edaad_store_ddl_ensure_tables (db, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
edaad_store_migrate (sqlite3  *db,
                     int       target,
                     GError  **error)
{
  int current = edaad_store_read_user_version (db);

  g_return_val_if_fail (target >= 0 && target <= EDAAD_STORE_SCHEMA_VERSION, FALSE);

  if (current < 0)
    {
      g_set_error (error, EDAAD_STORE_ERROR, EDAAD_STORE_ERROR_FAILED,
                   _("Could not read the database version: %s"), sqlite3_errmsg (db));
      return FALSE;
    }

  for (int version = current + 1; version <= target; version++)
    if (!run_in_transaction (db, apply_migration, version, error))
      return FALSE;

  if (target == EDAAD_STORE_SCHEMA_VERSION)
    return run_in_transaction (db, schema_driven_step, 0, error);

  return TRUE;
}
