/* edaad-plan-editor.c — the change plan form: every field, validated and saved as you type.
 *
 * The widgets only hold text.  After a pause in typing (or when focus leaves a field) the
 * editor reads every field's text, computes an EdaadPlanEditorState (a pure function), saves
 * the saveable fields in one store transaction, keeps the rest as drafts in the store, and
 * applies the state: messages under the fields, error styles, the heading and status line.
 */
#define G_LOG_DOMAIN "edaad-plan-editor"

#include "config.h"

#include "edaad-plan-editor.h"

#include "edaad-date.h"
#include "edaad-record-list.h"
#include "edaad-tooltip.h"
#include "edaad-ui-format.h"
#include "edaad-uuid.h"

#include <glib/gi18n-lib.h>

typedef enum
{
  WIDGET_ENTRY,
  WIDGET_DATE,
  WIDGET_COMBO,
  WIDGET_EDITION,
  WIDGET_SPIN,
  WIDGET_SWITCH,
  WIDGET_TEXT,
} WidgetKind;

typedef enum
{
  GROUP_GENERAL,
  GROUP_APPROACH,
  GROUP_DATES,
  GROUP_TEXT,
} GroupId;

/* Where each plan field goes and how it is edited, in the order of the form. */
static const struct
{
  const char *field;
  WidgetKind  widget;
  GroupId     group;
} layout[] = {
  { "title", WIDGET_ENTRY, GROUP_GENERAL },
  { "code", WIDGET_ENTRY, GROUP_GENERAL },
  { "change_type", WIDGET_COMBO, GROUP_GENERAL },
  { "status", WIDGET_COMBO, GROUP_GENERAL },
  { "priority", WIDGET_COMBO, GROUP_GENERAL },
  { "capstone", WIDGET_SWITCH, GROUP_GENERAL },
  { "edition_id", WIDGET_EDITION, GROUP_GENERAL },
  { "phase", WIDGET_COMBO, GROUP_APPROACH },
  { "kotter_step", WIDGET_SPIN, GROUP_APPROACH },
  { "owner", WIDGET_ENTRY, GROUP_APPROACH },
  { "sponsor", WIDGET_ENTRY, GROUP_APPROACH },
  { "start_on", WIDGET_DATE, GROUP_DATES },
  { "go_live_on", WIDGET_DATE, GROUP_DATES },
  { "due_on", WIDGET_DATE, GROUP_DATES },
  { "summary", WIDGET_TEXT, GROUP_TEXT },
  { "vision", WIDGET_TEXT, GROUP_TEXT },
  { "case_for_change", WIDGET_TEXT, GROUP_TEXT },
  { "scope_in", WIDGET_TEXT, GROUP_TEXT },
  { "scope_out", WIDGET_TEXT, GROUP_TEXT },
};

typedef struct
{
  EdaadPlanEditor      *editor;
  const EdaadFieldSpec *spec;
  WidgetKind            kind;
  GtkWidget            *row;         /* what gets the "error" style */
  GtkWidget            *widget;      /* what holds the text */
  GtkLabel             *message;     /* the error or hint under the field */
  GtkWidget            *message_row; /* the list row around `message`, or the label itself */
  GtkLabel             *date_label;  /* dates: the day in the locale's format */
  GtkWidget            *date_button;
  /* A switch or a spin button cannot show "unset": the text last set by the editor and
   * what the widget made of it, so that an untouched widget reports the former. */
  char                 *set_text;
  char                 *shown_text;
} Field;

typedef struct
{
  char *field;
  char *text;  /* the text before the saved change */
} UndoStep;

#define UNDO_DEPTH 50

struct _EdaadPlanEditor
{
  AdwBin parent_instance;

  GtkStack *stack;
  GtkLabel *heading_label;
  GtkLabel *status_label;
  AdwPreferencesGroup *general_group;
  AdwPreferencesGroup *approach_group;
  AdwPreferencesGroup *dates_group;
  GtkBox *text_box;

  EdaadStore *store;
  Field *fields;               /* G_N_ELEMENTS (layout), in layout order */
  EdaadRecordList *editions;
  GPtrArray *edition_ids;      /* parallel to the edition combo's model; [0] = "" (none) */

