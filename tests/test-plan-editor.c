/* test-plan-editor.c — the plan form in a real window under Xvfb, over a real store. */
#define G_LOG_DOMAIN "test-plan-editor"

#include "config.h"

#include "edaad-test-dir.h"
#include "edaad-uuid.h"
#include "plans/edaad-plan-editor.h"

#include <adwaita.h>
#include <locale.h>

typedef struct
{
  char *dir;
  char *path;
  EdaadStore *store;
  GtkWidget *window;
  EdaadPlanEditor *editor;
  char *plan_id;
} Fixture;

static void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (1000);
    }
}

/* Until the debounce has fired and its save has run (at least the pause itself: a loaded
 * machine may take longer, so wait for the editor rather than for a fixed time). */
static void
wait_debounce (EdaadPlanEditor *editor)
{
  gint64 give_up = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  spin (EDAAD_PLAN_EDITOR_DEBOUNCE_MS + 50);
  while (edaad_plan_editor_has_pending_save (editor) && g_get_monotonic_time () < give_up)
    spin (20);
  g_assert_false (edaad_plan_editor_has_pending_save (editor));
  spin (20);
}

static char *
put_plan (EdaadStore *store,
          const char *code,
          const char *title)
{
  g_autoptr(EdaadRecord) plan = edaad_record_new_for_kind ("plan");
  g_autoptr(GError) error = NULL;
  g_autofree char *id = edaad_uuid_new ();

  edaad_record_set_id (plan, id);
  edaad_record_set_scope (plan, edaad_store_get_local_scope (store, EDAAD_SCOPE_INSTITUTION));
  edaad_record_set_version (plan, 3);
  edaad_record_set_string (plan, "code", code);
  edaad_record_set_string (plan, "title", title);
  edaad_record_set_string (plan, "change_type", "it_digital");
  edaad_record_set_string (plan, "status", "implementing");
  edaad_record_set_string (plan, "start_on", "2026-01-10");
  edaad_record_set_string (plan, "go_live_on", "2026-06-01");
  edaad_record_set_string (plan, "due_on", "2026-12-31");
  edaad_record_set_int (plan, "kotter_step", 4);
  g_assert_true (edaad_store_put_synced (store, plan, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&id);
}

static void
show_editor (Fixture *fixture)
{
  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 700, 900);
  fixture->editor = EDAAD_PLAN_EDITOR (edaad_plan_editor_new (fixture->store));
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->editor));
  gtk_window_present (GTK_WINDOW (fixture->window));
  spin (50);
}

static void
close_editor (Fixture *fixture)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  fixture->window = NULL;
  fixture->editor = NULL;
  spin (20);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = edaad_test_dir_new ("plan-editor");
  fixture->path = g_build_filename (fixture->dir, "edaad.db", NULL);
  fixture->store = edaad_store_open (fixture->path, &error);
  g_assert_no_error (error);
  fixture->plan_id = put_plan (fixture->store, "CP-2026-02", "Digital licensing");
  show_editor (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window != NULL)
    close_editor (fixture);
  g_clear_object (&fixture->store);
  g_clear_pointer (&fixture->dir, edaad_test_dir_remove);
  g_free (fixture->path);
  g_free (fixture->plan_id);
}

static EdaadRecord *
stored (Fixture    *fixture,
        const char *id)
{
  g_autoptr(GError) error = NULL;
  EdaadRecord *plan = edaad_store_get (fixture->store, "plan", id, &error);

  g_assert_no_error (error);
  return plan;
}

static void
type_text (Fixture    *fixture,
           const char *field,
           const char *text)
{
  GtkWidget *widget = edaad_plan_editor_get_field_widget (fixture->editor, field);

  if (GTK_IS_TEXT_VIEW (widget))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), text, -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (widget), text);
}

static GHashTable *
drafts (Fixture    *fixture,
        const char *id)
{
  g_autoptr(GError) error = NULL;
  GHashTable *table = edaad_store_drafts_for (fixture->store, "plan", id, &error);

  g_assert_no_error (error);
  return table;
}

static void
assert_message (Fixture    *fixture,
                const char *field,
                const char *message)
{
  GtkLabel *label = edaad_plan_editor_get_message_label (fixture->editor, field);

  if (message == NULL)
    {
      g_assert_false (gtk_widget_is_visible (GTK_WIDGET (label)));
      return;
    }
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (label)));
  g_assert_cmpstr (gtk_label_get_text (label), ==, message);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (label), "error"));
}

