/* edaad-plan-editor-commit.c — the plan editor's saving: after the pause, read the form,
 * compute its state, save the saveable fields in one store transaction, keep the rest as
 * drafts, show the result; and undo, one saved change at a time, through the store.
 */
#define G_LOG_DOMAIN "edaad-plan-editor"

#include "config.h"

#include "edaad-plan-editor-private.h"

#include "edaad-date.h"

#include <glib/gi18n-lib.h>

typedef struct
{
  char *field;
  char *text;  /* the text before the saved change */
} UndoStep;

#define UNDO_DEPTH 50

void
edaad_plan_editor_undo_step_free (gpointer data)
{
  UndoStep *step = data;

  g_free (step->field);
  g_free (step->text);
  g_free (step);
}

/* ---- the state ---- */

/* The codes other plans of the same institution use — only the one typed can clash, so
 * only plans with that code are looked up (the column is indexed). */
static GHashTable *
codes_in_use (EdaadPlanEditor *self,
              const char      *typed)
{
  GHashTable *codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *code = g_strstrip (g_strdup (typed != NULL ? typed : ""));
  g_autoptr(EdaadRecordList) same = NULL;
  const char *scope;
  guint n;

  if (*code == '\0')
    return codes;

  scope = self->stored != NULL ? edaad_record_get_scope (self->stored)
                               : edaad_store_get_local_scope (self->store, EDAAD_SCOPE_INSTITUTION);
  same = edaad_record_list_new (self->store, "plan");
  edaad_record_list_set_equals (same, "code", code);
  n = g_list_model_get_n_items (G_LIST_MODEL (same));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EdaadRecord) other = g_list_model_get_item (G_LIST_MODEL (same), i);

      if (g_strcmp0 (edaad_record_get_id (other), self->plan_id) != 0 &&
          g_strcmp0 (edaad_record_get_scope (other), scope) == 0)
        g_hash_table_add (codes, g_strdup (edaad_record_get_string (other, "code")));
    }
  return codes;
}

/* Replaces self->state with the state of `input` against the plan as stored. */
static void
compute_state (EdaadPlanEditor *self,
               GHashTable      *input)
{
  g_autoptr(GHashTable) codes = codes_in_use (self, g_hash_table_lookup (input, "code"));
  g_autofree char *today = edaad_date_today ();

  g_clear_pointer (&self->state, edaad_plan_editor_state_free);
  self->state = edaad_plan_editor_state_compute (self->stored, input, codes, today);
}

void
edaad_plan_editor_refresh (EdaadPlanEditor *self)
{
  g_autoptr(GHashTable) input = edaad_plan_editor_read_input (self);

  compute_state (self, input);
  edaad_plan_editor_apply_state (self);
}

/* ---- drafts and saving ---- */

static void
push_undo (EdaadPlanEditor *self,
           const char      *field,
           const char      *text)
{
  UndoStep *step;

  if (self->undoing)
    return;
  if (self->undo->len >= UNDO_DEPTH)
    g_ptr_array_remove_index (self->undo, 0);
  step = g_new0 (UndoStep, 1);
  step->field = g_strdup (field);
  step->text = g_strdup (text);
  g_ptr_array_add (self->undo, step);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan-editor.undo", TRUE);
}

