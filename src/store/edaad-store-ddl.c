/* edaad-store-ddl.c — per-kind tables generated from the schema, and rows ↔ records. */
#define G_LOG_DOMAIN "edaad-store-ddl"

#include "config.h"

#include "edaad-store-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* Columns every kind table has before its fields, in this order. */
#define N_META_COLUMNS 6
static const char * const meta_columns[N_META_COLUMNS] = {
  "id", "scope", "version", "deleted", "created_at", "updated_at",
};

char *
edaad_store_quote_ident (const char *name)
{
  GString *s = g_string_new ("\"");

  for (const char *p = name; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (s, '"');
      g_string_append_c (s, *p);
    }
  g_string_append_c (s, '"');

  return g_string_free (s, FALSE);
}

char *
edaad_store_table_name (const EdaadKindSpec *kind)
{
  g_autofree char *bare = g_strconcat ("rec_", kind->name, NULL);

  return edaad_store_quote_ident (bare);
}

const char *
edaad_store_ddl_column_type (const EdaadFieldSpec *field)
{
  switch (field->type)
    {
    case EDAAD_FIELD_INT:
    case EDAAD_FIELD_BOOL:
      return "INTEGER";
    case EDAAD_FIELD_REAL:
      return "REAL";
    case EDAAD_FIELD_STRING:
    case EDAAD_FIELD_ENUM:
    case EDAAD_FIELD_DATE:
    case EDAAD_FIELD_INSTANT:
    case EDAAD_FIELD_UUID:
    case EDAAD_FIELD_JSON:
      return "TEXT";
    default:
      g_assert_not_reached ();
    }
}

static void
append_column_list (GString             *s,
                    const EdaadKindSpec *kind,
                    const char          *prefix)
{
  for (guint i = 0; i < N_META_COLUMNS; i++)
    g_string_append_printf (s, "%s%s%s", i > 0 ? ", " : "", prefix, meta_columns[i]);
  for (guint i = 0; i < kind->n_fields; i++)
    {
      g_autofree char *q = edaad_store_quote_ident (kind->fields[i].name);
      g_string_append_printf (s, ", %s%s", prefix, q);
    }
}

void
edaad_kind_sql_init (EdaadKindSql        *sql,
                     const EdaadKindSpec *kind)
{
  g_autoptr(GString) select = g_string_new ("SELECT ");
  g_autoptr(GString) upsert = NULL;
  g_autoptr(GString) rowids = NULL;
  guint n_columns = N_META_COLUMNS + kind->n_fields;

  sql->kind = kind;
  sql->table = edaad_store_table_name (kind);

  append_column_list (select, kind, "");
  rowids = g_string_new (select->str);
  g_string_append_printf (rowids, ", rowid FROM %s WHERE rowid IN (", sql->table);
  for (guint i = 0; i < EDAAD_KIND_SQL_ROW_BLOCK; i++)
    g_string_append_printf (rowids, "%s?%u", i > 0 ? ", " : "", i + 1);
  g_string_append_c (rowids, ')');
  sql->select_rowids_sql = g_string_free (g_steal_pointer (&rowids), FALSE);
  sql->rowid_by_id_sql = g_strdup_printf ("SELECT rowid FROM %s WHERE id = ?1", sql->table);
  g_string_append_printf (select, " FROM %s WHERE id = ?1", sql->table);
  sql->select_sql = g_string_free (g_steal_pointer (&select), FALSE);

  upsert = g_string_new (NULL);
  g_string_append_printf (upsert, "INSERT INTO %s (", sql->table);
  append_column_list (upsert, kind, "");
  g_string_append (upsert, ") VALUES (");
  for (guint i = 0; i < n_columns; i++)
    g_string_append_printf (upsert, "%s?%u", i > 0 ? ", " : "", i + 1);
  g_string_append (upsert, ") ON CONFLICT (id) DO UPDATE SET ");
  for (guint i = 1; i < N_META_COLUMNS; i++)
    g_string_append_printf (upsert, "%s%s = excluded.%s", i > 1 ? ", " : "",
                            meta_columns[i], meta_columns[i]);
  for (guint i = 0; i < kind->n_fields; i++)
    {
      g_autofree char *q = edaad_store_quote_ident (kind->fields[i].name);
      g_string_append_printf (upsert, ", %s = excluded.%s", q, q);
    }
  sql->upsert_sql = g_string_free (g_steal_pointer (&upsert), FALSE);
}

