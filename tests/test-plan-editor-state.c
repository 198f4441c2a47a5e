/* test-plan-editor-state.c — the plan editor's logic as a pure function (no display). */
#include "config.h"

#include <locale.h>

#include "edaad-plan-editor-state.h"
#include "edaad-record.h"

#define TODAY "2026-11-27"
#define PLAN_ID "0190f0a0-0000-7000-8000-0000000000a1"
#define SCOPE_ID "0190f0a0-0000-7000-8000-0000000000f1"

static EdaadRecord *
stored_plan (void)
{
  EdaadRecord *plan = edaad_record_new_for_kind ("plan");

  edaad_record_set_id (plan, PLAN_ID);
  edaad_record_set_scope (plan, SCOPE_ID);
  edaad_record_set_string (plan, "code", "CP-2026-02");
  edaad_record_set_string (plan, "title", "Digital licensing");
  edaad_record_set_string (plan, "change_type", "it_digital");
  edaad_record_set_string (plan, "status", "implementing");
  edaad_record_set_string (plan, "priority", "high");
  edaad_record_set_int (plan, "kotter_step", 4);
  edaad_record_set_string (plan, "start_on", "2026-01-10");
  edaad_record_set_string (plan, "go_live_on", "2026-06-01");
  edaad_record_set_string (plan, "due_on", "2026-12-31");
  edaad_record_set_bool (plan, "capstone", FALSE);
  return plan;
}

/* The state of the form holding the given field/text pairs (NULL-terminated), every other
 * field as stored. */
static EdaadPlanEditorState *
compute (EdaadRecord *stored,
         GHashTable  *other_codes,
         const char  *today,
         const char  *first_field,
         ...)
{
  g_autoptr(GHashTable) input = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  const char *field = first_field;
  va_list args;

  va_start (args, first_field);
  while (field != NULL)
    {
      const char *text = va_arg (args, const char *);
      g_hash_table_insert (input, g_strdup (field), g_strdup (text));
      field = va_arg (args, const char *);
    }
  va_end (args);
  return edaad_plan_editor_state_compute (stored, input, other_codes, today);
}

static const EdaadPlanFieldState *
field (EdaadPlanEditorState *state,
       const char           *name)
{
  const EdaadPlanFieldState *f = edaad_plan_editor_state_lookup (state, name);

  g_assert_nonnull (f);
  return f;
}

static guint
count_saveable (EdaadPlanEditorState *state)
{
  guint n = 0;

  for (guint i = 0; i < state->n_fields; i++)
    n += state->fields[i].saveable;
  return n;
}

static void
test_unchanged (void)
{
  g_autoptr(EdaadRecord) plan = stored_plan ();
  g_autoptr(EdaadPlanEditorState) state = NULL;

  /* No input at all, then every field typed exactly as stored (whitespace around it). */
  state = edaad_plan_editor_state_compute (plan, NULL, NULL, TODAY);
  g_assert_false (state->is_new);
  g_assert_true (state->valid);
  g_assert_false (state->has_saveable);
  g_assert_false (state->has_drafts);
  for (guint i = 0; i < state->n_fields; i++)
    g_assert_false (state->fields[i].changed);
  g_assert_cmpstr (field (state, "kotter_step")->text, ==, "4");
  g_assert_cmpstr (field (state, "capstone")->text, ==, "false");
  g_assert_cmpstr (field (state, "summary")->text, ==, "");
  g_assert_null (edaad_plan_editor_state_to_record (state, plan, NULL));
  g_clear_pointer (&state, edaad_plan_editor_state_free);

  state = compute (plan, NULL, TODAY,
                   "title", "  Digital licensing ", "kotter_step", "٤", "start_on", "2026-01-10",
                   "summary", "", "capstone", "false", NULL);
  g_assert_false (state->has_saveable);
  g_assert_false (field (state, "title")->changed);
  g_assert_false (field (state, "kotter_step")->changed);
  g_assert_false (field (state, "summary")->changed);
  /* the widget's text is reported as it is, not rewritten */
  g_assert_cmpstr (field (state, "title")->text, ==, "  Digital licensing ");
}