  char *plan_id;               /* the plan edited (or the id a new plan will get); NULL: empty */
  gboolean is_new;
  EdaadRecord *stored;         /* NULL for a new plan */
  EdaadPlanEditorState *state;
  GHashTable *drafted;         /* field → text this editor knows is in the draft table */
  GPtrArray *undo;             /* UndoStep, newest last */
  char *store_error;           /* the last save failure, shown in the status line */

  guint debounce_id;
  guint loading;               /* > 0 while the editor itself sets widget text */
  gboolean saving;
  gboolean undoing;
};

G_DEFINE_FINAL_TYPE (EdaadPlanEditor, edaad_plan_editor, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_PLAN_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void schedule_commit (EdaadPlanEditor *self);
static gboolean commit (EdaadPlanEditor *self);

static void
undo_step_free (gpointer data)
{
  UndoStep *step = data;

  g_free (step->field);
  g_free (step->text);
  g_free (step);
}

static Field *
find_field (EdaadPlanEditor *self,
            const char      *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (layout); i++)
    if (g_str_equal (self->fields[i].spec->name, name))
      return &self->fields[i];
  return NULL;
}

/* For names that are plan fields by construction. */
static Field *
lookup_field (EdaadPlanEditor *self,
              const char      *name)
{
  Field *field = find_field (self, name);

  g_assert (field != NULL);
  return field;
}

/* ---- text in and out of the widgets ---- */

static const char *
combo_nick (Field *field,
            guint  position)
{
  gboolean optional = !(field->spec->flags & EDAAD_FIELD_REQUIRED);

  if (optional && position == 0)
    return "";
  position -= optional ? 1 : 0;
  for (guint i = 0; field->spec->enum_values[i] != NULL; i++)
    if (i == position)
      return field->spec->enum_values[i];
  return "";
}

static char *
field_get_text (Field *field)
{
  EdaadPlanEditor *self = field->editor;

  switch (field->kind)
    {
    case WIDGET_ENTRY:
    case WIDGET_DATE:
      return g_strdup (gtk_editable_get_text (GTK_EDITABLE (field->widget)));
    case WIDGET_COMBO:
      return g_strdup (combo_nick (field, adw_combo_row_get_selected (ADW_COMBO_ROW (field->widget))));
    case WIDGET_EDITION:
      {
        guint position = adw_combo_row_get_selected (ADW_COMBO_ROW (field->widget));

        if (position < self->edition_ids->len)
          return g_strdup (g_ptr_array_index (self->edition_ids, position));
        return g_strdup ("");
      }
    case WIDGET_SPIN:
      return g_strdup_printf ("%d", gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (field->widget)));
    case WIDGET_SWITCH:
      return g_strdup (gtk_switch_get_active (GTK_SWITCH (field->widget)) ? "true" : "false");
    case WIDGET_TEXT:
      {
        GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (field->widget));
        GtkTextIter start, end;

        gtk_text_buffer_get_bounds (buffer, &start, &end);
        return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      }
    default:
      g_assert_not_reached ();
    }
}

static void
field_set_text (Field      *field,
                const char *text)
{
  EdaadPlanEditor *self = field->editor;

  self->loading++;
  switch (field->kind)
    {
    case WIDGET_ENTRY:
    case WIDGET_DATE:
      gtk_editable_set_text (GTK_EDITABLE (field->widget), text);
      break;
    case WIDGET_COMBO:
      {
        gboolean optional = !(field->spec->flags & EDAAD_FIELD_REQUIRED);
        int index = edaad_field_enum_index (field->spec, text);
        guint position = index < 0 ? 0 : (guint) index + (optional ? 1 : 0);

        adw_combo_row_set_selected (ADW_COMBO_ROW (field->widget), position);
        break;
      }
    case WIDGET_EDITION:
      {
        guint position = 0;

        if (!g_ptr_array_find_with_equal_func (self->edition_ids, text, g_str_equal, &position))
          position = 0;
        adw_combo_row_set_selected (ADW_COMBO_ROW (field->widget), position);
        break;
      }
    case WIDGET_SPIN:
      {
        gint64 value = 0;

        if (edaad_ui_parse_count (text, &value))
          gtk_spin_button_set_value (GTK_SPIN_BUTTON (field->widget), (double) value);
        break;
      }
    case WIDGET_SWITCH:
      gtk_switch_set_active (GTK_SWITCH (field->widget), g_strcmp0 (text, "true") == 0);
      break;
    case WIDGET_TEXT:
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (field->widget)), text, -1);
      break;
    default:
      g_assert_not_reached ();
    }
  self->loading--;

  g_free (field->set_text);
  field->set_text = g_strdup (text);
  g_free (field->shown_text);
  field->shown_text = field_get_text (field);
}