static void
test_title_saved_and_folded (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(EdaadRecord) plan = NULL;

  edaad_plan_editor_set_plan (fixture->editor, fixture->plan_id);
  g_assert_cmpstr (edaad_plan_editor_get_plan_id (fixture->editor), ==, fixture->plan_id);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (edaad_plan_editor_get_field_widget (fixture->editor, "title"))),
                   ==, "Digital licensing");
  g_assert_cmpuint (edaad_store_count_outbox (fixture->store), ==, 0);

  /* Keystrokes inside the pause are not written yet (checked before the main loop runs
   * again, so a loaded machine cannot let the pause expire in between)… */
  type_text (fixture, "title", "Digital lic");
  type_text (fixture, "title", "Digital licences");
  plan = stored (fixture, fixture->plan_id);
  g_assert_cmpstr (edaad_record_get_string (plan, "title"), ==, "Digital licensing");
  g_clear_object (&plan);

  /* …after it they are. */
  wait_debounce (fixture->editor);
  plan = stored (fixture, fixture->plan_id);
  g_assert_cmpstr (edaad_record_get_string (plan, "title"), ==, "Digital licences");
  g_clear_object (&plan);
  g_assert_cmpuint (edaad_store_count_outbox (fixture->store), ==, 1);

  /* Further saves fold into the same outbox entry. */
  type_text (fixture, "title", "Digital licences for traders");
  wait_debounce (fixture->editor);
  type_text (fixture, "owner", "Salim Al-Harthy");
  wait_debounce (fixture->editor);
  plan = stored (fixture, fixture->plan_id);
  g_assert_cmpstr (edaad_record_get_string (plan, "title"), ==, "Digital licences for traders");
  g_assert_cmpstr (edaad_record_get_string (plan, "owner"), ==, "Salim Al-Harthy");
  g_assert_cmpuint (edaad_store_count_outbox (fixture->store), ==, 1);
  g_assert_true (edaad_plan_editor_get_state (fixture->editor)->valid);
  g_assert_false (edaad_plan_editor_get_state (fixture->editor)->has_drafts);
}

static void
test_invalid_order_drafted (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(EdaadRecord) plan = NULL;
  g_autoptr(GHashTable) table = NULL;

  edaad_plan_editor_set_plan (fixture->editor, fixture->plan_id);
  assert_message (fixture, "due_on", NULL);

  type_text (fixture, "go_live_on", "2027-03-01");
  wait_debounce (fixture->editor);

  assert_message (fixture, "due_on", "The due date cannot be before the go-live date");
  g_assert_true (gtk_widget_has_css_class (edaad_plan_editor_get_field_widget (fixture->editor, "due_on"), "error"));
  plan = stored (fixture, fixture->plan_id);
  g_assert_cmpstr (edaad_record_get_string (plan, "go_live_on"), ==, "2026-06-01");
  g_clear_object (&plan);
  g_assert_cmpuint (edaad_store_count_outbox (fixture->store), ==, 0);
  table = drafts (fixture, fixture->plan_id);
  g_assert_cmpuint (g_hash_table_size (table), ==, 1);
  g_assert_cmpstr (g_hash_table_lookup (table, "go_live_on"), ==, "2027-03-01");
  g_clear_pointer (&table, g_hash_table_unref);

  /* Closing the window and opening the plan again brings the text and its message back. */
  close_editor (fixture);
  show_editor (fixture);
  edaad_plan_editor_set_plan (fixture->editor, fixture->plan_id);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (edaad_plan_editor_get_field_widget (fixture->editor, "go_live_on"))),
                   ==, "2027-03-01");
  assert_message (fixture, "due_on", "The due date cannot be before the go-live date");
  g_assert_true (edaad_plan_editor_get_state (fixture->editor)->has_drafts);

  /* Fixing the order saves both and drops the draft. */
  type_text (fixture, "due_on", "2027-06-30");
  wait_debounce (fixture->editor);
  assert_message (fixture, "due_on", NULL);
  g_assert_false (gtk_widget_has_css_class (edaad_plan_editor_get_field_widget (fixture->editor, "due_on"), "error"));
  plan = stored (fixture, fixture->plan_id);
  g_assert_cmpstr (edaad_record_get_string (plan, "go_live_on"), ==, "2027-03-01");
  g_assert_cmpstr (edaad_record_get_string (plan, "due_on"), ==, "2027-06-30");
  g_assert_cmpuint (edaad_store_count_outbox (fixture->store), ==, 1);
  table = drafts (fixture, fixture->plan_id);
  g_assert_cmpuint (g_hash_table_size (table), ==, 0);
}

