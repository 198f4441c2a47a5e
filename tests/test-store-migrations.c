/* test-store-migrations.c — every older file version upgrades with its data intact. */
#include "config.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "edaad-store.h"
#include "edaad-store-private.h"
#include "edaad-test-dir.h"

#define PLAN_ID "0190a1b2-c3d4-7e5f-8a6b-1c2d3e4f5a6b"
#define SCOPE_ID "0190a1b2-c3d4-7e5f-8a6b-000000000001"
#define MUTATION_ID "0190a1b2-c3d4-7e5f-8a6b-00000000000f"

static void
raw_exec (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

static char *
raw_text (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static void
test_upgrade_from (gconstpointer data)
{
  int version = GPOINTER_TO_INT (data);
  g_auto(EdaadTestDir) dir = edaad_test_dir_new ("migrations");
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(EdaadStore) store = NULL;
  g_autofree char *user_version = NULL;

  g_assert_true (edaad_store_create_at_version (path, version, &error));
  g_assert_no_error (error);
  user_version = raw_text (path, "PRAGMA user_version");
  g_assert_cmpint (atoi (user_version), ==, version);

  /* Data as that version held it. */
  raw_exec (path,
            "INSERT INTO outbox (mutation_id, type, id, op, scope, changes) VALUES ('" MUTATION_ID "', "
            "'plan', '" PLAN_ID "', 'create', '" SCOPE_ID "', '{\"title\":\"Old plan\"}');"
            "INSERT INTO base (type, id, version, fields) VALUES ('risk', '" PLAN_ID "', 7, '{}');"
            "UPDATE sync_state SET cursor = 'c-42', complete = 1;");
  if (version >= 2)
    raw_exec (path,
              "INSERT INTO rec_plan (id, scope, version, title, status, change_type) VALUES ('" PLAN_ID "', '"
              SCOPE_ID "', 3, 'Digital archive التحول الرقمي', 'approved', 'it_digital');");

  store = edaad_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (edaad_store_get_schema_version (store), ==, EDAAD_STORE_SCHEMA_VERSION);
  g_assert_nonnull (edaad_store_get_device_id (store));
  g_assert_cmpuint (edaad_store_count_outbox (store), ==, 1);

  {
    g_autofree char *cursor = raw_text (path, "SELECT cursor FROM sync_state");
    g_autofree char *base = raw_text (path, "SELECT version FROM base WHERE type = 'risk'");
    g_autofree char *meta_version = raw_text (path, "SELECT value FROM meta WHERE key = 'schema_version'");
    g_autofree char *deletion = raw_text (path, "SELECT count(*) FROM deletion");

    g_assert_cmpstr (cursor, ==, "c-42");
    g_assert_cmpstr (base, ==, "7");
    g_assert_cmpint (atoi (meta_version), ==, EDAAD_STORE_SCHEMA_VERSION);
    g_assert_cmpstr (deletion, ==, "0");
  }

  if (version >= 2)
    {
      g_autoptr(EdaadRecord) plan = edaad_store_get (store, "plan", PLAN_ID, &error);
      g_autoptr(GPtrArray) hits = NULL;

      g_assert_no_error (error);
      g_assert_cmpstr (edaad_record_get_string (plan, "title"), ==, "Digital archive التحول الرقمي");
      g_assert_cmpint (edaad_record_get_version (plan), ==, 3);

      /* The search index was built for rows that predate it. */
      hits = edaad_store_search (store, "الرقمي", 10, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (hits->len, ==, 1);
      g_assert_cmpstr (((EdaadSearchHit *) g_ptr_array_index (hits, 0))->id, ==, PLAN_ID);
    }

  /* And the upgraded file works like a new one. */
  {
    g_autoptr(EdaadRecord) risk = edaad_record_new_for_kind ("risk");

    edaad_record_set_string (risk, "plan_id", PLAN_ID);
    edaad_record_set_string (risk, "title", "Vendor delay");
    edaad_record_set_int (risk, "likelihood", 3);
    edaad_record_set_int (risk, "impact", 4);
    g_assert_true (edaad_store_save (store, risk, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (edaad_store_count_outbox (store), ==, 2);
  }
}

/* Adding a field to the schema needs no SQL: a missing column (and its index) comes back. */
static void
test_missing_column_added (void)
{
  g_auto(EdaadTestDir) dir = edaad_test_dir_new ("migrations");
  g_autofree char *path = g_build_filename (dir, "grow.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(EdaadStore) store = NULL;

  g_assert_true (edaad_store_create_at_version (path, EDAAD_STORE_SCHEMA_VERSION, &error));
  g_assert_no_error (error);
  raw_exec (path,
            "INSERT INTO rec_plan (id, scope, title, status, change_type, vision) VALUES ('" PLAN_ID "', '"
            SCOPE_ID "', 'Kept', 'draft', 'other', 'gone');"
            "DROP INDEX \"rec_plan_by_due_on\";"
            "DROP INDEX \"rec_plan_open_due\";"
            "DROP INDEX \"rec_plan_open_due_count\";"
            "ALTER TABLE rec_plan DROP COLUMN \"due_on\";"
            "ALTER TABLE rec_plan DROP COLUMN \"vision\";"
            "DROP TABLE rec_attendance;"
            "UPDATE meta SET value = 'older' WHERE key = 'search_signature';");

  store = edaad_store_open (path, &error);
  g_assert_no_error (error);

  {
    g_autofree char *columns = raw_text (path, "SELECT count(*) FROM pragma_table_info ('rec_plan') "
                                               "WHERE name IN ('due_on', 'vision')");
    g_autofree char *index = raw_text (path, "SELECT count(*) FROM pragma_index_list ('rec_plan') "
                                             "WHERE name IN ('rec_plan_by_due_on', 'rec_plan_open_due', "
                                             "'rec_plan_open_due_count')");
    g_autofree char *attendance = raw_text (path, "SELECT count(*) FROM sqlite_schema "
                                                  "WHERE name = 'rec_attendance'");
    g_autoptr(EdaadRecord) plan = edaad_store_get (store, "plan", PLAN_ID, &error);
    g_autoptr(GPtrArray) hits = NULL;

    g_assert_cmpstr (columns, ==, "2");
    g_assert_cmpstr (index, ==, "3");
    g_assert_cmpstr (attendance, ==, "1");
    g_assert_no_error (error);
    g_assert_cmpstr (edaad_record_get_string (plan, "title"), ==, "Kept");
    g_assert_false (edaad_record_has_value (plan, "vision"));

    /* A changed set of searchable fields rebuilt the index. */
    hits = edaad_store_search (store, "kept", 5, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (hits->len, ==, 1);
  }
}

/* Bringing the tables in line with the schema is skipped on a file that has not changed
 * since it was last done: meta.ddl_stamp holds the checksum of this build's DDL and the
 * file's schema cookie, and any change of structure made from outside shows in the cookie. */
static void
test_ddl_stamp (void)
{
  g_auto(EdaadTestDir) dir = edaad_test_dir_new ("migrations");
  g_autofree char *path = g_build_filename (dir, "stamp.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(EdaadStore) store = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *cookie = NULL;
  g_autofree char *checksum = NULL;
  g_autofree char *forged = NULL;
  g_autofree char *index = NULL;
  g_autofree char *sql = NULL;

  store = edaad_store_open (path, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  /* "<sha256 of the DDL> <PRAGMA schema_version>", as the file is now. */
  stamp = raw_text (path, "SELECT value FROM meta WHERE key = 'ddl_stamp'");
  cookie = raw_text (path, "PRAGMA schema_version");
  g_assert_nonnull (stamp);
  g_assert_cmpuint (strlen (stamp), >, 65);
  checksum = g_strndup (stamp, 64);
  g_assert_cmpstr (stamp + 65, ==, cookie);

  /* Reopened unchanged: nothing to do, the stamp stays. */
  store = edaad_store_open (path, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  g_clear_pointer (&index, g_free);
  index = raw_text (path, "SELECT value FROM meta WHERE key = 'ddl_stamp'");
  g_assert_cmpstr (index, ==, stamp);

  /* An index dropped from outside: the cookie moved, so the step runs and puts it back. */
  raw_exec (path, "DROP INDEX \"rec_plan_by_status\"");
  store = edaad_store_open (path, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  g_clear_pointer (&index, g_free);
  index = raw_text (path, "SELECT count(*) FROM pragma_index_list ('rec_plan') WHERE name = 'rec_plan_by_status'");
  g_assert_cmpstr (index, ==, "1");
  g_clear_pointer (&stamp, g_free);
  g_clear_pointer (&cookie, g_free);
  stamp = raw_text (path, "SELECT value FROM meta WHERE key = 'ddl_stamp'");
  cookie = raw_text (path, "PRAGMA schema_version");
  g_assert_true (g_str_has_prefix (stamp, checksum));
  g_assert_cmpstr (stamp + 65, ==, cookie);

  /* And the stamp is what decides: dropped again, but with a stamp forged to match the new
   * cookie, the index is not put back (which is why only Edaad writes that stamp). */
  raw_exec (path, "DROP INDEX \"rec_plan_by_status\"");
  g_clear_pointer (&cookie, g_free);
  cookie = raw_text (path, "PRAGMA schema_version");
  forged = g_strdup_printf ("%s %s", checksum, cookie);
  sql = g_strdup_printf ("UPDATE meta SET value = '%s' WHERE key = 'ddl_stamp'", forged);
  raw_exec (path, sql);
  store = edaad_store_open (path, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  g_clear_pointer (&index, g_free);
  index = raw_text (path, "SELECT count(*) FROM pragma_index_list ('rec_plan') WHERE name = 'rec_plan_by_status'");
  g_assert_cmpstr (index, ==, "0");

  /* A stamp made for other DDL (another build's schema) runs the step again. */
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("UPDATE meta SET value = 'other-build %s' WHERE key = 'ddl_stamp'", cookie);
  raw_exec (path, sql);
  store = edaad_store_open (path, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  g_clear_pointer (&index, g_free);
  index = raw_text (path, "SELECT count(*) FROM pragma_index_list ('rec_plan') WHERE name = 'rec_plan_by_status'");
  g_assert_cmpstr (index, ==, "1");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (int version = 0; version < EDAAD_STORE_SCHEMA_VERSION; version++)
    {
      g_autofree char *name = g_strdup_printf ("/store/migrations/from-%d", version);

      /* Version 0 is an empty file: nothing to put data in. */
      if (version == 0)
        continue;
      g_test_add_data_func (name, GINT_TO_POINTER (version), test_upgrade_from);
    }
  g_test_add_func ("/store/migrations/missing-column-added", test_missing_column_added);
  g_test_add_func ("/store/migrations/ddl-stamp", test_ddl_stamp);

  return g_test_run ();
}