/* What the field holds: the widget's text, or the text set into it while untouched. */
static char *
field_get_input (Field *field)
{
  char *text = field_get_text (field);

  if (field->set_text != NULL && g_strcmp0 (text, field->shown_text) == 0)
    {
      g_free (text);
      return g_strdup (field->set_text);
    }
  return text;
}

/* ---- the state: compute, save, keep drafts, apply ---- */

static GHashTable *
read_input (EdaadPlanEditor *self)
{
  GHashTable *input = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  for (guint i = 0; i < G_N_ELEMENTS (layout); i++)
    g_hash_table_insert (input, (gpointer) self->fields[i].spec->name, field_get_input (&self->fields[i]));
  return input;
}

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

static EdaadPlanEditorState *
compute_state (EdaadPlanEditor *self,
               GHashTable      *input)
{
  g_autoptr(GHashTable) codes = codes_in_use (self, g_hash_table_lookup (input, "code"));
  g_autofree char *today = edaad_date_today ();

  return edaad_plan_editor_state_compute (self->stored, input, codes, today);
}

static void
set_message (Field      *field,
             const char *error,
             const char *hint)
{
  const char *text = error != NULL ? error : hint;

  gtk_label_set_text (field->message, text != NULL ? text : "");
  gtk_widget_set_visible (field->message_row, text != NULL);
  if (error != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (field->message), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (field->message), "warning");
      gtk_widget_add_css_class (field->row, "error");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (field->message), "error");
      gtk_widget_add_css_class (GTK_WIDGET (field->message), "warning");
      gtk_widget_remove_css_class (field->row, "error");
    }
  gtk_accessible_update_state (GTK_ACCESSIBLE (field->widget),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               error != NULL ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
  if (text != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (field->widget),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (field->widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static void
apply_state (EdaadPlanEditor *self)
{
  const EdaadPlanEditorState *state = self->state;
  const EdaadPlanFieldState *title;

  for (guint i = 0; i < G_N_ELEMENTS (layout); i++)
    {
      Field *field = &self->fields[i];
      const EdaadPlanFieldState *fs = edaad_plan_editor_state_lookup (state, field->spec->name);

      set_message (field, fs->error, fs->hint);
      if (field->kind == WIDGET_DATE)
        {
          const char *date = fs->value != NULL ? g_variant_get_string (fs->value, NULL) : NULL;
          g_autofree char *shown = fs->readable && fs->error == NULL ? edaad_ui_format_date (date) : NULL;

          gtk_label_set_text (field->date_label, shown != NULL ? shown : "");
        }
    }

  title = edaad_plan_editor_state_lookup (state, "title");
  if (title->value != NULL)
    gtk_label_set_text (self->heading_label, g_variant_get_string (title->value, NULL));
  else if (self->stored != NULL)
    {
      g_autofree char *stored_title = edaad_record_dup_title (self->stored);
      gtk_label_set_text (self->heading_label, stored_title);
    }
  else
    gtk_label_set_text (self->heading_label, _("New Change Plan"));

  if (self->store_error != NULL)
    gtk_label_set_text (self->status_label, self->store_error);
  else if (state->is_new)
    gtk_label_set_text (self->status_label, _("Enter a title to create the plan. What you type is kept until then."));
  else if (state->has_drafts)
    gtk_label_set_text (self->status_label, _("Some changes are not saved yet: correct the fields marked below. What you typed is kept."));
  else
    gtk_label_set_text (self->status_label, _("All changes are saved."));
}

/* Dates are shown beside their entries in the user's digits: follow a change at once. */
static void
on_digits_changed (EdaadPlanEditor *self)
{
  if (self->state != NULL)
    apply_state (self);
}

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
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN_ID]);
    }
  return TRUE;
}

static gboolean
commit (EdaadPlanEditor *self)
{
  g_autoptr(GHashTable) input = NULL;
  gboolean ok;

  g_clear_handle_id (&self->debounce_id, g_source_remove);
  if (self->plan_id == NULL)
    return TRUE;

  input = read_input (self);
  g_clear_pointer (&self->state, edaad_plan_editor_state_free);
  self->state = compute_state (self, input);

  ok = save (self);
  if (ok)
    {
      /* Against the plan as now stored: what was saved is no longer a change. */
      g_clear_pointer (&self->state, edaad_plan_editor_state_free);
      self->state = compute_state (self, input);
    }
  sync_drafts (self, !ok);
  apply_state (self);

  return ok;
}

