/* edaad-store.c — the store object: opening, statement cache, transactions, ::changed. */
#define G_LOG_DOMAIN "edaad-store"

#include "config.h"

#include "edaad-store.h"

#include "edaad-store-private.h"
#include "edaad-uuid.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <inttypes.h>
#include <string.h>
#include <sys/stat.h>

#define BUSY_TIMEOUT_MS 5000

G_DEFINE_FINAL_TYPE (EdaadStore, edaad_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (edaad-store-error-quark, edaad_store_error)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
statement_free (gpointer data)
{
  sqlite3_finalize (data);
}

static void
pending_change_clear (gpointer data)
{
  PendingChange *change = data;

  g_clear_pointer (&change->id, g_free);
}

/* ---- the verified stamp ----
 *
 * PRAGMA quick_check reads the whole file: on a large store it takes longer than all the
 * rest of a start.  So an existing file is checked whenever Edaad cannot vouch for it, and
 * trusted only when it is exactly as Edaad left it after a clean close.  That close writes
 * "<file>-verified" holding the file's device, inode, size, modification and change times;
 * the next open deletes the stamp (a crash then leaves none behind) and skips the check only
 * when the stamp matched and no -wal file was left over.  Any change made from outside —
 * a copy, a restore, another program, a disk tool — gives the file a new change time, so it
 * is checked again.  Damage that happens in place without any of that is still reported,
 * later, by the SQLite error of the statement that meets it. */

static char *
verified_identity (const char *path)
{
  struct stat st;

  if (stat (path, &st) != 0)
    return NULL;
  return g_strdup_printf ("edaad-verified 1 %" PRIuMAX " %" PRIuMAX " %" PRIdMAX
                          " %" PRIdMAX ".%09ld %" PRIdMAX ".%09ld\n",
                          (uintmax_t) st.st_dev, (uintmax_t) st.st_ino, (intmax_t) st.st_size,
                          (intmax_t) st.st_mtim.tv_sec, st.st_mtim.tv_nsec,
                          (intmax_t) st.st_ctim.tv_sec, st.st_ctim.tv_nsec);
}

/* Whether `path` is as a clean close left it; the stamp is used up either way. */
static gboolean
take_verified_stamp (const char *path)
{
  g_autofree char *stamp_path = g_strconcat (path, "-verified", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *stamp = NULL;
  g_autofree char *identity = NULL;
  gboolean matched;

  if (!g_file_get_contents (stamp_path, &stamp, NULL, NULL))
    return FALSE;
  identity = verified_identity (path);
  matched = identity != NULL && g_str_equal (stamp, identity) && !g_file_test (wal, G_FILE_TEST_EXISTS);
  /* A stamp that cannot be removed could outlive a crash: then it is not trusted. */
  return g_unlink (stamp_path) == 0 && matched;
}

/* After a clean close: when this was the last connection (SQLite then removes the WAL). */
static void
write_verified_stamp (const char *path)
{
  g_autofree char *stamp_path = g_strconcat (path, "-verified", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *identity = NULL;

  if (g_file_test (wal, G_FILE_TEST_EXISTS))
    return;
  identity = verified_identity (path);
  if (identity != NULL && !g_file_set_contents (stamp_path, identity, -1, NULL))
    g_debug ("Could not write %s; the next open checks the whole file", stamp_path);
}

static void
edaad_store_finalize (GObject *object)
{
  EdaadStore *self = (EdaadStore *) object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL && sqlite3_close_v2 (self->db) == SQLITE_OK && self->path != NULL)
    write_verified_stamp (self->path);
  for (guint i = 0; i < self->n_kinds; i++)
    edaad_kind_sql_clear (&self->kinds[i]);
  g_free (self->kinds);
  g_free (self->path);
  g_free (self->device_id);
  g_free (self->plan_rollup_sql);
  for (guint i = 0; i < G_N_ELEMENTS (self->local_scopes); i++)
    g_free (self->local_scopes[i]);
  g_clear_pointer (&self->pending, g_array_unref);

  G_OBJECT_CLASS (edaad_store_parent_class)->finalize (object);
}

static void
edaad_store_class_init (EdaadStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = edaad_store_finalize;

  /**
   * EdaadStore::changed:
   * @kind: the kind name
   * @ids: (array zero-terminated=1): the ids written
   *
   * Emitted after a transaction committed, once per kind it wrote.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                                   G_TYPE_STRING, G_TYPE_STRV);
}

static void
edaad_store_init (EdaadStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, statement_free);
  self->pending = g_array_new (FALSE, TRUE, sizeof (PendingChange));
  g_array_set_clear_func (self->pending, pending_change_clear);
  self->n_kinds = edaad_schema_n_kinds ();
  self->kinds = g_new0 (EdaadKindSql, self->n_kinds);
  for (guint i = 0; i < self->n_kinds; i++)
    edaad_kind_sql_init (&self->kinds[i], edaad_schema_kind_at (i));
}

/* ---- errors ---- */

static EdaadStoreError
error_code_for (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return EDAAD_STORE_ERROR_CORRUPT;
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_AUTH:
      return EDAAD_STORE_ERROR_OPEN;
    default:
      return EDAAD_STORE_ERROR_FAILED;
    }
}

static void
set_error_for_db (sqlite3     *db,
                  const char  *path,
                  GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);
  int rc = sqlite3_extended_errcode (db);

  switch (error_code_for (rc))
    {
    case EDAAD_STORE_ERROR_CORRUPT:
      g_set_error (error, EDAAD_STORE_ERROR, EDAAD_STORE_ERROR_CORRUPT,
                   _("The database “%s” is damaged or is not an Edaad database (%s). "
                     "It was left as it is."), display, sqlite3_errmsg (db));
      break;
    case EDAAD_STORE_ERROR_OPEN:
      g_set_error (error, EDAAD_STORE_ERROR, EDAAD_STORE_ERROR_OPEN,
                   _("The database “%s” cannot be opened for writing (%s). "
                     "Check that its folder exists and is writable."), display, sqlite3_errmsg (db));
      break;
    default:
      g_set_error (error, EDAAD_STORE_ERROR, EDAAD_STORE_ERROR_FAILED,
                   _("The database “%s” reported an error: %s"), display, sqlite3_errmsg (db));
      break;
    }
}

void
edaad_store_set_sqlite_error (EdaadStore  *self,
                              GError     **error)
{
  set_error_for_db (self->db, self->path, error);
}

/* ---- statements ---- */

sqlite3_stmt *
edaad_store_prepare (EdaadStore  *self,
                     const char  *sql,
                     GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      edaad_store_set_sqlite_error (self, error);
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);

  return stmt;
}

