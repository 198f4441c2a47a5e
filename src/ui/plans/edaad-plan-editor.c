/* edaad-plan-editor.c — the change plan form: every field, validated and saved as you type.
 *
 * The widgets only hold text.  After a pause in typing (or when focus leaves a field) the
 * editor reads every field's text, computes an EdaadPlanEditorState (a pure function), saves
 * the saveable fields in one store transaction, keeps the rest as drafts in the store, and
 * applies the state: messages under the fields, error styles, the heading and status line.
 *
 * This file holds the object, loading a plan and following changes made elsewhere; the form
 * is built in edaad-plan-editor-form.c, the widgets' text and messages are handled in
 * edaad-plan-editor-fields.c, saving, drafts and undo in edaad-plan-editor-commit.c.
 */
#define G_LOG_DOMAIN "edaad-plan-editor"

#include "config.h"

#include "edaad-plan-editor.h"

#include "edaad-plan-editor-private.h"
#include "edaad-ui-format.h"
#include "edaad-uuid.h"

G_DEFINE_FINAL_TYPE (EdaadPlanEditor, edaad_plan_editor, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_PLAN_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
edaad_plan_editor_notify_plan_id (EdaadPlanEditor *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN_ID]);
}

/* ---- loading a plan ---- */

static void
load (EdaadPlanEditor *self,
      GHashTable      *drafts)
{
  edaad_plan_editor_reset_history (self);
  g_clear_pointer (&self->store_error, g_free);

  for (guint i = 0; i < self->n_fields; i++)
    {
      EdaadPlanEditorField *field = &self->fields[i];
      const char *draft = drafts != NULL ? g_hash_table_lookup (drafts, field->spec->name) : NULL;
      g_autofree char *text = NULL;

      if (draft != NULL)
        g_hash_table_insert (self->drafted, g_strdup (field->spec->name), g_strdup (draft));
      text = draft != NULL ? g_strdup (draft) : edaad_plan_editor_field_text (self->stored, field->spec->name);
      edaad_plan_editor_field_set_text (field, text);
    }

  gtk_stack_set_visible_child_name (self->stack, "form");
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (
                              GTK_SCROLLED_WINDOW (gtk_stack_get_child_by_name (self->stack, "form"))), 0);
  edaad_plan_editor_commit (self);
}