void
edaad_plan_editor_reset_history (EdaadPlanEditor *self)
{
  g_hash_table_remove_all (self->drafted);
  g_ptr_array_set_size (self->undo, 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan-editor.undo", FALSE);
}

/* Writes (or drops) the draft of every field so that the draft table holds exactly the
 * changed text the store does not hold. */
static void
sync_drafts (EdaadPlanEditor *self,
             gboolean         keep_every_change)
{
  for (guint i = 0; i < self->state->n_fields; i++)
    {
      const EdaadPlanFieldState *fs = &self->state->fields[i];
      const char *name = fs->spec->name;
      const char *known = g_hash_table_lookup (self->drafted, name);
      gboolean want = keep_every_change ? fs->changed : fs->draft;
      g_autoptr(GError) error = NULL;

      if (want && g_strcmp0 (known, fs->text) != 0)
        {
          if (edaad_store_draft_set (self->store, "plan", self->plan_id, name, fs->text, &error))
            g_hash_table_replace (self->drafted, g_strdup (name), g_strdup (fs->text));
          else
            g_warning ("Could not keep the draft of %s: %s", name, error->message);
        }
      else if (!want && known != NULL)
        {
          if (edaad_store_draft_clear (self->store, "plan", self->plan_id, name, &error))
            g_hash_table_remove (self->drafted, name);
          else
            g_warning ("Could not drop the draft of %s: %s", name, error->message);
        }
    }
}

static gboolean
save (EdaadPlanEditor *self)
{
  g_autoptr(EdaadRecord) record = NULL;
  g_autoptr(EdaadRecord) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  record = edaad_plan_editor_state_to_record (self->state, self->stored, self->plan_id);
  if (record == NULL)
    return TRUE;

  self->saving = TRUE;
  ok = edaad_store_save (self->store, record, &error);
  self->saving = FALSE;
  if (!ok)
    {
      g_clear_pointer (&self->store_error, g_free);
      /* Translators: %s says why the database refused the change */
      self->store_error = g_strdup_printf (_("Your changes could not be saved and are kept as drafts: %s"),
                                           error->message);
      return FALSE;
    }
  g_clear_pointer (&self->store_error, g_free);

  for (guint i = 0; i < self->state->n_fields; i++)
    if (self->state->fields[i].saveable)
      {
        g_autofree char *before = edaad_plan_editor_field_text (self->stored, self->state->fields[i].spec->name);
        push_undo (self, self->state->fields[i].spec->name, before);
      }

  reloaded = edaad_store_get (self->store, "plan", self->plan_id, NULL);
  g_clear_object (&self->stored);
  self->stored = reloaded != NULL ? g_steal_pointer (&reloaded) : g_steal_pointer (&record);
  if (self->is_new)
    {
      self->is_new = FALSE;
      edaad_plan_editor_notify_plan_id (self);
    }
  return TRUE;
}

gboolean
edaad_plan_editor_commit (EdaadPlanEditor *self)
{
  g_autoptr(GHashTable) input = NULL;
  gboolean ok;

  g_clear_handle_id (&self->debounce_id, g_source_remove);
  if (self->plan_id == NULL)
    return TRUE;

  input = edaad_plan_editor_read_input (self);
  compute_state (self, input);

  ok = save (self);
  if (ok)
    {
      /* Against the plan as now stored: what was saved is no longer a change. */
      compute_state (self, input);
    }
  sync_drafts (self, !ok);
  edaad_plan_editor_apply_state (self);

  return ok;
}

/* ---- the pause ---- */

static gboolean
on_debounce (gpointer user_data)
{
  EdaadPlanEditor *self = user_data;

  self->debounce_id = 0;
  edaad_plan_editor_commit (self);
  return G_SOURCE_REMOVE;
}

void
edaad_plan_editor_schedule_commit (EdaadPlanEditor *self)
{
  if (self->loading > 0 || self->plan_id == NULL)
    return;
  g_clear_handle_id (&self->debounce_id, g_source_remove);
  self->debounce_id = g_timeout_add (EDAAD_PLAN_EDITOR_DEBOUNCE_MS, on_debounce, self);
}

/* ---- undo ---- */

void
edaad_plan_editor_undo (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  EdaadPlanEditor *self = EDAAD_PLAN_EDITOR (widget);
  UndoStep *step;

  edaad_plan_editor_commit (self);
  if (self->undo->len == 0)
    return;
  step = g_ptr_array_steal_index (self->undo, self->undo->len - 1);
  edaad_plan_editor_field_set_text (edaad_plan_editor_lookup_field (self, step->field), step->text);
  self->undoing = TRUE;
  edaad_plan_editor_commit (self);
  self->undoing = FALSE;
  edaad_plan_editor_undo_step_free (step);
  gtk_widget_action_set_enabled (widget, "plan-editor.undo", self->undo->len > 0);
}