static void
test_title_required (void)
{
  g_autoptr(EdaadRecord) plan = stored_plan ();
  g_autoptr(EdaadPlanEditorState) state = NULL;
  const EdaadPlanFieldState *title;

  state = compute (plan, NULL, TODAY, "title", "   ", "owner", "Salim", NULL);
  title = field (state, "title");
  g_assert_false (state->valid);
  g_assert_cmpstr (title->error, ==, "Title is required");
  g_assert_true (title->changed);
  g_assert_false (title->saveable);
  g_assert_true (title->draft);
  g_assert_cmpstr (title->text, ==, "   ");
  /* the other change still goes in */
  g_assert_true (field (state, "owner")->saveable);
  g_assert_cmpuint (count_saveable (state), ==, 1);
  g_assert_true (state->has_drafts);
}

static void
test_new_plan (void)
{
  g_autoptr(EdaadPlanEditorState) state = NULL;
  g_autoptr(EdaadRecord) record = NULL;
  g_autofree char *status = edaad_plan_editor_field_text (NULL, "status");

  g_assert_cmpstr (status, ==, "draft");

  /* Without a title nothing can be saved: the code waits as a draft. */
  state = compute (NULL, NULL, TODAY, "code", "CP-9", NULL);
  g_assert_true (state->is_new);
  g_assert_cmpstr (field (state, "title")->error, ==, "Title is required");
  g_assert_false (field (state, "title")->changed);
  g_assert_true (field (state, "code")->draft);
  g_assert_false (state->has_saveable);
  g_assert_null (edaad_plan_editor_state_to_record (state, NULL, PLAN_ID));
  g_clear_pointer (&state, edaad_plan_editor_state_free);

  /* The title makes the plan: both are saved, with the schema defaults. */
  state = compute (NULL, NULL, TODAY, "code", "CP-9", "title", "Open data", NULL);
  g_assert_true (state->valid);
  g_assert_true (field (state, "code")->saveable);
  g_assert_true (field (state, "title")->saveable);
  g_assert_false (state->has_drafts);
  record = edaad_plan_editor_state_to_record (state, NULL, PLAN_ID);
  g_assert_nonnull (record);
  g_assert_cmpstr (edaad_record_get_id (record), ==, PLAN_ID);
  g_assert_cmpstr (edaad_record_get_string (record, "title"), ==, "Open data");
  g_assert_cmpstr (edaad_record_get_string (record, "status"), ==, "draft");
  g_assert_cmpstr (edaad_record_get_string (record, "change_type"), ==, "other");
  g_assert_cmpint (edaad_record_get_int (record, "kotter_step"), ==, 1);
}