void
edaad_kind_sql_clear (EdaadKindSql *sql)
{
  g_clear_pointer (&sql->table, g_free);
  g_clear_pointer (&sql->select_sql, g_free);
  g_clear_pointer (&sql->select_rowids_sql, g_free);
  g_clear_pointer (&sql->rowid_by_id_sql, g_free);
  g_clear_pointer (&sql->upsert_sql, g_free);
}

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

/* The names of the columns an existing table has (empty when it does not exist). */
static GHashTable *
table_columns (sqlite3     *db,
               const char  *bare_table,
               GError     **error)
{
  g_autoptr(GHashTable) columns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, "SELECT name FROM pragma_table_info (?1)", -1, &stmt, NULL) != SQLITE_OK)
    {
      g_set_error (error, EDAAD_STORE_ERROR, EDAAD_STORE_ERROR_FAILED,
                   _("Could not read the database structure: %s"), sqlite3_errmsg (db));
      return NULL;
    }
  sqlite3_bind_text (stmt, 1, bare_table, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (columns, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, EDAAD_STORE_ERROR, EDAAD_STORE_ERROR_FAILED,
                   _("Could not read the database structure: %s"), sqlite3_errmsg (db));
      return NULL;
    }

  return g_steal_pointer (&columns);
}

/* Appends to `sql` what gives `kind` its table, columns and indexes, given the columns its
 * table has (NULL or empty: there is no table yet). */
