/* test-store.c — opening the store: identity, generated tables, round trips, refusals. */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "edaad-store.h"
#include "edaad-store-private.h"
#include "edaad-test-dir.h"
#include "edaad-uuid.h"

static char *
file_checksum (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static sqlite3 *
raw_open (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  return db;
}

static char *
raw_text (sqlite3    *db,
          const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

/* A value for every field that the validator accepts. */
static void
fill_record (EdaadRecord *record,
             guint        n)
{
  const EdaadKindSpec *kind = edaad_record_get_kind (record);

  for (guint i = 0; i < kind->n_fields; i++)
    {
      const EdaadFieldSpec *field = &kind->fields[i];

      switch (field->type)
        {
        case EDAAD_FIELD_STRING:
          {
            g_autofree char *text = g_strdup_printf ("%s %u نص", field->name, n);
            g_autofree char *cut = g_utf8_substring (text, 0, MIN ((glong) field->max_len, g_utf8_strlen (text, -1)));
            edaad_record_set_string (record, field->name, cut);
          }
          break;
        case EDAAD_FIELD_INT:
          edaad_record_set_int (record, field->name, CLAMP ((gint64) n + field->min, field->min, field->max));
          break;
        case EDAAD_FIELD_REAL:
          edaad_record_set_real (record, field->name, CLAMP (field->real_min + 0.5, field->real_min, field->real_max));
          break;
        case EDAAD_FIELD_BOOL:
          edaad_record_set_bool (record, field->name, TRUE);
          break;
        case EDAAD_FIELD_ENUM:
          edaad_record_set_string (record, field->name, field->enum_values[n % g_strv_length ((char **) field->enum_values)]);
          break;
        case EDAAD_FIELD_DATE:
          edaad_record_set_string (record, field->name, "2026-03-01");
          break;
        case EDAAD_FIELD_INSTANT:
          edaad_record_set_string (record, field->name, "2026-03-01T10:00:00Z");
          break;
        case EDAAD_FIELD_UUID:
          {
            g_autofree char *uuid = edaad_uuid_new ();
            edaad_record_set_string (record, field->name, uuid);
          }
          break;
        case EDAAD_FIELD_JSON:
          edaad_record_set_string (record, field->name, "{\"a\":1}");
          break;
        default:
          g_assert_not_reached ();
        }
    }
  if (g_str_equal (kind->name, "conflict"))
    edaad_record_set_string (record, "record_type", "plan");
}

static void
test_open_identity (void)
{
  g_auto(EdaadTestDir) dir = edaad_test_dir_new ("store");
  g_autofree char *path = g_build_filename (dir, "edaad.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *device = NULL;
  g_autofree char *scopes[3] = { NULL, };
  sqlite3 *db;

  {
    g_autoptr(EdaadStore) store = edaad_store_open (path, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (edaad_store_get_path (store), ==, path);
    g_assert_cmpint (edaad_store_get_schema_version (store), ==, EDAAD_STORE_SCHEMA_VERSION);
    g_assert_true (edaad_uuid_is_valid (edaad_store_get_device_id (store)));
    device = g_strdup (edaad_store_get_device_id (store));
    for (guint i = 0; i < 3; i++)
      {
        g_assert_true (edaad_uuid_is_valid (edaad_store_get_local_scope (store, i)));
        scopes[i] = g_strdup (edaad_store_get_local_scope (store, i));
      }
    g_assert_cmpstr (scopes[0], !=, scopes[1]);
    g_assert_cmpstr (scopes[1], !=, scopes[2]);
    g_assert_cmpuint (edaad_store_count_outbox (store), ==, 0);
  }

  /* Reopening keeps the identity. */
  {
    g_autoptr(EdaadStore) store = edaad_store_open (path, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (edaad_store_get_device_id (store), ==, device);
    for (guint i = 0; i < 3; i++)
      g_assert_cmpstr (edaad_store_get_local_scope (store, i), ==, scopes[i]);
  }

  db = raw_open (path);
  {
    g_autofree char *mode = raw_text (db, "PRAGMA journal_mode");
    g_autofree char *version = raw_text (db, "PRAGMA user_version");
    g_autofree char *meta_version = raw_text (db, "SELECT value FROM meta WHERE key = 'schema_version'");
    g_autofree char *next = raw_text (db, "SELECT value FROM meta WHERE key = 'next_mutation_seq'");
    g_autofree char *sync = raw_text (db, "SELECT complete FROM sync_state WHERE id = 1");

    g_assert_cmpstr (mode, ==, "wal");
    g_assert_cmpint (atoi (version), ==, EDAAD_STORE_SCHEMA_VERSION);
    g_assert_cmpint (atoi (meta_version), ==, EDAAD_STORE_SCHEMA_VERSION);
    g_assert_cmpstr (next, ==, "1");
    g_assert_cmpstr (sync, ==, "0");
  }
  sqlite3_close (db);
}

static gboolean
has_index_on (sqlite3    *db,
              const char *table,
              const char *column)
{
  g_autofree char *sql = g_strdup_printf ("SELECT 1 FROM pragma_index_list ('%s') AS l, "
                                          "pragma_index_info (l.name) AS i WHERE i.name = '%s'",
                                          table, column);
  g_autofree char *found = raw_text (db, sql);

  return found != NULL;
}

static void
test_ddl_matches_schema (void)
{
  g_auto(EdaadTestDir) dir = edaad_test_dir_new ("store");
  g_autofree char *path = g_build_filename (dir, "edaad.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(EdaadStore) store = edaad_store_open (path, &error);
  sqlite3 *db = raw_open (path);

  g_assert_no_error (error);

  for (guint k = 0; k < edaad_schema_n_kinds (); k++)
    {
      const EdaadKindSpec *kind = edaad_schema_kind_at (k);
      g_autofree char *table = g_strconcat ("rec_", kind->name, NULL);
      g_autofree char *sql = g_strdup_printf ("SELECT name, type, pk FROM pragma_table_info ('%s')", table);
      g_autoptr(GHashTable) columns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      sqlite3_stmt *stmt = NULL;
      const char *meta[] = { "id", "scope", "version", "deleted", "created_at", "updated_at", "extra" };

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          if (sqlite3_column_int (stmt, 2) == 1)
            g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "id");
          g_hash_table_insert (columns, g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                               g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
        }
      sqlite3_finalize (stmt);

      g_assert_cmpuint (g_hash_table_size (columns), ==, G_N_ELEMENTS (meta) + kind->n_fields);
      for (guint i = 0; i < G_N_ELEMENTS (meta); i++)
        g_assert_true (g_hash_table_contains (columns, meta[i]));
      for (guint i = 0; i < kind->n_fields; i++)
        {
          const EdaadFieldSpec *field = &kind->fields[i];

          g_assert_cmpstr (g_hash_table_lookup (columns, field->name), ==,
                           edaad_store_ddl_column_type (field));
          if (field->flags & (EDAAD_FIELD_INDEXED | EDAAD_FIELD_PARENT))
            g_assert_true (has_index_on (db, table, field->name));
        }
    }

  /* Fields named like SQL keywords are real columns. */
  {
    g_autofree char *on = raw_text (db, "SELECT count(\"on\") + count(\"from\") + count(\"to\") FROM rec_service_event");
    g_assert_cmpstr (on, ==, "0");
  }

  sqlite3_close (db);
}

static void
test_round_trip_every_kind (void)
{
  g_auto(EdaadTestDir) dir = edaad_test_dir_new ("store");
  g_autofree char *path = g_build_filename (dir, "edaad.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) saved = g_ptr_array_new_with_free_func (g_object_unref);

  {
    g_autoptr(EdaadStore) store = edaad_store_open (path, &error);

    g_assert_no_error (error);
    for (guint k = 0; k < edaad_schema_n_kinds (); k++)
      {
        const EdaadKindSpec *kind = edaad_schema_kind_at (k);
        g_autoptr(EdaadRecord) record = edaad_record_new (kind);
        g_autoptr(EdaadRecord) back = NULL;
        g_autoptr(GPtrArray) diff = NULL;

        fill_record (record, k);
        edaad_store_save (store, record, &error);
        g_assert_no_error (error);
        g_assert_true (edaad_uuid_is_valid (edaad_record_get_id (record)));
        g_assert_nonnull (edaad_record_get_scope (record));
        if (kind->scope != EDAAD_SCOPE_SAME_AS_RECORD)
          g_assert_cmpstr (edaad_record_get_scope (record), ==, edaad_store_get_local_scope (store, kind->scope));
        g_assert_nonnull (edaad_record_get_created_at (record));

        back = edaad_store_get (store, kind->name, edaad_record_get_id (record), &error);
        g_assert_no_error (error);
        diff = edaad_record_diff (record, back);
        g_assert_cmpuint (diff->len, ==, 0);
        g_assert_cmpstr (edaad_record_get_scope (back), ==, edaad_record_get_scope (record));
        g_assert_cmpint (edaad_record_get_version (back), ==, 0);
        g_assert_false (edaad_record_get_deleted (back));
        g_assert_cmpstr (edaad_record_get_created_at (back), ==, edaad_record_get_created_at (record));
        g_ptr_array_add (saved, g_object_ref (record));
      }
  }

  /* And after reopening. */
  {
    g_autoptr(EdaadStore) store = edaad_store_open (path, &error);

    g_assert_no_error (error);
    for (guint i = 0; i < saved->len; i++)
      {
        EdaadRecord *record = g_ptr_array_index (saved, i);
        g_autoptr(EdaadRecord) back = edaad_store_get (store, edaad_record_get_kind_name (record),
                                                       edaad_record_get_id (record), &error);
        g_autoptr(GPtrArray) diff = NULL;

        g_assert_no_error (error);
        diff = edaad_record_diff (record, back);
        g_assert_cmpuint (diff->len, ==, 0);
      }

    /* Unknown ids are NOT_FOUND. */
    g_assert_null (edaad_store_get (store, "plan", "0190a1b2-0000-7000-8000-000000000000", &error));
    g_assert_error (error, EDAAD_STORE_ERROR, EDAAD_STORE_ERROR_NOT_FOUND);
  }
}

static void
test_refuse_too_new (void)
{
  g_auto(EdaadTestDir) dir = edaad_test_dir_new ("store");
  g_autofree char *path = g_build_filename (dir, "newer.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EdaadStore) store = NULL;
  sqlite3 *db = raw_open (path);

  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);"
                                     "INSERT INTO meta VALUES ('schema_version', '99');"
                                     "PRAGMA user_version = 99;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  before = file_checksum (path);

  store = edaad_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, EDAAD_STORE_ERROR, EDAAD_STORE_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "newer version of Edaad"));
  g_assert_nonnull (strstr (error->message, "newer.db"));
  after = file_checksum (path);
  g_assert_cmpstr (before, ==, after);
  g_clear_error (&error);

  /* A file whose meta says newer while user_version does not is refused too. */
  db = raw_open (path);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 1", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_free (before);
  before = file_checksum (path);
  store = edaad_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, EDAAD_STORE_ERROR, EDAAD_STORE_ERROR_TOO_NEW);
  g_free (after);
  after = file_checksum (path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_refuse_corrupt (void)
{
  g_auto(EdaadTestDir) dir = edaad_test_dir_new ("store");
  g_autofree char *path = g_build_filename (dir, "garbage.db", NULL);
  g_autofree char *damaged = g_build_filename (dir, "damaged.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EdaadStore) store = NULL;
  g_autoptr(GString) junk = g_string_new (NULL);

  /* Not a database at all. */
  for (guint i = 0; i < 400; i++)
    g_string_append (junk, "This is not a database. ");
  g_assert_true (g_file_set_contents (path, junk->str, junk->len, NULL));
  before = file_checksum (path);
  store = edaad_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, EDAAD_STORE_ERROR, EDAAD_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "garbage.db"));
  after = file_checksum (path);
  g_assert_cmpstr (before, ==, after);
  g_clear_error (&error);

  /* A real store whose table pages were overwritten. */
  {
    g_autoptr(EdaadStore) good = edaad_store_open (damaged, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < 200; i++)
      {
        g_autoptr(EdaadRecord) plan = edaad_record_new_for_kind ("plan");
        fill_record (plan, i);
        edaad_store_save (good, plan, &error);
        g_assert_no_error (error);
      }
  }
  {
    /* Checkpoint the WAL into the file, then scribble over its middle. */
    sqlite3 *db = raw_open (damaged);
    g_autofree char *contents = NULL;
    gsize length = 0;

    g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
    g_assert_true (g_file_get_contents (damaged, &contents, &length, NULL));
    g_assert_cmpuint (length, >, 16 * 4096);
    for (gsize i = 4096 * 3; i < length - 4096; i += 97)
      contents[i] = (char) (i * 31);
    g_assert_true (g_file_set_contents (damaged, contents, length, NULL));
  }
  g_free (before);
  before = file_checksum (damaged);
  store = edaad_store_open (damaged, &error);
  g_assert_null (store);
  g_assert_error (error, EDAAD_STORE_ERROR, EDAAD_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "damaged.db"));
  g_free (after);
  after = file_checksum (damaged);
  g_assert_cmpstr (before, ==, after);
}

static void
test_refuse_unwritable (void)
{
  g_auto(EdaadTestDir) dir = edaad_test_dir_new ("store");
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "edaad.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(EdaadStore) store = NULL;

  /* A folder that does not exist. */
  store = edaad_store_open (missing, &error);
  g_assert_null (store);
  g_assert_error (error, EDAAD_STORE_ERROR, EDAAD_STORE_ERROR_OPEN);
  g_assert_nonnull (strstr (error->message, "edaad.db"));
  g_clear_error (&error);

  /* A folder nobody may write to: a chmod'ed one for normal users; as root, whom
   * permissions do not stop, /proc (a file system where no file can be created). */
  if (geteuid () != 0)
    {
      g_autofree char *ro = g_build_filename (dir, "ro", NULL);
      g_autofree char *path = g_build_filename (ro, "edaad.db", NULL);

      g_assert_cmpint (g_mkdir (ro, 0555), ==, 0);
      store = edaad_store_open (path, &error);
      g_assert_null (store);
      g_assert_error (error, EDAAD_STORE_ERROR, EDAAD_STORE_ERROR_OPEN);
      g_assert_nonnull (strstr (error->message, "edaad.db"));
      g_clear_error (&error);
      g_chmod (ro, 0755);
    }
  else
    g_test_message ("running as root: using /proc as the read-only folder");

  store = edaad_store_open ("/proc/edaad-test.db", &error);
  g_assert_null (store);
  g_assert_error (error, EDAAD_STORE_ERROR, EDAAD_STORE_ERROR_OPEN);
  g_assert_nonnull (strstr (error->message, "/proc/edaad-test.db"));
  g_clear_error (&error);

  /* A folder where a database file should be. */
  store = edaad_store_open (dir, &error);
  g_assert_null (store);
  g_assert_error (error, EDAAD_STORE_ERROR, EDAAD_STORE_ERROR_OPEN);
}

/* A clean close leaves "<file>-verified", which lets the next open skip reading the whole
 * file to check it; an open uses the stamp up (so a crash leaves none), and a file changed
 * from outside after the stamp was written is checked in full again. */
static void
test_verified_stamp (void)
{
  g_auto(EdaadTestDir) dir = edaad_test_dir_new ("store");
  g_autofree char *path = g_build_filename (dir, "edaad.db", NULL);
  g_autofree char *stamp = g_strconcat (path, "-verified", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EdaadStore) store = NULL;
  FILE *file;

  store = edaad_store_open (path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 200; i++)
    {
      g_autoptr(EdaadRecord) plan = edaad_record_new_for_kind ("plan");
      fill_record (plan, i);
      edaad_store_save (store, plan, &error);
      g_assert_no_error (error);
    }
  g_assert_false (g_file_test (stamp, G_FILE_TEST_EXISTS));
  g_clear_object (&store);
  g_assert_true (g_file_test (stamp, G_FILE_TEST_EXISTS));

  /* Opened again: trusted, the stamp used up while open, written again on close. */
  store = edaad_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_false (g_file_test (stamp, G_FILE_TEST_EXISTS));
  g_clear_object (&store);
  g_assert_true (g_file_test (stamp, G_FILE_TEST_EXISTS));

  /* Damaged in place by another program (same file, same size): the stamp no longer
   * matches, the whole file is checked, and it is refused untouched. */
  file = fopen (path, "r+b");
  g_assert_nonnull (file);
  g_assert_cmpint (fseek (file, 0, SEEK_END), ==, 0);
  g_assert_cmpint (ftell (file), >, 16 * 4096);
  for (long offset = 4096 * 3; offset < ftell (file) - 4096; offset += 97)
    {
      g_assert_cmpint (fseek (file, offset, SEEK_SET), ==, 0);
      g_assert_cmpint (fputc ((int) (offset * 31) & 0xff, file), !=, EOF);
      g_assert_cmpint (fseek (file, 0, SEEK_END), ==, 0);
    }
  g_assert_cmpint (fclose (file), ==, 0);
  g_assert_true (g_file_test (stamp, G_FILE_TEST_EXISTS));
  before = file_checksum (path);
  store = edaad_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, EDAAD_STORE_ERROR, EDAAD_STORE_ERROR_CORRUPT);
  after = file_checksum (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (g_file_test (stamp, G_FILE_TEST_EXISTS));
}

/* A file a newer Edaad closed cleanly carries a stamp that matches it: it is then checked on
 * the connection that would work on it rather than on a read-only one of its own, and must
 * still be refused for its version, and left exactly as it was. */
static void
test_refuse_too_new_verified (void)
{
  g_auto(EdaadTestDir) dir = edaad_test_dir_new ("store");
  g_autofree char *path = g_build_filename (dir, "newer.db", NULL);
  g_autofree char *stamp = g_strconcat (path, "-verified", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EdaadStore) store = NULL;
  sqlite3 *db;

  /* "A newer Edaad": the version goes up while the store is open, and its clean close
   * stamps the file as it leaves it. */
  store = edaad_store_open (path, &error);
  g_assert_no_error (error);
  db = raw_open (path);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 99;"
                                     "UPDATE meta SET value = '99' WHERE key = 'schema_version';",
                                     NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_clear_object (&store);
  g_assert_true (g_file_test (stamp, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));

  before = file_checksum (path);
  store = edaad_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, EDAAD_STORE_ERROR, EDAAD_STORE_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "newer.db"));
  after = file_checksum (path);
  g_assert_cmpstr (before, ==, after);
}

static gint64
file_modified_ns (const char *path)
{
  struct stat st;

  g_assert_cmpint (stat (path, &st), ==, 0);
  return (gint64) st.st_mtim.tv_sec * G_GINT64_CONSTANT (1000000000) + st.st_mtim.tv_nsec;
}

/* A store opened and closed again with nothing done writes nothing to its file: the
 * structure step sees its stamp, and the session's purge of undo data (an empty table)
 * commits no page.  So a start costs no write and no sync. */
static void
test_idle_reopen_writes_nothing (void)
{
  g_auto(EdaadTestDir) dir = edaad_test_dir_new ("store");
  g_autofree char *path = g_build_filename (dir, "idle.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EdaadStore) store = NULL;
  gint64 modified;

  store = edaad_store_open (path, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  /* Once more: the first reopen may still bring the new file in line. */
  store = edaad_store_open (path, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  before = file_checksum (path);
  modified = file_modified_ns (path);
  g_usleep (20 * 1000);   /* any write would now show in the file's time */
  store = edaad_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_clear_object (&store);
  after = file_checksum (path);
  g_assert_cmpstr (before, ==, after);
  /* Not even the same bytes written again (a checkpoint of an empty commit would). */
  g_assert_cmpint (file_modified_ns (path), ==, modified);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/open/identity", test_open_identity);
  g_test_add_func ("/store/open/ddl-matches-schema", test_ddl_matches_schema);
  g_test_add_func ("/store/open/round-trip-every-kind", test_round_trip_every_kind);
  g_test_add_func ("/store/open/refuse-too-new", test_refuse_too_new);
  g_test_add_func ("/store/open/refuse-corrupt", test_refuse_corrupt);
  g_test_add_func ("/store/open/verified-stamp", test_verified_stamp);
  g_test_add_func ("/store/open/refuse-too-new-verified", test_refuse_too_new_verified);
  g_test_add_func ("/store/open/refuse-unwritable", test_refuse_unwritable);
  g_test_add_func ("/store/open/idle-reopen-writes-nothing", test_idle_reopen_writes_nothing);

  return g_test_run ();
}