static gboolean
on_debounce (gpointer user_data)
{
  EdaadPlanEditor *self = user_data;

  self->debounce_id = 0;
  commit (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_commit (EdaadPlanEditor *self)
{
  if (self->loading > 0 || self->plan_id == NULL)
    return;
  g_clear_handle_id (&self->debounce_id, g_source_remove);
  self->debounce_id = g_timeout_add (EDAAD_PLAN_EDITOR_DEBOUNCE_MS, on_debounce, self);
}

static void
on_focus_leave (GtkEventControllerFocus *controller,
                EdaadPlanEditor         *self)
{
  if (self->debounce_id != 0)
    commit (self);
}

/* ---- loading a plan ---- */

static void
load (EdaadPlanEditor *self,
      GHashTable      *drafts)
{
  g_hash_table_remove_all (self->drafted);
  g_ptr_array_set_size (self->undo, 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan-editor.undo", FALSE);
  g_signal_connect_object (edaad_ui_format_get_settings (), "changed::digits",
                           G_CALLBACK (on_digits_changed), self, G_CONNECT_SWAPPED);
  g_clear_pointer (&self->store_error, g_free);

  for (guint i = 0; i < G_N_ELEMENTS (layout); i++)
    {
      Field *field = &self->fields[i];
      const char *draft = drafts != NULL ? g_hash_table_lookup (drafts, field->spec->name) : NULL;
      g_autofree char *text = NULL;

      if (draft != NULL)
        g_hash_table_insert (self->drafted, g_strdup (field->spec->name), g_strdup (draft));
      text = draft != NULL ? g_strdup (draft) : edaad_plan_editor_field_text (self->stored, field->spec->name);
      field_set_text (field, text);
    }

  gtk_stack_set_visible_child_name (self->stack, "form");
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (
                              GTK_SCROLLED_WINDOW (gtk_stack_get_child_by_name (self->stack, "form"))), 0);
  commit (self);
}

static void
show_empty (EdaadPlanEditor *self)
{
  g_clear_pointer (&self->plan_id, g_free);
  g_clear_object (&self->stored);
  g_clear_pointer (&self->state, edaad_plan_editor_state_free);
  g_hash_table_remove_all (self->drafted);
  g_ptr_array_set_size (self->undo, 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan-editor.undo", FALSE);
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
  g_autoptr(GHashTable) input = NULL;

  if (self->saving || self->plan_id == NULL || self->is_new || !g_str_equal (kind, "plan") ||
      !g_strv_contains (ids, self->plan_id))
    return;

  plan = edaad_store_get (self->store, "plan", self->plan_id, NULL);
  if (plan == NULL || edaad_record_get_deleted (plan))
    {
      show_empty (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN_ID]);
      return;
    }

  /* Fields the user is not changing follow the store; the others stay as typed. */
  for (guint i = 0; self->state != NULL && i < self->state->n_fields; i++)
    if (!self->state->fields[i].changed)
      {
        g_autofree char *text = edaad_plan_editor_field_text (plan, self->state->fields[i].spec->name);
        field_set_text (lookup_field (self, self->state->fields[i].spec->name), text);
      }
  g_set_object (&self->stored, plan);

  input = read_input (self);
  g_clear_pointer (&self->state, edaad_plan_editor_state_free);
  self->state = compute_state (self, input);
  apply_state (self);
}

/* ---- editions ---- */

static void
rebuild_editions (EdaadPlanEditor *self)
{
  Field *field = lookup_field (self, "edition_id");
  g_autofree char *current = field_get_input (field);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GListModel *editions = G_LIST_MODEL (self->editions);
  guint n = g_list_model_get_n_items (editions);

  g_ptr_array_set_size (self->edition_ids, 0);
  gtk_string_list_append (labels, C_("edition", "None"));
  g_ptr_array_add (self->edition_ids, g_strdup (""));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EdaadRecord) edition = g_list_model_get_item (editions, i);
      g_autofree char *title = edaad_record_dup_title (edition);

      gtk_string_list_append (labels, title);
      g_ptr_array_add (self->edition_ids, g_strdup (edaad_record_get_id (edition)));
    }
  /* A plan linked to an edition this device does not have (yet): keep the link. */
  if (*current != '\0' && !g_ptr_array_find_with_equal_func (self->edition_ids, current, g_str_equal, NULL))
    {
      gtk_string_list_append (labels, _("Unknown edition"));
      g_ptr_array_add (self->edition_ids, g_strdup (current));
    }

  self->loading++;
  adw_combo_row_set_model (ADW_COMBO_ROW (field->widget), G_LIST_MODEL (labels));
  self->loading--;
  field_set_text (field, current);
}