static void
append_kind_ddl (GString             *sql,
                 const EdaadKindSpec *kind,
                 GHashTable          *columns)
{
  g_autofree char *bare = g_strconcat ("rec_", kind->name, NULL);
  g_autofree char *table = edaad_store_quote_ident (bare);
  g_autofree char *title_sort = NULL;
  const char *default_sort = "created_at";

  if (columns == NULL || g_hash_table_size (columns) == 0)
    {
      g_string_append_printf (sql,
                              "CREATE TABLE %s (\n"
                              "  id TEXT PRIMARY KEY NOT NULL,\n"
                              "  scope TEXT NOT NULL,\n"
                              "  version INTEGER NOT NULL DEFAULT 0,\n"
                              "  deleted INTEGER NOT NULL DEFAULT 0,\n"
                              "  created_at TEXT,\n"
                              "  updated_at TEXT,\n"
                              "  extra TEXT",
                              table);
      for (guint i = 0; i < kind->n_fields; i++)
        {
          g_autofree char *q = edaad_store_quote_ident (kind->fields[i].name);
          g_string_append_printf (sql, ",\n  %s %s", q, edaad_store_ddl_column_type (&kind->fields[i]));
        }
      g_string_append (sql, "\n);\n");
    }
  else
    {
      /* Growth: a field added to the schema becomes a column of the existing table. */
      for (guint i = 0; i < kind->n_fields; i++)
        {
          g_autofree char *q = NULL;

          if (g_hash_table_contains (columns, kind->fields[i].name))
            continue;
          q = edaad_store_quote_ident (kind->fields[i].name);
          g_string_append_printf (sql, "ALTER TABLE %s ADD COLUMN %s %s;\n",
                                  table, q, edaad_store_ddl_column_type (&kind->fields[i]));
        }
    }

  /* Indexes: live rows by scope, and every indexed, parent or title field. */
  g_string_append_printf (sql, "CREATE INDEX IF NOT EXISTS \"%s_by_scope\" ON %s (scope, deleted);\n",
                          bare, table);
  for (guint i = 0; i < kind->n_fields; i++)
    {
      const EdaadFieldSpec *field = &kind->fields[i];
      g_autofree char *q = NULL;

      if ((field->flags & (EDAAD_FIELD_INDEXED | EDAAD_FIELD_PARENT | EDAAD_FIELD_TITLE)) == 0)
        continue;
      q = edaad_store_quote_ident (field->name);
      g_string_append_printf (sql, "CREATE INDEX IF NOT EXISTS \"%s_by_%s\" ON %s (deleted, %s);\n",
                              bare, field->name, table, q);
      /* Lists sort text case-insensitively (EdaadRecordList): an index in that order lets
       * them read the ordered rowids from the index alone, without sorting. */
      if (field->type == EDAAD_FIELD_STRING && (field->flags & (EDAAD_FIELD_INDEXED | EDAAD_FIELD_TITLE)))
        g_string_append_printf (sql, "CREATE INDEX IF NOT EXISTS \"%s_sort_%s\" ON %s (deleted, %s COLLATE NOCASE);\n",
                                bare, field->name, table, q);
    }
  /* The default order of a list of this kind (EdaadRecordList): position, else title
   * (indexed above), else creation. */
  if (edaad_kind_lookup_field (kind, "position") != NULL)
    {
      default_sort = "\"position\"";
      g_string_append_printf (sql, "CREATE INDEX IF NOT EXISTS \"%s_by_position\" ON %s (deleted, \"position\");\n",
                              bare, table);
    }
  else if (edaad_kind_title_field (kind) != NULL)
    default_sort = title_sort = g_strdup_printf ("\"%s\" COLLATE NOCASE", edaad_kind_title_field (kind)->name);
  else
    g_string_append_printf (sql, "CREATE INDEX IF NOT EXISTS \"%s_by_created_at\" ON %s (deleted, created_at);\n",
                            bare, table);
  /* A list filtered on an enum (a status…) in its default order reads the matching rows
   * and their sort key from one index, without touching the table. */
  for (guint i = 0; i < kind->n_fields; i++)
    {
      const EdaadFieldSpec *field = &kind->fields[i];
      g_autofree char *q = NULL;

      if (field->type != EDAAD_FIELD_ENUM || !(field->flags & EDAAD_FIELD_INDEXED))
        continue;
      q = edaad_store_quote_ident (field->name);
      g_string_append_printf (sql, "CREATE INDEX IF NOT EXISTS \"%s_by_%s_sorted\" ON %s (deleted, %s, %s);\n",
                              bare, field->name, table, q, default_sort);
    }
}

static gboolean
ensure_kind_table (sqlite3             *db,
                   const EdaadKindSpec *kind,
                   GError             **error)
{
  g_autofree char *bare = g_strconcat ("rec_", kind->name, NULL);
  g_autoptr(GHashTable) columns = table_columns (db, bare, error);
  g_autoptr(GString) sql = g_string_new (NULL);

  if (columns == NULL)
    return FALSE;
  append_kind_ddl (sql, kind, columns);
  return exec_sql (db, sql->str, error);
}

/* ---- the DDL stamp ----
 *
 * At every open, the tables are brought in line with the schema: every table's columns are
 * read and every index is asked for again, which costs about a millisecond on each start
 * although a file this build has opened before never needs any of it.  So once done,
 * meta.ddl_stamp records what it was done for: a checksum of the DDL this build generates,
 * and SQLite's schema cookie (PRAGMA schema_version), which goes up with every change to
 * the structure of the file, whoever makes it.  While both still match, there is nothing
 * to do.  A new field or kind changes the checksum; a table, column or index dropped or
 * added from outside changes the cookie; either way the whole step runs again. */