static void
test_date_order_keeps_text (void)
{
  g_autoptr(EdaadRecord) plan = stored_plan ();
  g_autoptr(EdaadPlanEditorState) state = NULL;
  g_autoptr(EdaadRecord) record = NULL;

  /* go-live after the stored due date: the message sits on the later field (due), and
   * the go-live text is not stored but kept as a draft. */
  state = compute (plan, NULL, TODAY, "go_live_on", "2027-03-01", NULL);
  g_assert_false (state->valid);
  g_assert_null (field (state, "go_live_on")->error);
  g_assert_cmpstr (field (state, "due_on")->error, ==, "The due date cannot be before the go-live date");
  g_assert_false (field (state, "due_on")->changed);
  g_assert_false (field (state, "go_live_on")->saveable);
  g_assert_true (field (state, "go_live_on")->draft);
  g_assert_cmpstr (field (state, "go_live_on")->text, ==, "2027-03-01");
  g_assert_false (state->has_saveable);
  g_assert_null (edaad_plan_editor_state_to_record (state, plan, NULL));
  g_clear_pointer (&state, edaad_plan_editor_state_free);

  /* The later field typed too early: its own message, not saved. */
  state = compute (plan, NULL, TODAY, "due_on", "2026-05-01", NULL);
  g_assert_cmpstr (field (state, "due_on")->error, ==, "The due date cannot be before the go-live date");
  g_assert_true (field (state, "due_on")->draft);
  g_assert_false (state->has_saveable);
  g_clear_pointer (&state, edaad_plan_editor_state_free);

  /* Start after go-live: on go-live. */
  state = compute (plan, NULL, TODAY, "start_on", "2026-07-01", NULL);
  g_assert_cmpstr (field (state, "go_live_on")->error, ==, "The go-live date cannot be before the start date");
  g_assert_null (field (state, "start_on")->error);
  g_assert_true (field (state, "start_on")->draft);
  g_clear_pointer (&state, edaad_plan_editor_state_free);

  /* Both moved out together: valid only as a pair, and both saved whatever the order. */
  state = compute (plan, NULL, TODAY, "go_live_on", "2027-03-01", "due_on", "2027-06-30", NULL);
  g_assert_true (state->valid);
  g_assert_true (field (state, "go_live_on")->saveable);
  g_assert_true (field (state, "due_on")->saveable);
  record = edaad_plan_editor_state_to_record (state, plan, NULL);
  g_assert_cmpstr (edaad_record_get_string (record, "go_live_on"), ==, "2027-03-01");
  g_assert_cmpstr (edaad_record_get_string (record, "due_on"), ==, "2027-06-30");
  /* the stored plan itself is untouched */
  g_assert_cmpstr (edaad_record_get_string (plan, "due_on"), ==, "2026-12-31");
}

static void
test_bad_dates (void)
{
  g_autoptr(EdaadRecord) plan = stored_plan ();
  g_autoptr(EdaadPlanEditorState) state = NULL;

  state = compute (plan, NULL, TODAY, "start_on", "10/01/2026", "go_live_on", "2026-02-30", "due_on", "", NULL);
  g_assert_cmpstr (field (state, "start_on")->error, ==, "Start must be a date in the form YYYY-MM-DD");
  g_assert_cmpstr (field (state, "go_live_on")->error, ==, "Go-live is not a real calendar date");
  /* clearing an optional date is a valid change */
  g_assert_null (field (state, "due_on")->error);
  g_assert_true (field (state, "due_on")->saveable);
  g_assert_null (field (state, "due_on")->value);
  g_assert_true (field (state, "start_on")->draft);
  g_assert_true (field (state, "go_live_on")->draft);
  g_clear_pointer (&state, edaad_plan_editor_state_free);

  /* Arabic-Indic digits read as a date. */
  state = compute (plan, NULL, TODAY, "due_on", "٢٠٢٧-٠١-٣١", NULL);
  g_assert_true (field (state, "due_on")->saveable);
  g_assert_cmpstr (g_variant_get_string (field (state, "due_on")->value, NULL), ==, "2027-01-31");
}

static void
test_code_unique (void)
{
  g_autoptr(EdaadRecord) plan = stored_plan ();
  g_autoptr(EdaadPlanEditorState) state = NULL;
  g_autoptr(GHashTable) codes = g_hash_table_new (g_str_hash, g_str_equal);

  g_hash_table_add (codes, (gpointer) "CP-2026-01");
  g_hash_table_add (codes, (gpointer) "CP-2026-03");

  state = compute (plan, codes, TODAY, "code", " CP-2026-01 ", NULL);
  g_assert_cmpstr (field (state, "code")->error, ==, "Another plan already uses the code CP-2026-01");
  g_assert_true (field (state, "code")->draft);
  g_assert_false (state->has_saveable);
  g_assert_false (state->valid);
  g_clear_pointer (&state, edaad_plan_editor_state_free);

  state = compute (plan, codes, TODAY, "code", "CP-2026-04", NULL);
  g_assert_null (field (state, "code")->error);
  g_assert_true (field (state, "code")->saveable);
  g_clear_pointer (&state, edaad_plan_editor_state_free);

  /* An empty code is allowed even when codes exist; the plan's own code is not "another". */
  state = compute (plan, codes, TODAY, "code", "", NULL);
  g_assert_null (field (state, "code")->error);
  g_assert_true (field (state, "code")->saveable);
  g_clear_pointer (&state, edaad_plan_editor_state_free);

  state = edaad_plan_editor_state_compute (plan, NULL, codes, TODAY);
  g_assert_null (field (state, "code")->error);
}