/* ---- building the form from the schema ---- */

static void
on_widget_changed (Field *field)
{
  schedule_commit (field->editor);
}

static void
on_day_selected (GtkCalendar *calendar,
                 Field       *field)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (calendar);
  g_autofree char *text = g_date_time_format (day, "%Y-%m-%d");

  gtk_editable_set_text (GTK_EDITABLE (field->widget), text);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (field->date_button));
  commit (field->editor);
}

static void
on_calendar_shown (GtkWidget *popover,
                   Field     *field)
{
  GtkCalendar *calendar = GTK_CALENDAR (gtk_popover_get_child (GTK_POPOVER (popover)));
  const char *text = gtk_editable_get_text (GTK_EDITABLE (field->widget));
  g_autofree char *today = edaad_date_today ();
  GDate date;
  g_autoptr(GDateTime) shown = NULL;

  g_date_clear (&date, 1);
  if (!edaad_date_parse (text, &date))
    edaad_date_parse (today, &date);
  shown = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date), 0, 0, 0);
  g_signal_handlers_block_by_func (calendar, on_day_selected, field);
  gtk_calendar_select_day (calendar, shown);
  g_signal_handlers_unblock_by_func (calendar, on_day_selected, field);
}

static void
watch_focus (EdaadPlanEditor *self,
             GtkWidget       *widget)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect_object (focus, "leave", G_CALLBACK (on_focus_leave), self, 0);
  gtk_widget_add_controller (widget, focus);
}

static GtkWidget *
message_label_new (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "edaad-field-message");
  return label;
}

static GtkWidget *
combo_row_new (Field *field)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GtkWidget *row = adw_combo_row_new ();

  if (!(field->spec->flags & EDAAD_FIELD_REQUIRED))
    gtk_string_list_append (labels, C_("enum", "Not set"));
  for (guint i = 0; field->spec->enum_values[i] != NULL; i++)
    gtk_string_list_append (labels, edaad_field_enum_label (field->spec, field->spec->enum_values[i]));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
  g_signal_connect_swapped (row, "notify::selected", G_CALLBACK (on_widget_changed), field);
  return row;
}