static void
test_bad_date_and_focus_out (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(EdaadRecord) plan = NULL;
  g_autoptr(GHashTable) table = NULL;
  GtkWidget *start = NULL;

  edaad_plan_editor_set_plan (fixture->editor, fixture->plan_id);
  start = edaad_plan_editor_get_field_widget (fixture->editor, "start_on");
  g_assert_true (gtk_widget_grab_focus (start));
  spin (20);
  type_text (fixture, "start_on", "2026-02-30");
  /* Focus leaving the field applies it at once, without waiting for the pause. */
  g_assert_true (gtk_widget_grab_focus (edaad_plan_editor_get_field_widget (fixture->editor, "title")));
  /* The focus change reaches the field when the main loop runs: give a loaded machine time. */
  for (int i = 0; i < 250 && !gtk_widget_is_visible (GTK_WIDGET (edaad_plan_editor_get_message_label (fixture->editor, "start_on"))); i++)
    spin (20);
  assert_message (fixture, "start_on", "Start is not a real calendar date");
  table = drafts (fixture, fixture->plan_id);
  g_assert_cmpstr (g_hash_table_lookup (table, "start_on"), ==, "2026-02-30");
  plan = stored (fixture, fixture->plan_id);
  g_assert_cmpstr (edaad_record_get_string (plan, "start_on"), ==, "2026-01-10");
}

static void
test_code_unique (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *other = put_plan (fixture->store, "CP-2026-01", "Another plan");
  g_autoptr(EdaadRecord) plan = NULL;

  edaad_plan_editor_set_plan (fixture->editor, fixture->plan_id);
  type_text (fixture, "code", "CP-2026-01");
  wait_debounce (fixture->editor);
  assert_message (fixture, "code", "Another plan already uses the code CP-2026-01");
  plan = stored (fixture, fixture->plan_id);
  g_assert_cmpstr (edaad_record_get_string (plan, "code"), ==, "CP-2026-02");
  g_clear_object (&plan);

  type_text (fixture, "code", "CP-2026-03");
  wait_debounce (fixture->editor);
  assert_message (fixture, "code", NULL);
  plan = stored (fixture, fixture->plan_id);
  g_assert_cmpstr (edaad_record_get_string (plan, "code"), ==, "CP-2026-03");
}

static void
on_notify_plan_id (GObject    *object,
                   GParamSpec *pspec,
                   guint      *count)
{
  (*count)++;
}

static void
test_new_plan (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GHashTable) table = NULL;
  g_autoptr(EdaadRecord) plan = NULL;
  g_auto(GStrv) pending = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *draft_id = NULL;
  guint notified = 0;

  g_signal_connect (fixture->editor, "notify::plan-id", G_CALLBACK (on_notify_plan_id), &notified);
  edaad_plan_editor_new_plan (fixture->editor);
  g_assert_null (edaad_plan_editor_get_plan_id (fixture->editor));
  g_assert_true (edaad_plan_editor_get_state (fixture->editor)->is_new);

  /* Before there is a title nothing is written but a draft. */
  type_text (fixture, "code", "CP-2026-09");
  wait_debounce (fixture->editor);
  g_assert_cmpint (edaad_store_count_live (fixture->store, "plan", NULL), ==, 1);
  pending = edaad_store_draft_ids (fixture->store, "plan", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (pending), ==, 1);
  draft_id = g_strdup (pending[0]);

  /* A crash now loses nothing: the new plan comes back from its drafts. */
  close_editor (fixture);
  show_editor (fixture);
  g_signal_connect (fixture->editor, "notify::plan-id", G_CALLBACK (on_notify_plan_id), &notified);
  edaad_plan_editor_resume_new_plan (fixture->editor, draft_id);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (edaad_plan_editor_get_field_widget (fixture->editor, "code"))),
                   ==, "CP-2026-09");
  assert_message (fixture, "title", "Title is required");

  /* The title creates the plan, with the code and the schema defaults. */
  type_text (fixture, "title", "Open data portal");
  wait_debounce (fixture->editor);
  g_assert_cmpint (edaad_store_count_live (fixture->store, "plan", NULL), ==, 2);
  g_assert_cmpstr (edaad_plan_editor_get_plan_id (fixture->editor), ==, draft_id);
  g_assert_cmpuint (notified, ==, 1);
  plan = stored (fixture, draft_id);
  g_assert_cmpstr (edaad_record_get_string (plan, "title"), ==, "Open data portal");
  g_assert_cmpstr (edaad_record_get_string (plan, "code"), ==, "CP-2026-09");
  g_assert_cmpstr (edaad_record_get_string (plan, "status"), ==, "draft");
  g_assert_cmpuint (edaad_store_count_outbox (fixture->store), ==, 1);
  table = drafts (fixture, draft_id);
  g_assert_cmpuint (g_hash_table_size (table), ==, 0);
  assert_message (fixture, "title", NULL);
}

