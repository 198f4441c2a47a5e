/* test-record.c — EdaadRecord: values, signals, properties, titles, copies and diffs. */
#include "config.h"

#include "edaad-record.h"

#include <string.h>

typedef struct
{
  guint count;
  char *last_field;
} Changes;

static void
on_field_changed (EdaadRecord *record,
                  const char  *field,
                  Changes     *changes)
{
  changes->count++;
  g_free (changes->last_field);
  changes->last_field = g_strdup (field);
}

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           guint      *count)
{
  (*count)++;
}

static void
test_record_new (void)
{
  g_autoptr(EdaadRecord) plan = edaad_record_new_for_kind ("plan");

  g_assert_nonnull (plan);
  g_assert_true (edaad_record_get_kind (plan) == edaad_schema_lookup_kind ("plan"));
  g_assert_cmpstr (edaad_record_get_kind_name (plan), ==, "plan");
  g_assert_null (edaad_record_get_id (plan));
  g_assert_null (edaad_record_get_scope (plan));
  g_assert_cmpint (edaad_record_get_version (plan), ==, 0);
  g_assert_false (edaad_record_get_deleted (plan));
  g_assert_null (edaad_record_get_created_at (plan));
  g_assert_null (edaad_record_get_updated_at (plan));

  for (guint i = 0; i < edaad_record_get_kind (plan)->n_fields; i++)
    {
      const char *name = edaad_record_get_kind (plan)->fields[i].name;
      g_assert_false (edaad_record_has_value (plan, name));
      g_assert_null (edaad_record_get_value (plan, name));
    }

  /* typed getters return defaults when unset */
  g_assert_null (edaad_record_get_string (plan, "title"));
  g_assert_cmpint (edaad_record_get_int (plan, "kotter_step"), ==, 0);
  g_assert_false (edaad_record_get_bool (plan, "capstone"));

  /* every kind can be instantiated */
  for (guint k = 0; k < edaad_schema_n_kinds (); k++)
    {
      g_autoptr(EdaadRecord) r = edaad_record_new (edaad_schema_kind_at (k));
      g_assert_true (edaad_record_get_kind (r) == edaad_schema_kind_at (k));
    }
}

static void
test_record_values (void)
{
  g_autoptr(EdaadRecord) plan = edaad_record_new_for_kind ("plan");
  g_autoptr(EdaadRecord) kpi = edaad_record_new_for_kind ("kpi");

  edaad_record_set_string (plan, "title", "Digital permits");
  edaad_record_set_string (plan, "status", "approved");
  edaad_record_set_string (plan, "due_on", "2026-03-31");
  edaad_record_set_int (plan, "kotter_step", 4);
  edaad_record_set_bool (plan, "capstone", TRUE);
  edaad_record_set_real (kpi, "target", 12.5);

  g_assert_cmpstr (edaad_record_get_string (plan, "title"), ==, "Digital permits");
  g_assert_cmpstr (edaad_record_get_string (plan, "status"), ==, "approved");
  g_assert_cmpstr (edaad_record_get_string (plan, "due_on"), ==, "2026-03-31");
  g_assert_cmpint (edaad_record_get_int (plan, "kotter_step"), ==, 4);
  g_assert_true (edaad_record_get_bool (plan, "capstone"));
  g_assert_cmpfloat (edaad_record_get_real (kpi, "target"), ==, 12.5);
  g_assert_true (edaad_record_has_value (plan, "title"));
  g_assert_true (g_variant_is_of_type (edaad_record_get_value (plan, "kotter_step"), G_VARIANT_TYPE_INT64));

  /* a generic set with a floating variant is sunk and owned */
  edaad_record_set_value (plan, "priority", g_variant_new_string ("high"));
  g_assert_cmpstr (edaad_record_get_string (plan, "priority"), ==, "high");

  /* a non-floating variant is referenced, not stolen */
  {
    g_autoptr(GVariant) v = g_variant_ref_sink (g_variant_new_int64 (7));
    edaad_record_set_value (plan, "kotter_step", v);
    g_assert_cmpint (edaad_record_get_int (plan, "kotter_step"), ==, 7);
  }

  /* unset */
  edaad_record_set_string (plan, "title", NULL);
  g_assert_false (edaad_record_has_value (plan, "title"));
  edaad_record_set_value (plan, "kotter_step", NULL);
  g_assert_false (edaad_record_has_value (plan, "kotter_step"));
  g_assert_cmpint (edaad_record_get_int (plan, "kotter_step"), ==, 0);

  /* an empty string is a value, distinct from unset */
  edaad_record_set_string (plan, "summary", "");
  g_assert_true (edaad_record_has_value (plan, "summary"));
}