static const char *
ddl_signature (void)
{
  static char *signature;
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      g_autoptr(GString) sql = g_string_new (NULL);

      for (guint k = 0; k < edaad_schema_n_kinds (); k++)
        append_kind_ddl (sql, edaad_schema_kind_at (k), NULL);
      signature = g_compute_checksum_for_string (G_CHECKSUM_SHA256, sql->str, sql->len);
      g_once_init_leave (&initialized, 1);
    }
  return signature;
}

/* "<checksum> <schema cookie>", or NULL when the cookie cannot be read. */
static char *
ddl_stamp (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  char *stamp = NULL;

  if (sqlite3_prepare_v2 (db, "PRAGMA schema_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    stamp = g_strdup_printf ("%s %" G_GINT64_FORMAT, ddl_signature (), (gint64) sqlite3_column_int64 (stmt, 0));
  sqlite3_finalize (stmt);
  return stamp;
}

static char *
read_ddl_stamp (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  char *stamp = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT value FROM meta WHERE key = 'ddl_stamp'", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    stamp = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return stamp;
}

/* Sets meta's `key` to `value` on a raw connection, failing as a structure update. */
gboolean
edaad_store_ddl_set_meta (sqlite3     *db,
                          const char  *key,
                          const char  *value,
                          GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, EDAAD_STORE_ERROR, EDAAD_STORE_ERROR_FAILED,
                   _("Could not update the database structure: %s"), sqlite3_errmsg (db));
      return FALSE;
    }
  return TRUE;
}

gboolean
edaad_store_ddl_ensure_tables (sqlite3  *db,
                               GError  **error)
{
  g_autofree char *recorded = read_ddl_stamp (db);
  g_autofree char *before = ddl_stamp (db);
  g_autofree char *after = NULL;

  if (before == NULL || g_strcmp0 (recorded, before) != 0)
    {
      for (guint k = 0; k < edaad_schema_n_kinds (); k++)
        if (!ensure_kind_table (db, edaad_schema_kind_at (k), error))
          return FALSE;
    }
  /* Not covered by the stamp (their SQL is not in the checksum), and only a few. */
  if (!edaad_store_aggregates_ensure_indexes (db, error))
    return FALSE;

  after = ddl_stamp (db);
  if (after != NULL && g_strcmp0 (recorded, after) != 0)
    return edaad_store_ddl_set_meta (db, "ddl_stamp", after, error);
  return TRUE;
}

EdaadRecord *
edaad_store_row_to_record (const EdaadKindSpec *kind,
                           sqlite3_stmt        *stmt)
{
  EdaadRecord *record = edaad_record_new (kind);

  edaad_record_set_id (record, (const char *) sqlite3_column_text (stmt, 0));
  edaad_record_set_scope (record, (const char *) sqlite3_column_text (stmt, 1));
  edaad_record_set_version (record, sqlite3_column_int64 (stmt, 2));
  edaad_record_set_deleted (record, sqlite3_column_int (stmt, 3) != 0);
  edaad_record_set_created_at (record, (const char *) sqlite3_column_text (stmt, 4));
  edaad_record_set_updated_at (record, (const char *) sqlite3_column_text (stmt, 5));

  for (guint i = 0; i < kind->n_fields; i++)
    {
      const EdaadFieldSpec *field = &kind->fields[i];
      int col = N_META_COLUMNS + (int) i;
      GVariant *value = NULL;

      if (sqlite3_column_type (stmt, col) == SQLITE_NULL)
        continue;

      switch (field->type)
        {
        case EDAAD_FIELD_INT:
          value = g_variant_new_int64 (sqlite3_column_int64 (stmt, col));
          break;
        case EDAAD_FIELD_BOOL:
          value = g_variant_new_boolean (sqlite3_column_int64 (stmt, col) != 0);
          break;
        case EDAAD_FIELD_REAL:
          value = g_variant_new_double (sqlite3_column_double (stmt, col));
          break;
        case EDAAD_FIELD_STRING:
        case EDAAD_FIELD_ENUM:
        case EDAAD_FIELD_DATE:
        case EDAAD_FIELD_INSTANT:
        case EDAAD_FIELD_UUID:
        case EDAAD_FIELD_JSON:
          value = g_variant_new_string ((const char *) sqlite3_column_text (stmt, col));
          break;
        default:
          g_assert_not_reached ();
        }
      edaad_record_set_value (record, field->name, value);
    }

  return record;
}