static void
test_enums_and_numbers (void)
{
  g_autoptr(EdaadRecord) plan = stored_plan ();
  g_autoptr(EdaadPlanEditorState) state = NULL;
  g_autoptr(EdaadRecord) record = NULL;

  state = compute (plan, NULL, TODAY,
                   "status", "approved", "priority", "critical", "phase", "manage",
                   "kotter_step", "5", "capstone", "true", NULL);
  g_assert_true (state->valid);
  g_assert_cmpuint (count_saveable (state), ==, 5);
  record = edaad_plan_editor_state_to_record (state, plan, NULL);
  g_assert_cmpstr (edaad_record_get_string (record, "status"), ==, "approved");
  g_assert_cmpstr (edaad_record_get_string (record, "priority"), ==, "critical");
  g_assert_cmpint (edaad_record_get_int (record, "kotter_step"), ==, 5);
  g_assert_true (edaad_record_get_bool (record, "capstone"));
  g_clear_pointer (&state, edaad_plan_editor_state_free);

  state = compute (plan, NULL, TODAY,
                   "status", "finished", "change_type", "", "kotter_step", "9",
                   "priority", "", NULL);
  g_assert_cmpstr (field (state, "status")->error, ==, "Status has an unknown value “finished”");
  g_assert_cmpstr (field (state, "change_type")->error, ==, "Type of change is required");
  g_assert_cmpstr (field (state, "kotter_step")->error, ==, "Kotter step must be between 1 and 8");
  /* an optional enum may be cleared */
  g_assert_true (field (state, "priority")->saveable);
  g_assert_cmpuint (count_saveable (state), ==, 1);
  g_clear_pointer (&state, edaad_plan_editor_state_free);

  state = compute (plan, NULL, TODAY, "kotter_step", "four", "capstone", "maybe", NULL);
  g_assert_false (field (state, "kotter_step")->readable);
  g_assert_cmpstr (field (state, "kotter_step")->error, ==, "Kotter step must be a whole number");
  g_assert_true (field (state, "kotter_step")->draft);
  g_assert_cmpstr (field (state, "capstone")->error, ==, "Capstone plan must be yes or no");
  g_assert_false (state->has_saveable);
}

static void
test_overdue_hint (void)
{
  g_autoptr(EdaadRecord) plan = stored_plan ();
  g_autoptr(EdaadPlanEditorState) state = NULL;

  state = edaad_plan_editor_state_compute (plan, NULL, NULL, TODAY);
  g_assert_null (field (state, "due_on")->hint);
  g_clear_pointer (&state, edaad_plan_editor_state_free);

  state = edaad_plan_editor_state_compute (plan, NULL, NULL, "2027-01-05");
  g_assert_cmpstr (field (state, "due_on")->hint, ==, "This date has passed and the plan is not closed");
  g_assert_true (state->valid);
  g_clear_pointer (&state, edaad_plan_editor_state_free);

  state = compute (plan, NULL, "2027-01-05", "status", "closed", NULL);
  g_assert_null (field (state, "due_on")->hint);
}

int
main (int   argc,
      char *argv[])
{
  /* Messages are checked in English, whatever the machine's language. */
  g_setenv ("LANGUAGE", "C", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plan-editor-state/unchanged", test_unchanged);
  g_test_add_func ("/plan-editor-state/title-required", test_title_required);
  g_test_add_func ("/plan-editor-state/new-plan", test_new_plan);
  g_test_add_func ("/plan-editor-state/date-order-keeps-text", test_date_order_keeps_text);
  g_test_add_func ("/plan-editor-state/bad-dates", test_bad_dates);
  g_test_add_func ("/plan-editor-state/code-unique", test_code_unique);
  g_test_add_func ("/plan-editor-state/enums-and-numbers", test_enums_and_numbers);
  g_test_add_func ("/plan-editor-state/overdue-hint", test_overdue_hint);

  return g_test_run ();
}