static void
test_record_type_checks (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(EdaadRecord) plan = edaad_record_new_for_kind ("plan");
      edaad_record_set_value (plan, "kotter_step", g_variant_new_string ("four"));
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*CRITICAL*g_variant_is_of_type*");
}

static void
test_record_typed_mismatch (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(EdaadRecord) plan = edaad_record_new_for_kind ("plan");
      edaad_record_set_int (plan, "title", 3);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*CRITICAL*");
}

static void
test_record_unknown_field (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(EdaadRecord) plan = edaad_record_new_for_kind ("plan");
      edaad_record_set_string (plan, "no_such_field", "x");
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*CRITICAL*index >= 0*");
}

static void
test_record_type_rejected_value_unchanged (void)
{
  g_autoptr(EdaadRecord) plan = edaad_record_new_for_kind ("plan");

  edaad_record_set_int (plan, "kotter_step", 2);
  g_test_expect_message ("edaad-record", G_LOG_LEVEL_CRITICAL, "*g_variant_is_of_type*");
  edaad_record_set_value (plan, "kotter_step", g_variant_new_double (2.0));
  g_test_assert_expected_messages ();
  g_assert_cmpint (edaad_record_get_int (plan, "kotter_step"), ==, 2);

  g_test_expect_message ("edaad-record", G_LOG_LEVEL_CRITICAL, "*g_variant_is_of_type*");
  edaad_record_set_value (plan, "capstone", g_variant_new_int64 (1));
  g_test_assert_expected_messages ();
  g_assert_false (edaad_record_has_value (plan, "capstone"));
}

static void
test_record_field_changed (void)
{
  g_autoptr(EdaadRecord) plan = edaad_record_new_for_kind ("plan");
  Changes all = { 0 }, title_only = { 0 };

  g_signal_connect (plan, "field-changed", G_CALLBACK (on_field_changed), &all);
  g_signal_connect (plan, "field-changed::title", G_CALLBACK (on_field_changed), &title_only);

  edaad_record_set_string (plan, "title", "A");
  g_assert_cmpuint (all.count, ==, 1);
  g_assert_cmpstr (all.last_field, ==, "title");
  g_assert_cmpuint (title_only.count, ==, 1);

  /* same value: no signal */
  edaad_record_set_string (plan, "title", "A");
  edaad_record_set_value (plan, "title", g_variant_new_string ("A"));
  g_assert_cmpuint (all.count, ==, 1);

  edaad_record_set_string (plan, "status", "draft");
  g_assert_cmpuint (all.count, ==, 2);
  g_assert_cmpstr (all.last_field, ==, "status");
  g_assert_cmpuint (title_only.count, ==, 1);

  /* unsetting is a change; unsetting again is not */
  edaad_record_set_string (plan, "title", NULL);
  g_assert_cmpuint (all.count, ==, 3);
  g_assert_cmpuint (title_only.count, ==, 2);
  edaad_record_set_string (plan, "title", NULL);
  g_assert_cmpuint (all.count, ==, 3);

  edaad_record_set_int (plan, "kotter_step", 3);
  edaad_record_set_int (plan, "kotter_step", 3);
  edaad_record_set_int (plan, "kotter_step", 4);
  g_assert_cmpuint (all.count, ==, 5);

  edaad_record_set_bool (plan, "capstone", FALSE);
  edaad_record_set_bool (plan, "capstone", FALSE);
  g_assert_cmpuint (all.count, ==, 6);
  g_assert_cmpstr (all.last_field, ==, "capstone");

  g_signal_handlers_disconnect_by_data (plan, &all);
  g_signal_handlers_disconnect_by_data (plan, &title_only);
  g_free (all.last_field);
  g_free (title_only.last_field);
}