static void
show_empty (EdaadPlanEditor *self)
{
  g_clear_pointer (&self->plan_id, g_free);
  g_clear_object (&self->stored);
  g_clear_pointer (&self->state, edaad_plan_editor_state_free);
  edaad_plan_editor_reset_history (self);
  self->is_new = FALSE;
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
open_plan (EdaadPlanEditor *self,
           const char      *id,
           gboolean         is_new)
{
  g_autoptr(GHashTable) drafts = NULL;
  g_autoptr(EdaadRecord) plan = NULL;
  g_autoptr(GError) error = NULL;

  if (!is_new)
    {
      plan = edaad_store_get (self->store, "plan", id, &error);
      if (plan == NULL || edaad_record_get_deleted (plan))
        {
          g_debug ("Cannot edit plan %s: %s", id, error != NULL ? error->message : "deleted");
          show_empty (self);
          return;
        }
    }

  g_free (self->plan_id);
  self->plan_id = g_strdup (id);
  self->is_new = is_new;
  g_set_object (&self->stored, plan);

  drafts = edaad_store_drafts_for (self->store, "plan", id, &error);
  if (drafts == NULL)
    g_warning ("Could not read the drafts of plan %s: %s", id, error->message);
  load (self, drafts);
}

/* ---- changes from elsewhere (sync, another window) ---- */

static void
on_store_changed (EdaadStore         *store,
                  const char         *kind,
                  const char * const *ids,
                  EdaadPlanEditor    *self)
{
  g_autoptr(EdaadRecord) plan = NULL;

  if (self->saving || self->plan_id == NULL || self->is_new || !g_str_equal (kind, "plan") ||
      !g_strv_contains (ids, self->plan_id))
    return;

  plan = edaad_store_get (self->store, "plan", self->plan_id, NULL);
  if (plan == NULL || edaad_record_get_deleted (plan))
    {
      show_empty (self);
      edaad_plan_editor_notify_plan_id (self);
      return;
    }

  /* Fields the user is not changing follow the store; the others stay as typed. */
  for (guint i = 0; self->state != NULL && i < self->state->n_fields; i++)
    if (!self->state->fields[i].changed)
      {
        g_autofree char *text = edaad_plan_editor_field_text (plan, self->state->fields[i].spec->name);
        edaad_plan_editor_field_set_text (edaad_plan_editor_lookup_field (self, self->state->fields[i].spec->name),
                                          text);
      }
  g_set_object (&self->stored, plan);
  edaad_plan_editor_refresh (self);
}

/* Dates are shown beside their entries in the user's digits: follow a change at once. */
static void
on_digits_changed (EdaadPlanEditor *self)
{
  if (self->state != NULL)
    edaad_plan_editor_apply_state (self);
}

/* ---- GObject ---- */

static void
edaad_plan_editor_constructed (GObject *object)
{
  EdaadPlanEditor *self = EDAAD_PLAN_EDITOR (object);

  G_OBJECT_CLASS (edaad_plan_editor_parent_class)->constructed (object);

  g_return_if_fail (EDAAD_IS_STORE (self->store));

  g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed), self, 0);
  self->editions = edaad_record_list_new (self->store, "edition");
  edaad_record_list_set_sort (self->editions, "number", FALSE);
  g_signal_connect_object (self->editions, "items-changed",
                           G_CALLBACK (edaad_plan_editor_rebuild_editions), self, G_CONNECT_SWAPPED);
  edaad_plan_editor_rebuild_editions (self);
  g_signal_connect_object (edaad_ui_format_get_settings (), "changed::digits",
                           G_CALLBACK (on_digits_changed), self, G_CONNECT_SWAPPED);
}

static void
edaad_plan_editor_dispose (GObject *object)
{
  EdaadPlanEditor *self = EDAAD_PLAN_EDITOR (object);

  /* What was typed in the last pause is saved (or kept as a draft), never lost. */
  if (self->debounce_id != 0 && self->store != NULL)
    edaad_plan_editor_commit (self);
  g_clear_handle_id (&self->debounce_id, g_source_remove);

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), EDAAD_TYPE_PLAN_EDITOR);
  g_clear_object (&self->editions);
  g_clear_object (&self->stored);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (edaad_plan_editor_parent_class)->dispose (object);
}

static void
edaad_plan_editor_finalize (GObject *object)
{
  EdaadPlanEditor *self = EDAAD_PLAN_EDITOR (object);

  for (guint i = 0; i < self->n_fields; i++)
    edaad_plan_editor_field_clear (&self->fields[i]);
  g_free (self->fields);
  g_ptr_array_unref (self->edition_ids);
  g_free (self->plan_id);
  g_clear_pointer (&self->state, edaad_plan_editor_state_free);
  g_hash_table_unref (self->drafted);
  g_ptr_array_unref (self->undo);
  g_free (self->store_error);

  G_OBJECT_CLASS (edaad_plan_editor_parent_class)->finalize (object);
}