/* The subtitle of the Kotter step row: the range of the steps, in the user's digits. */
static void
update_range_hint (AdwActionRow *row)
{
  const EdaadFieldSpec *spec = g_object_get_data (G_OBJECT (row), "edaad-field-spec");
  g_autofree char *first = edaad_ui_format_count (spec->min);
  g_autofree char *last = edaad_ui_format_count (spec->max);
  g_autofree char *hint = NULL;

  /* Translators: the range of Kotter's eight steps; %1$s is 1 and %2$s is 8 */
  hint = g_strdup_printf (_("From %1$s, create a sense of urgency, to %2$s, anchor the change in the culture"),
                          first, last);
  adw_action_row_set_subtitle (row, hint);
}
static void
build_field (EdaadPlanEditor *self,
             Field           *field,
             GroupId          group_id)
{
  const char *label = g_dgettext (GETTEXT_PACKAGE, field->spec->label);
  AdwPreferencesGroup *group = NULL;
  GtkWidget *row = NULL;

  switch (group_id)
    {
    case GROUP_GENERAL: group = self->general_group; break;
    case GROUP_APPROACH: group = self->approach_group; break;
    case GROUP_DATES: group = self->dates_group; break;
    case GROUP_TEXT: break;
    default: g_assert_not_reached ();
    }

  switch (field->kind)
    {
    case WIDGET_ENTRY:
    case WIDGET_DATE:
      row = adw_entry_row_new ();
      field->widget = row;
      g_signal_connect_swapped (row, "changed", G_CALLBACK (on_widget_changed), field);
      if (field->kind == WIDGET_DATE)
        {
          GtkWidget *calendar = gtk_calendar_new ();
          GtkWidget *popover = gtk_popover_new ();
          GtkWidget *button = gtk_menu_button_new ();

          field->date_label = GTK_LABEL (gtk_label_new (NULL));
          gtk_widget_add_css_class (GTK_WIDGET (field->date_label), "dim-label");
          gtk_widget_set_valign (GTK_WIDGET (field->date_label), GTK_ALIGN_CENTER);
          adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), GTK_WIDGET (field->date_label));

          gtk_popover_set_child (GTK_POPOVER (popover), calendar);
          g_signal_connect (calendar, "day-selected", G_CALLBACK (on_day_selected), field);
          g_signal_connect (popover, "show", G_CALLBACK (on_calendar_shown), field);
          gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
          gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (button, "flat");
          {
            /* Translators: %s is a date field's label, e.g. "Due" */
            g_autofree char *tip = g_strdup_printf (_("Choose the %s date"), label);
            edaad_widget_set_tooltip (button, tip);
            gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tip, -1);
          }
          field->date_button = button;
          adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), button);
        }
      break;

    case WIDGET_COMBO:
      row = combo_row_new (field);
      field->widget = row;
      break;

    case WIDGET_EDITION:
      row = adw_combo_row_new ();
      field->widget = row;
      g_signal_connect_swapped (row, "notify::selected", G_CALLBACK (on_widget_changed), field);
      break;

    case WIDGET_SPIN:
      row = adw_action_row_new ();
      field->widget = gtk_spin_button_new_with_range ((double) field->spec->min, (double) field->spec->max, 1);
      gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (field->widget), TRUE);
      gtk_widget_set_valign (field->widget, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), field->widget);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), field->widget);
      /* The range in the hint follows the digits preference, live. */
      g_object_set_data (G_OBJECT (row), "edaad-field-spec", (gpointer) field->spec);
      update_range_hint (ADW_ACTION_ROW (row));
      g_signal_connect_object (edaad_ui_format_get_settings (), "changed::digits",
                               G_CALLBACK (update_range_hint), row, G_CONNECT_SWAPPED);
      gtk_accessible_update_property (GTK_ACCESSIBLE (field->widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      g_signal_connect_swapped (field->widget, "value-changed", G_CALLBACK (on_widget_changed), field);
      break;

    case WIDGET_SWITCH:
      row = adw_action_row_new ();
      field->widget = gtk_switch_new ();
      gtk_widget_set_valign (field->widget, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), field->widget);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), field->widget);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Counts toward the cohort's ready plans"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (field->widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      g_signal_connect_swapped (field->widget, "notify::active", G_CALLBACK (on_widget_changed), field);
      break;

    case WIDGET_TEXT:
      {
        AdwPreferencesGroup *text_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
        GtkWidget *frame = gtk_frame_new (NULL);
        GtkWidget *view = gtk_text_view_new ();

        adw_preferences_group_set_title (text_group, label);
        gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
        gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
        gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
        gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
        gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 10);
        gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 10);
        gtk_widget_set_size_request (view, -1, 72);
        gtk_widget_add_css_class (frame, "edaad-text-field");
        gtk_frame_set_child (GTK_FRAME (frame), view);
        gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                        GTK_ACCESSIBLE_PROPERTY_MULTI_LINE, TRUE, -1);
        g_signal_connect_swapped (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "changed",
                                  G_CALLBACK (on_widget_changed), field);
        adw_preferences_group_add (text_group, frame);

        field->widget = view;
        field->row = frame;
        field->message = GTK_LABEL (message_label_new ());
        gtk_widget_set_margin_top (GTK_WIDGET (field->message), 6);
        field->message_row = GTK_WIDGET (field->message);
        adw_preferences_group_add (text_group, field->message_row);
        gtk_box_append (self->text_box, GTK_WIDGET (text_group));
        watch_focus (self, view);
        return;
      }

    default:
      g_assert_not_reached ();
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
  field->row = row;
  adw_preferences_group_add (group, row);
  watch_focus (self, row);

  /* The message sits in its own row right under the field's (an AdwPreferencesRow, or the
   * group would put it below the whole list). */
  field->message = GTK_LABEL (message_label_new ());
  gtk_widget_set_margin_start (GTK_WIDGET (field->message), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (field->message), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (field->message), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (field->message), 6);
  field->message_row = adw_preferences_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (field->message_row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (field->message_row), FALSE);
  gtk_widget_set_focusable (field->message_row, FALSE);
  gtk_widget_add_css_class (field->message_row, "edaad-field-message-row");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (field->message_row), GTK_WIDGET (field->message));
  gtk_widget_set_visible (field->message_row, FALSE);
  adw_preferences_group_add (group, field->message_row);
}