static void
test_record_properties (void)
{
  g_autoptr(EdaadRecord) risk = edaad_record_new_for_kind ("risk");
  g_autofree char *id = NULL;
  g_autofree char *scope = NULL;
  gint64 version = -1;
  gboolean deleted = TRUE;
  guint id_notes = 0, version_notes = 0, deleted_notes = 0, scope_notes = 0;

  g_signal_connect (risk, "notify::id", G_CALLBACK (on_notify), &id_notes);
  g_signal_connect (risk, "notify::scope", G_CALLBACK (on_notify), &scope_notes);
  g_signal_connect (risk, "notify::version", G_CALLBACK (on_notify), &version_notes);
  g_signal_connect (risk, "notify::deleted", G_CALLBACK (on_notify), &deleted_notes);

  edaad_record_set_id (risk, "0190a3c4-0000-7000-8000-000000000001");
  edaad_record_set_id (risk, "0190a3c4-0000-7000-8000-000000000001");
  g_assert_cmpuint (id_notes, ==, 1);
  g_object_set (risk, "scope", "0190a3c4-0000-7000-8000-0000000000aa", NULL);
  g_assert_cmpuint (scope_notes, ==, 1);
  g_assert_cmpstr (edaad_record_get_scope (risk), ==, "0190a3c4-0000-7000-8000-0000000000aa");

  edaad_record_set_version (risk, 12);
  edaad_record_set_version (risk, 12);
  g_assert_cmpuint (version_notes, ==, 1);
  edaad_record_set_deleted (risk, TRUE);
  edaad_record_set_deleted (risk, 2); /* any non-zero is TRUE: no change */
  g_assert_cmpuint (deleted_notes, ==, 1);

  g_object_get (risk, "id", &id, "scope", &scope, "version", &version, "deleted", &deleted, NULL);
  g_assert_cmpstr (id, ==, "0190a3c4-0000-7000-8000-000000000001");
  g_assert_cmpstr (scope, ==, "0190a3c4-0000-7000-8000-0000000000aa");
  g_assert_cmpint (version, ==, 12);
  g_assert_true (deleted);

  edaad_record_set_created_at (risk, "2025-01-01T10:00:00Z");
  edaad_record_set_updated_at (risk, "2025-01-02T10:00:00Z");
  g_assert_cmpstr (edaad_record_get_created_at (risk), ==, "2025-01-01T10:00:00Z");
  g_assert_cmpstr (edaad_record_get_updated_at (risk), ==, "2025-01-02T10:00:00Z");

  edaad_record_set_id (risk, NULL);
  g_assert_null (edaad_record_get_id (risk));
  g_assert_cmpuint (id_notes, ==, 2);

  g_signal_handlers_disconnect_by_data (risk, &id_notes);
  g_signal_handlers_disconnect_by_data (risk, &scope_notes);
  g_signal_handlers_disconnect_by_data (risk, &version_notes);
  g_signal_handlers_disconnect_by_data (risk, &deleted_notes);
}

static void
test_record_copy_and_diff (void)
{
  g_autoptr(EdaadRecord) a = edaad_record_new_for_kind ("milestone");
  g_autoptr(EdaadRecord) b = NULL;
  g_autoptr(GPtrArray) diff = NULL;

  edaad_record_set_id (a, "0190a3c4-0000-7000-8000-000000000002");
  edaad_record_set_scope (a, "0190a3c4-0000-7000-8000-0000000000aa");
  edaad_record_set_version (a, 5);
  edaad_record_set_updated_at (a, "2025-01-02T10:00:00Z");
  edaad_record_set_string (a, "title", "Pilot");
  edaad_record_set_int (a, "weight", 2);

  b = edaad_record_copy (a);
  g_assert_true (a != b);
  g_assert_cmpstr (edaad_record_get_id (b), ==, edaad_record_get_id (a));
  g_assert_cmpstr (edaad_record_get_scope (b), ==, edaad_record_get_scope (a));
  g_assert_cmpint (edaad_record_get_version (b), ==, 5);
  g_assert_cmpstr (edaad_record_get_updated_at (b), ==, "2025-01-02T10:00:00Z");
  g_assert_cmpstr (edaad_record_get_string (b, "title"), ==, "Pilot");

  diff = edaad_record_diff (a, b);
  g_assert_cmpuint (diff->len, ==, 0);
  g_clear_pointer (&diff, g_ptr_array_unref);

  /* the copy is independent */
  edaad_record_set_string (b, "title", "Pilot phase");
  edaad_record_set_int (b, "weight", 2);          /* same value: not a difference */
  edaad_record_set_string (b, "status", "done");  /* unset in a */
  edaad_record_set_int (a, "position", 3);        /* unset in b */
  g_assert_cmpstr (edaad_record_get_string (a, "title"), ==, "Pilot");

  diff = edaad_record_diff (a, b);
  g_assert_cmpuint (diff->len, ==, 3);
  /* schema order */
  g_assert_cmpstr (g_ptr_array_index (diff, 0), ==, "title");
  g_assert_cmpstr (g_ptr_array_index (diff, 1), ==, "status");
  g_assert_cmpstr (g_ptr_array_index (diff, 2), ==, "position");
  g_clear_pointer (&diff, g_ptr_array_unref);

  /* metadata is not a field difference */
  edaad_record_set_version (b, 9);
  edaad_record_set_deleted (b, TRUE);
  diff = edaad_record_diff (b, b);
  g_assert_cmpuint (diff->len, ==, 0);
}