static void
edaad_plan_editor_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  EdaadPlanEditor *self = EDAAD_PLAN_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_PLAN_ID:
      g_value_set_string (value, edaad_plan_editor_get_plan_id (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
edaad_plan_editor_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  EdaadPlanEditor *self = EDAAD_PLAN_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_PLAN_ID:
      edaad_plan_editor_set_plan (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
edaad_plan_editor_class_init (EdaadPlanEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = edaad_plan_editor_constructed;
  object_class->dispose = edaad_plan_editor_dispose;
  object_class->finalize = edaad_plan_editor_finalize;
  object_class->get_property = edaad_plan_editor_get_property;
  object_class->set_property = edaad_plan_editor_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, EDAAD_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLAN_ID] =
    g_param_spec_string ("plan-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/edaad-plan-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, EdaadPlanEditor, stack);
  gtk_widget_class_bind_template_child (widget_class, EdaadPlanEditor, heading_label);
  gtk_widget_class_bind_template_child (widget_class, EdaadPlanEditor, status_label);
  gtk_widget_class_bind_template_child (widget_class, EdaadPlanEditor, general_group);
  gtk_widget_class_bind_template_child (widget_class, EdaadPlanEditor, approach_group);
  gtk_widget_class_bind_template_child (widget_class, EdaadPlanEditor, dates_group);
  gtk_widget_class_bind_template_child (widget_class, EdaadPlanEditor, text_box);

  gtk_widget_class_install_action (widget_class, "plan-editor.undo", NULL, edaad_plan_editor_undo);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "plan-editor.undo", NULL);
}

static void
edaad_plan_editor_init (EdaadPlanEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->edition_ids = g_ptr_array_new_with_free_func (g_free);
  self->drafted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->undo = g_ptr_array_new_with_free_func (edaad_plan_editor_undo_step_free);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan-editor.undo", FALSE);

  edaad_plan_editor_build_form (self);
}

/* ---- public API ---- */

GtkWidget *
edaad_plan_editor_new (EdaadStore *store)
{
  g_return_val_if_fail (EDAAD_IS_STORE (store), NULL);
  return g_object_new (EDAAD_TYPE_PLAN_EDITOR, "store", store, NULL);
}

EdaadStore *
edaad_plan_editor_get_store (EdaadPlanEditor *self)
{
  g_return_val_if_fail (EDAAD_IS_PLAN_EDITOR (self), NULL);
  return self->store;
}

void
edaad_plan_editor_set_plan (EdaadPlanEditor *self,
                            const char      *plan_id)
{
  g_return_if_fail (EDAAD_IS_PLAN_EDITOR (self));

  if (g_strcmp0 (plan_id, edaad_plan_editor_get_plan_id (self)) == 0)
    return;

  edaad_plan_editor_commit (self);
  if (plan_id == NULL)
    show_empty (self);
  else
    open_plan (self, plan_id, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN_ID]);
}

const char *
edaad_plan_editor_get_plan_id (EdaadPlanEditor *self)
{
  g_return_val_if_fail (EDAAD_IS_PLAN_EDITOR (self), NULL);
  return self->is_new ? NULL : self->plan_id;
}

void
edaad_plan_editor_new_plan (EdaadPlanEditor *self)
{
  g_autofree char *id = edaad_uuid_new ();

  g_return_if_fail (EDAAD_IS_PLAN_EDITOR (self));
  edaad_plan_editor_resume_new_plan (self, id);
}

void
edaad_plan_editor_resume_new_plan (EdaadPlanEditor *self,
                                   const char      *draft_id)
{
  gboolean had_plan;

  g_return_if_fail (EDAAD_IS_PLAN_EDITOR (self));
  g_return_if_fail (draft_id != NULL && edaad_uuid_is_valid (draft_id));

  edaad_plan_editor_commit (self);
  had_plan = edaad_plan_editor_get_plan_id (self) != NULL;
  open_plan (self, draft_id, TRUE);
  gtk_widget_grab_focus (edaad_plan_editor_lookup_field (self, "title")->widget);
  if (had_plan)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN_ID]);
}

gboolean
edaad_plan_editor_flush (EdaadPlanEditor *self)
{
  g_return_val_if_fail (EDAAD_IS_PLAN_EDITOR (self), FALSE);
  return edaad_plan_editor_commit (self);
}

const EdaadPlanEditorState *
edaad_plan_editor_get_state (EdaadPlanEditor *self)
{
  g_return_val_if_fail (EDAAD_IS_PLAN_EDITOR (self), NULL);
  return self->plan_id != NULL ? self->state : NULL;
}

gboolean
edaad_plan_editor_has_pending_save (EdaadPlanEditor *self)
{
  g_return_val_if_fail (EDAAD_IS_PLAN_EDITOR (self), FALSE);
  return self->debounce_id != 0;
}