/* ---- undo ---- */

static void
undo_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  EdaadPlanEditor *self = EDAAD_PLAN_EDITOR (widget);
  UndoStep *step;
  Field *field;

  commit (self);
  if (self->undo->len == 0)
    return;
  step = g_ptr_array_steal_index (self->undo, self->undo->len - 1);
  field = lookup_field (self, step->field);
  field_set_text (field, step->text);
  self->undoing = TRUE;
  commit (self);
  self->undoing = FALSE;
  undo_step_free (step);
  gtk_widget_action_set_enabled (widget, "plan-editor.undo", self->undo->len > 0);
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
  g_signal_connect_object (self->editions, "items-changed", G_CALLBACK (rebuild_editions), self, G_CONNECT_SWAPPED);
  rebuild_editions (self);
}

static void
edaad_plan_editor_dispose (GObject *object)
{
  EdaadPlanEditor *self = EDAAD_PLAN_EDITOR (object);

  /* What was typed in the last pause is saved (or kept as a draft), never lost. */
  if (self->debounce_id != 0 && self->store != NULL)
    commit (self);
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

  for (guint i = 0; i < G_N_ELEMENTS (layout); i++)
    {
      g_free (self->fields[i].set_text);
      g_free (self->fields[i].shown_text);
    }
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

  gtk_widget_class_install_action (widget_class, "plan-editor.undo", NULL, undo_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "plan-editor.undo", NULL);
}

static void
edaad_plan_editor_init (EdaadPlanEditor *self)
{
  const EdaadKindSpec *kind = edaad_schema_lookup_kind ("plan");

  gtk_widget_init_template (GTK_WIDGET (self));

  self->edition_ids = g_ptr_array_new_with_free_func (g_free);
  self->drafted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->undo = g_ptr_array_new_with_free_func (undo_step_free);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan-editor.undo", FALSE);

  /* Every plan field has its place in the form. */
  g_assert (kind->n_fields == G_N_ELEMENTS (layout));
  self->fields = g_new0 (Field, G_N_ELEMENTS (layout));
  for (guint i = 0; i < G_N_ELEMENTS (layout); i++)
    {
      Field *field = &self->fields[i];

      field->editor = self;
      field->spec = edaad_kind_lookup_field (kind, layout[i].field);
      g_assert (field->spec != NULL);
      field->kind = layout[i].widget;
      build_field (self, field, layout[i].group);
    }
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

  commit (self);
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

  commit (self);
  had_plan = edaad_plan_editor_get_plan_id (self) != NULL;
  open_plan (self, draft_id, TRUE);
  gtk_widget_grab_focus (lookup_field (self, "title")->widget);
  if (had_plan)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN_ID]);
}

gboolean
edaad_plan_editor_flush (EdaadPlanEditor *self)
{
  g_return_val_if_fail (EDAAD_IS_PLAN_EDITOR (self), FALSE);
  return commit (self);
}

const EdaadPlanEditorState *
edaad_plan_editor_get_state (EdaadPlanEditor *self)
{
  g_return_val_if_fail (EDAAD_IS_PLAN_EDITOR (self), NULL);
  return self->plan_id != NULL ? self->state : NULL;
}

GtkWidget *
edaad_plan_editor_get_field_widget (EdaadPlanEditor *self,
                                    const char      *field)
{
  Field *f;

  g_return_val_if_fail (EDAAD_IS_PLAN_EDITOR (self), NULL);
  f = find_field (self, field);
  g_return_val_if_fail (f != NULL, NULL);
  return f->widget;
}

GtkLabel *
edaad_plan_editor_get_message_label (EdaadPlanEditor *self,
                                     const char      *field)
{
  Field *f;

  g_return_val_if_fail (EDAAD_IS_PLAN_EDITOR (self), NULL);
  f = find_field (self, field);
  g_return_val_if_fail (f != NULL, NULL);
  return f->message;
}

gboolean
edaad_plan_editor_has_pending_save (EdaadPlanEditor *self)
{
  g_return_val_if_fail (EDAAD_IS_PLAN_EDITOR (self), FALSE);
  return self->debounce_id != 0;
}