static void
test_record_diff_real (void)
{
  g_autoptr(EdaadRecord) a = edaad_record_new_for_kind ("kpi");
  g_autoptr(EdaadRecord) b = edaad_record_new_for_kind ("kpi");
  g_autoptr(GPtrArray) diff = NULL;

  edaad_record_set_real (a, "target", 0.5);
  edaad_record_set_real (b, "target", 0.5);
  edaad_record_set_real (a, "baseline", 0.1);
  edaad_record_set_real (b, "baseline", 0.2);
  diff = edaad_record_diff (a, b);
  g_assert_cmpuint (diff->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (diff, 0), ==, "baseline");
}

static void
set_language (const char *language)
{
  g_setenv ("LANGUAGE", language, TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
}

static void
test_record_title (void)
{
  g_autoptr(EdaadRecord) inst = edaad_record_new_for_kind ("institution");
  g_autoptr(EdaadRecord) plan = edaad_record_new_for_kind ("plan");
  g_autoptr(EdaadRecord) grade = edaad_record_new_for_kind ("grade");
  char *title;

  set_language ("en");
  edaad_record_set_string (inst, "name_en", "Ministry of Transport");
  edaad_record_set_string (inst, "name_ar", "وزارة النقل");

  title = edaad_record_dup_title (inst);
  g_assert_cmpstr (title, ==, "Ministry of Transport");
  g_free (title);

  set_language ("ar_OM.UTF-8");
  title = edaad_record_dup_title (inst);
  g_assert_cmpstr (title, ==, "وزارة النقل");
  g_free (title);

  set_language ("ar");
  title = edaad_record_dup_title (inst);
  g_assert_cmpstr (title, ==, "وزارة النقل");
  g_free (title);

  /* fallback to the other language, also when the preferred one is empty */
  edaad_record_set_string (inst, "name_ar", "");
  title = edaad_record_dup_title (inst);
  g_assert_cmpstr (title, ==, "Ministry of Transport");
  g_free (title);

  set_language ("en_GB");
  edaad_record_set_string (inst, "name_ar", "وزارة النقل");
  edaad_record_set_string (inst, "name_en", NULL);
  title = edaad_record_dup_title (inst);
  g_assert_cmpstr (title, ==, "وزارة النقل");
  g_free (title);

  /* "arn" (Mapudungun) is not Arabic */
  set_language ("arn");
  edaad_record_set_string (inst, "name_en", "Ministry of Transport");
  title = edaad_record_dup_title (inst);
  g_assert_cmpstr (title, ==, "Ministry of Transport");
  g_free (title);

  /* a single title field works in either language */
  edaad_record_set_string (plan, "title", "Digital permits");
  title = edaad_record_dup_title (plan);
  g_assert_cmpstr (title, ==, "Digital permits");
  g_free (title);
  set_language ("ar");
  title = edaad_record_dup_title (plan);
  g_assert_cmpstr (title, ==, "Digital permits");
  g_free (title);

  /* nothing to name it by: the kind's label */
  set_language ("en");
  edaad_record_set_string (plan, "title", NULL);
  title = edaad_record_dup_title (plan);
  g_assert_cmpstr (title, ==, "Change plan");
  g_free (title);
  title = edaad_record_dup_title (grade);
  g_assert_cmpstr (title, ==, "Grade");
  g_free (title);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/record/new", test_record_new);
  g_test_add_func ("/record/values", test_record_values);
  g_test_add_func ("/record/type-checks", test_record_type_checks);
  g_test_add_func ("/record/typed-mismatch", test_record_typed_mismatch);
  g_test_add_func ("/record/unknown-field", test_record_unknown_field);
  g_test_add_func ("/record/type-rejected-value-unchanged", test_record_type_rejected_value_unchanged);
  g_test_add_func ("/record/field-changed", test_record_field_changed);
  g_test_add_func ("/record/properties", test_record_properties);
  g_test_add_func ("/record/copy-and-diff", test_record_copy_and_diff);
  g_test_add_func ("/record/diff-real", test_record_diff_real);
  g_test_add_func ("/record/title", test_record_title);
  return g_test_run ();
}