gboolean
edaad_store_step_done (EdaadStore    *self,
                       sqlite3_stmt  *stmt,
                       GError       **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ;
  if (rc != SQLITE_DONE)
    {
      edaad_store_set_sqlite_error (self, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

gboolean
edaad_store_exec (EdaadStore  *self,
                  const char  *sql,
                  GError     **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      edaad_store_set_sqlite_error (self, error);
      return FALSE;
    }
  return TRUE;
}

const EdaadKindSql *
edaad_store_kind_sql (EdaadStore *self,
                      const char *kind)
{
  for (guint i = 0; i < self->n_kinds; i++)
    if (strcmp (self->kinds[i].kind->name, kind) == 0)
      return &self->kinds[i];
  g_return_val_if_reached (NULL);
}

/* ---- meta ---- */

char *
edaad_store_meta_get (EdaadStore  *self,
                      const char  *key,
                      GError     **error)
{
  sqlite3_stmt *stmt = edaad_store_prepare (self, "SELECT value FROM meta WHERE key = ?1", error);
  char *value = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  else if (rc != SQLITE_DONE)
    edaad_store_set_sqlite_error (self, error);
  sqlite3_reset (stmt);

  return value;
}

gboolean
edaad_store_meta_set (EdaadStore  *self,
                      const char  *key,
                      const char  *value,
                      GError     **error)
{
  sqlite3_stmt *stmt = edaad_store_prepare (self,
                                            "INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)",
                                            error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
  return edaad_store_step_done (self, stmt, error);
}

/* ---- transactions and ::changed ---- */

gboolean
edaad_store_begin (EdaadStore  *self,
                   GError     **error)
{
  g_autofree char *sql = NULL;

  if (self->tx_depth == 0)
    sql = g_strdup ("BEGIN IMMEDIATE");
  else
    sql = g_strdup_printf ("SAVEPOINT sp%u", self->tx_depth);
  if (!edaad_store_exec (self, sql, error))
    return FALSE;
  self->tx_depth++;
  return TRUE;
}

static void
drop_pending_from (EdaadStore *self,
                   guint       depth)
{
  for (guint i = self->pending->len; i > 0; i--)
    if (g_array_index (self->pending, PendingChange, i - 1).depth >= depth)
      g_array_remove_index (self->pending, i - 1);
}

static void
emit_pending (EdaadStore *self)
{
  g_autoptr(GArray) pending = g_steal_pointer (&self->pending);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  g_autoptr(GHashTable) by_kind = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                                         (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  self->pending = g_array_new (FALSE, TRUE, sizeof (PendingChange));
  g_array_set_clear_func (self->pending, pending_change_clear);

  for (guint i = 0; i < pending->len; i++)
    {
      PendingChange *change = &g_array_index (pending, PendingChange, i);
      g_autofree char *key = g_strconcat (change->kind->name, "/", change->id, NULL);
      GPtrArray *ids = g_hash_table_lookup (by_kind, change->kind);

      if (g_hash_table_contains (seen, key))
        continue;
      g_hash_table_add (seen, g_steal_pointer (&key));
      if (ids == NULL)
        {
          ids = g_ptr_array_new_with_free_func (g_free);
          g_hash_table_insert (by_kind, (gpointer) change->kind, ids);
          g_ptr_array_add (order, (gpointer) change->kind);
        }
      g_ptr_array_add (ids, g_strdup (change->id));
    }

  for (guint i = 0; i < order->len; i++)
    {
      const EdaadKindSpec *kind = g_ptr_array_index (order, i);
      GPtrArray *ids = g_hash_table_lookup (by_kind, kind);

      g_ptr_array_add (ids, NULL);
      g_signal_emit (self, signals[CHANGED], 0, kind->name, (GStrv) ids->pdata);
    }
}

gboolean
edaad_store_commit (EdaadStore  *self,
                    GError     **error)
{
  g_autofree char *sql = NULL;
  guint level = self->tx_depth;

  g_return_val_if_fail (level > 0, FALSE);

  if (level == 1)
    {
      if (!edaad_store_exec (self, "COMMIT", error))
        {
          edaad_store_rollback (self);
          return FALSE;
        }
      self->tx_depth = 0;
      emit_pending (self);
      return TRUE;
    }

  sql = g_strdup_printf ("RELEASE sp%u", level - 1);
  if (!edaad_store_exec (self, sql, error))
    {
      edaad_store_rollback (self);
      return FALSE;
    }
  self->tx_depth--;
  for (guint i = 0; i < self->pending->len; i++)
    {
      PendingChange *change = &g_array_index (self->pending, PendingChange, i);
      if (change->depth >= level)
        change->depth = level - 1;
    }
  return TRUE;
}

void
edaad_store_rollback (EdaadStore *self)
{
  guint level = self->tx_depth;

  g_return_if_fail (level > 0);

  if (level == 1)
    {
      /* Fails only when SQLite already rolled back by itself (e.g. SQLITE_FULL). */
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
    }
  else
    {
      g_autofree char *sql = g_strdup_printf ("ROLLBACK TO sp%u; RELEASE sp%u", level - 1, level - 1);
      sqlite3_exec (self->db, sql, NULL, NULL, NULL);
    }
  drop_pending_from (self, level);
  self->tx_depth--;
}

void
edaad_store_note_change (EdaadStore          *self,
                         const EdaadKindSpec *kind,
                         const char          *id)
{
  PendingChange change = { kind, g_strdup (id), self->tx_depth };

  g_assert (self->tx_depth > 0);
  g_array_append_val (self->pending, change);
}

gboolean
edaad_store_run_batch (EdaadStore           *self,
                       EdaadStoreBatchFunc   func,
                       gpointer              user_data,
                       GError              **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (EDAAD_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  if (!edaad_store_begin (self, error))
    return FALSE;
  if (!func (self, user_data, &local_error))
    {
      edaad_store_rollback (self);
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return edaad_store_commit (self, error);
}

/* ---- opening ---- */

/* Is the database on `db` sound, and not newer than this build?  Reads only: a refused
 * file is never modified.  `verified` (the file is as a clean close left it) skips reading
 * the whole file, but its header, its schema and its version are still read. */
static gboolean
check_database (sqlite3     *db,
                const char  *path,
                gboolean     verified,
                GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;
  int user_version;
  int rc;

  rc = sqlite3_prepare_v2 (db, verified ? "SELECT 'ok', count(*) FROM sqlite_master"
                                        : "PRAGMA quick_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (error_code_for (sqlite3_extended_errcode (db)) == EDAAD_STORE_ERROR_FAILED)
        g_set_error (error, EDAAD_STORE_ERROR, EDAAD_STORE_ERROR_CORRUPT,
                     _("The database “%s” could not be checked (%s). It was left as it is."),
                     display, sqlite3_errmsg (db));
      else
        set_error_for_db (db, path, error);
      goto out;
    }
  if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") != 0)
    {
      g_set_error (error, EDAAD_STORE_ERROR, EDAAD_STORE_ERROR_CORRUPT,
                   _("The database “%s” is damaged (%s). It was left as it is."),
                   display, (const char *) sqlite3_column_text (stmt, 0));
      goto out;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  user_version = edaad_store_read_user_version (db);
  if (sqlite3_prepare_v2 (db, "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'schema_version'",
                          -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    user_version = MAX (user_version, sqlite3_column_int (stmt, 0));

  if (user_version > EDAAD_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, EDAAD_STORE_ERROR, EDAAD_STORE_ERROR_TOO_NEW,
                   _("The database “%s” was written by a newer version of Edaad "
                     "(format %d; this version reads up to %d). Update Edaad to open it; "
                     "the file was left as it is."),
                   display, user_version, EDAAD_STORE_SCHEMA_VERSION);
      goto out;
    }

  ok = TRUE;

out:
  g_clear_pointer (&stmt, sqlite3_finalize);
  return ok;
}

/* An existing file Edaad cannot vouch for is checked in full on a read-only connection of
 * its own, so that nothing (not even a hot journal rolled back, or a WAL checkpointed on
 * close) can write to it before it has passed. */
static gboolean
check_existing_file (const char  *path,
                     GError     **error)
{
  sqlite3 *db = NULL;
  gboolean ok;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      set_error_for_db (db, path, error);
      sqlite3_close_v2 (db);
      return FALSE;
    }
  sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);
  ok = check_database (db, path, FALSE, error);
  sqlite3_close_v2 (db);
  return ok;
}

static sqlite3 *
open_connection (const char  *path,
                 GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *display = g_filename_display_name (path);
  sqlite3 *db = NULL;
  char *message = NULL;
  gboolean verified = FALSE;

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, EDAAD_STORE_ERROR, EDAAD_STORE_ERROR_OPEN,
                   _("The database “%s” cannot be created: its folder does not exist."), display);
      return NULL;
    }

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, EDAAD_STORE_ERROR, EDAAD_STORE_ERROR_OPEN,
                   _("The database “%s” cannot be opened: it is a folder."), display);
      return NULL;
    }

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      verified = take_verified_stamp (path);
      if (!verified && !check_existing_file (path, error))
        return NULL;
    }

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
    {
      set_error_for_db (db, path, error);
      sqlite3_close_v2 (db);
      return NULL;
    }
  sqlite3_extended_result_codes (db, 1);
  sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);

  /* A file as a clean close left it has no hot journal and no WAL to replay, so reading it
   * here writes nothing: it is checked on this connection, before anything below writes,
   * which spares opening a second one and reading the schema twice.  Should it be refused
   * all the same, closing must not checkpoint either. */
  if (verified && !check_database (db, path, TRUE, error))
    {
      sqlite3_db_config (db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
      sqlite3_close_v2 (db);
      return NULL;
    }

  if (sqlite3_exec (db,
                    "PRAGMA journal_mode = WAL;"
                    "PRAGMA synchronous = FULL;"
                    "PRAGMA foreign_keys = OFF;",
                    NULL, NULL, &message) != SQLITE_OK)
    {
      set_error_for_db (db, path, error);
      sqlite3_free (message);
      sqlite3_close_v2 (db);
      return NULL;
    }

  return db;
}

gboolean
edaad_store_create_at_version (const char  *path,
                               int          version,
                               GError     **error)
{
  sqlite3 *db = open_connection (path, error);
  gboolean ok;

  if (db == NULL)
    return FALSE;
  ok = edaad_store_migrate (db, version, error);
  sqlite3_close_v2 (db);
  return ok;
}

static const char * const scope_keys[] = { "scope_programme", "scope_institution", "scope_person" };

static gboolean
ensure_identity (EdaadStore  *self,
                 GError     **error)
{
  if (!edaad_store_begin (self, error))
    return FALSE;

  self->device_id = edaad_store_meta_get (self, "device_id", error);
  if (self->device_id == NULL)
    {
      self->device_id = edaad_uuid_new ();
      if (!edaad_store_meta_set (self, "device_id", self->device_id, error))
        goto fail;
    }

  for (guint i = 0; i < G_N_ELEMENTS (scope_keys); i++)
    {
      self->local_scopes[i] = edaad_store_meta_get (self, scope_keys[i], error);
      if (self->local_scopes[i] != NULL)
        continue;
      self->local_scopes[i] = edaad_uuid_new ();
      if (!edaad_store_meta_set (self, scope_keys[i], self->local_scopes[i], error))
        goto fail;
    }

  if (!edaad_store_outbox_purge_local_tombstones (self, error))
    goto fail;

  return edaad_store_commit (self, error);

fail:
  edaad_store_rollback (self);
  return FALSE;
}

EdaadStore *
edaad_store_open (const char  *path,
                  GError     **error)
{
  g_autoptr(EdaadStore) self = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (EDAAD_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  self->db = open_connection (path, error);
  if (self->db == NULL)
    return NULL;

  if (!edaad_store_migrate (self->db, EDAAD_STORE_SCHEMA_VERSION, &local_error))
    {
      /* Report an unwritable file or folder as such, naming the file. */
      if (error_code_for (sqlite3_extended_errcode (self->db)) != EDAAD_STORE_ERROR_FAILED)
        edaad_store_set_sqlite_error (self, error);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  self->schema_version = edaad_store_read_user_version (self->db);

  if (!ensure_identity (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
edaad_store_get_path (EdaadStore *self)
{
  g_return_val_if_fail (EDAAD_IS_STORE (self), NULL);
  return self->path;
}

int
edaad_store_get_schema_version (EdaadStore *self)
{
  g_return_val_if_fail (EDAAD_IS_STORE (self), -1);
  return self->schema_version;
}

const char *
edaad_store_get_device_id (EdaadStore *self)
{
  g_return_val_if_fail (EDAAD_IS_STORE (self), NULL);
  return self->device_id;
}

const char *
edaad_store_get_local_scope (EdaadStore     *self,
                             EdaadScopeKind  scope)
{
  g_return_val_if_fail (EDAAD_IS_STORE (self), NULL);
  g_return_val_if_fail (scope < G_N_ELEMENTS (self->local_scopes), NULL);
  return self->local_scopes[scope];
}

EdaadRecord *
edaad_store_get (EdaadStore  *self,
                 const char  *kind,
                 const char  *id,
                 GError     **error)
{
  const EdaadKindSpec *spec;

  g_return_val_if_fail (EDAAD_IS_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  spec = edaad_schema_lookup_kind (kind);
  g_return_val_if_fail (spec != NULL, NULL);

  return edaad_store_load (self, spec, id, error);
}

guint
edaad_store_count_outbox (EdaadStore *self)
{
  sqlite3_stmt *stmt;
  guint count = 0;

  g_return_val_if_fail (EDAAD_IS_STORE (self), 0);

  stmt = edaad_store_prepare (self, "SELECT count(*) FROM outbox", NULL);
  if (stmt == NULL)
    return 0;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = (guint) sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return count;
}