static void
test_undo (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(EdaadRecord) plan = NULL;
  AdwComboRow *status;

  edaad_plan_editor_set_plan (fixture->editor, fixture->plan_id);
  /* Nothing to undo yet: nothing happens. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "plan-editor.undo", NULL);
  g_assert_cmpuint (edaad_store_count_outbox (fixture->store), ==, 0);

  status = ADW_COMBO_ROW (edaad_plan_editor_get_field_widget (fixture->editor, "status"));
  adw_combo_row_set_selected (status, 3); /* approved */
  wait_debounce (fixture->editor);
  gtk_switch_set_active (GTK_SWITCH (edaad_plan_editor_get_field_widget (fixture->editor, "capstone")), TRUE);
  wait_debounce (fixture->editor);
  plan = stored (fixture, fixture->plan_id);
  g_assert_cmpstr (edaad_record_get_string (plan, "status"), ==, "approved");
  g_assert_true (edaad_record_get_bool (plan, "capstone"));
  g_clear_object (&plan);

  /* Undo walks back one saved change at a time, through the store. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "plan-editor.undo", NULL));
  plan = stored (fixture, fixture->plan_id);
  g_assert_false (edaad_record_get_bool (plan, "capstone"));
  g_assert_cmpstr (edaad_record_get_string (plan, "status"), ==, "approved");
  g_clear_object (&plan);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (edaad_plan_editor_get_field_widget (fixture->editor, "capstone"))));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "plan-editor.undo", NULL));
  plan = stored (fixture, fixture->plan_id);
  g_assert_cmpstr (edaad_record_get_string (plan, "status"), ==, "implementing");
  g_assert_cmpuint (adw_combo_row_get_selected (status), ==, 4);
}

static void
test_close_saves_pending (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(EdaadRecord) plan = NULL;
  g_autofree char *other = put_plan (fixture->store, "CP-2026-05", "Second plan");

  edaad_plan_editor_set_plan (fixture->editor, fixture->plan_id);
  type_text (fixture, "summary", "Licences issued online in one step.");
  /* Switching plans before the pause ends saves the first plan's edit. */
  edaad_plan_editor_set_plan (fixture->editor, other);
  plan = stored (fixture, fixture->plan_id);
  g_assert_cmpstr (edaad_record_get_string (plan, "summary"), ==, "Licences issued online in one step.");
  g_clear_object (&plan);

  /* So does closing the window. */
  type_text (fixture, "vision", "Every trader served online");
  close_editor (fixture);
  plan = stored (fixture, other);
  g_assert_cmpstr (edaad_record_get_string (plan, "vision"), ==, "Every trader served online");
  g_clear_object (&plan);

  /* NULL shows the empty state. */
  show_editor (fixture);
  edaad_plan_editor_set_plan (fixture->editor, other);
  edaad_plan_editor_set_plan (fixture->editor, NULL);
  g_assert_null (edaad_plan_editor_get_plan_id (fixture->editor));
  g_assert_null (edaad_plan_editor_get_state (fixture->editor));
}

static void
test_follows_store (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(EdaadRecord) plan = NULL;
  g_autoptr(GError) error = NULL;

  edaad_plan_editor_set_plan (fixture->editor, fixture->plan_id);
  type_text (fixture, "owner", "Typed here");
  wait_debounce (fixture->editor);

  /* Another writer (sync) changes the sponsor: the form follows. */
  plan = stored (fixture, fixture->plan_id);
  edaad_record_set_string (plan, "sponsor", "Undersecretary");
  g_assert_true (edaad_store_save (fixture->store, plan, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (edaad_plan_editor_get_field_widget (fixture->editor, "sponsor"))),
                   ==, "Undersecretary");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (edaad_plan_editor_get_field_widget (fixture->editor, "owner"))),
                   ==, "Typed here");

  /* Deleted elsewhere: the editor empties. */
  g_assert_true (edaad_store_delete (fixture->store, "plan", fixture->plan_id, &error));
  g_assert_no_error (error);
  g_assert_null (edaad_plan_editor_get_plan_id (fixture->editor));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/plan-editor/title-saved-and-folded", test_title_saved_and_folded);
  ADD ("/plan-editor/invalid-order-drafted", test_invalid_order_drafted);
  ADD ("/plan-editor/bad-date-and-focus-out", test_bad_date_and_focus_out);
  ADD ("/plan-editor/code-unique", test_code_unique);
  ADD ("/plan-editor/new-plan", test_new_plan);
  ADD ("/plan-editor/undo", test_undo);
  ADD ("/plan-editor/close-saves-pending", test_close_saves_pending);
  ADD ("/plan-editor/follows-store", test_follows_store);
#undef ADD

  return g_test_run ();
}