static void
bind_text_or_null (sqlite3_stmt *stmt,
                   int           index,
                   const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

void
edaad_store_bind_record (sqlite3_stmt *stmt,
                         EdaadRecord  *record)
{
  const EdaadKindSpec *kind = edaad_record_get_kind (record);

  bind_text_or_null (stmt, 1, edaad_record_get_id (record));
  bind_text_or_null (stmt, 2, edaad_record_get_scope (record));
  sqlite3_bind_int64 (stmt, 3, edaad_record_get_version (record));
  sqlite3_bind_int (stmt, 4, edaad_record_get_deleted (record) ? 1 : 0);
  bind_text_or_null (stmt, 5, edaad_record_get_created_at (record));
  bind_text_or_null (stmt, 6, edaad_record_get_updated_at (record));

  for (guint i = 0; i < kind->n_fields; i++)
    {
      const EdaadFieldSpec *field = &kind->fields[i];
      GVariant *value = edaad_record_get_value (record, field->name);
      int index = N_META_COLUMNS + (int) i + 1;

      if (value == NULL)
        {
          sqlite3_bind_null (stmt, index);
          continue;
        }

      switch (field->type)
        {
        case EDAAD_FIELD_INT:
          sqlite3_bind_int64 (stmt, index, g_variant_get_int64 (value));
          break;
        case EDAAD_FIELD_BOOL:
          sqlite3_bind_int (stmt, index, g_variant_get_boolean (value) ? 1 : 0);
          break;
        case EDAAD_FIELD_REAL:
          sqlite3_bind_double (stmt, index, g_variant_get_double (value));
          break;
        case EDAAD_FIELD_STRING:
        case EDAAD_FIELD_ENUM:
        case EDAAD_FIELD_DATE:
        case EDAAD_FIELD_INSTANT:
        case EDAAD_FIELD_UUID:
        case EDAAD_FIELD_JSON:
          sqlite3_bind_text (stmt, index, g_variant_get_string (value, NULL), -1, SQLITE_TRANSIENT);
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

EdaadRecord *
edaad_store_load (EdaadStore          *self,
                  const EdaadKindSpec *kind,
                  const char          *id,
                  GError             **error)
{
  const EdaadKindSql *sql = edaad_store_kind_sql (self, kind->name);
  sqlite3_stmt *stmt = edaad_store_prepare (self, sql->select_sql, error);
  EdaadRecord *record = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    record = edaad_store_row_to_record (kind, stmt);
  else if (rc == SQLITE_DONE)
    g_set_error (error, EDAAD_STORE_ERROR, EDAAD_STORE_ERROR_NOT_FOUND,
                 _("%s “%s” was not found in %s."),
                 g_dgettext (GETTEXT_PACKAGE, kind->label), id, self->path);
  else
    edaad_store_set_sqlite_error (self, error);
  sqlite3_reset (stmt);

  return record;
}

gboolean
edaad_store_write_row (EdaadStore   *self,
                       EdaadRecord  *record,
                       GError      **error)
{
  const EdaadKindSql *sql = edaad_store_kind_sql (self, edaad_record_get_kind_name (record));
  sqlite3_stmt *stmt = edaad_store_prepare (self, sql->upsert_sql, error);

  if (stmt == NULL)
    return FALSE;
  edaad_store_bind_record (stmt, record);
  if (!edaad_store_step_done (self, stmt, error))
    return FALSE;

  if (edaad_record_get_deleted (record))
    return edaad_store_search_unindex (self, edaad_record_get_kind_name (record),
                                       edaad_record_get_id (record), error);
  return edaad_store_search_index (self, record, error);
}
