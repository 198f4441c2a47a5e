/* edaad-plan-editor-fields.c — the plan editor's field widgets: their text in and out, and
 * the state shown on them (messages under the fields, error styles, heading and status).
 *
 * Every widget is read and written as text, the form the pure state function works on.
 */
#define G_LOG_DOMAIN "edaad-plan-editor"

#include "config.h"

#include "edaad-plan-editor-private.h"

#include "edaad-ui-format.h"

#include <glib/gi18n-lib.h>

EdaadPlanEditorField *
edaad_plan_editor_find_field (EdaadPlanEditor *self,
                              const char      *name)
{
  for (guint i = 0; i < self->n_fields; i++)
    if (g_str_equal (self->fields[i].spec->name, name))
      return &self->fields[i];
  return NULL;
}

EdaadPlanEditorField *
edaad_plan_editor_lookup_field (EdaadPlanEditor *self,
                                const char      *name)
{
  EdaadPlanEditorField *field = edaad_plan_editor_find_field (self, name);

  g_assert (field != NULL);
  return field;
}

/* ---- text in and out of the widgets ---- */

/* Optional enums have "Not set" first in their combo. */
static guint
combo_offset (EdaadPlanEditorField *field)
{
  return (field->spec->flags & EDAAD_FIELD_REQUIRED) ? 0 : 1;
}

static const char *
combo_nick (EdaadPlanEditorField *field,
            guint                 position)
{
  guint offset = combo_offset (field);

  if (position < offset)
    return "";
  position -= offset;
  for (guint i = 0; field->spec->enum_values[i] != NULL; i++)
    if (i == position)
      return field->spec->enum_values[i];
  return "";
}

static char *
field_get_text (EdaadPlanEditorField *field)
{
  EdaadPlanEditor *self = field->editor;

  switch (field->kind)
    {
    case EDAAD_PLAN_WIDGET_ENTRY:
    case EDAAD_PLAN_WIDGET_DATE:
      return g_strdup (gtk_editable_get_text (GTK_EDITABLE (field->widget)));
    case EDAAD_PLAN_WIDGET_COMBO:
      return g_strdup (combo_nick (field, adw_combo_row_get_selected (ADW_COMBO_ROW (field->widget))));
    case EDAAD_PLAN_WIDGET_EDITION:
      {
        guint position = adw_combo_row_get_selected (ADW_COMBO_ROW (field->widget));

        if (position < self->edition_ids->len)
          return g_strdup (g_ptr_array_index (self->edition_ids, position));
        return g_strdup ("");
      }
    case EDAAD_PLAN_WIDGET_SPIN:
      return g_strdup_printf ("%d", gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (field->widget)));
    case EDAAD_PLAN_WIDGET_SWITCH:
      return g_strdup (gtk_switch_get_active (GTK_SWITCH (field->widget)) ? "true" : "false");
    case EDAAD_PLAN_WIDGET_TEXT:
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

void
edaad_plan_editor_field_set_text (EdaadPlanEditorField *field,
                                  const char           *text)
{
  EdaadPlanEditor *self = field->editor;

  self->loading++;
  switch (field->kind)
    {
    case EDAAD_PLAN_WIDGET_ENTRY:
    case EDAAD_PLAN_WIDGET_DATE:
      gtk_editable_set_text (GTK_EDITABLE (field->widget), text);
      break;
    case EDAAD_PLAN_WIDGET_COMBO:
      {
        int index = edaad_field_enum_index (field->spec, text);
        guint position = index < 0 ? 0 : (guint) index + combo_offset (field);

        adw_combo_row_set_selected (ADW_COMBO_ROW (field->widget), position);
        break;
      }
    case EDAAD_PLAN_WIDGET_EDITION:
      {
        guint position = 0;

        if (!g_ptr_array_find_with_equal_func (self->edition_ids, text, g_str_equal, &position))
          position = 0;
        adw_combo_row_set_selected (ADW_COMBO_ROW (field->widget), position);
        break;
      }
    case EDAAD_PLAN_WIDGET_SPIN:
      {
        gint64 value = 0;

        if (edaad_ui_parse_count (text, &value))
          gtk_spin_button_set_value (GTK_SPIN_BUTTON (field->widget), (double) value);
        break;
      }
    case EDAAD_PLAN_WIDGET_SWITCH:
      gtk_switch_set_active (GTK_SWITCH (field->widget), g_strcmp0 (text, "true") == 0);
      break;
    case EDAAD_PLAN_WIDGET_TEXT:
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

char *
edaad_plan_editor_field_get_input (EdaadPlanEditorField *field)
{
  char *text = field_get_text (field);

  if (field->set_text != NULL && g_strcmp0 (text, field->shown_text) == 0)
    {
      g_free (text);
      return g_strdup (field->set_text);
    }
  return text;
}

void
edaad_plan_editor_field_clear (EdaadPlanEditorField *field)
{
  g_clear_pointer (&field->set_text, g_free);
  g_clear_pointer (&field->shown_text, g_free);
}

GHashTable *
edaad_plan_editor_read_input (EdaadPlanEditor *self)
{
  GHashTable *input = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  for (guint i = 0; i < self->n_fields; i++)
    g_hash_table_insert (input, (gpointer) self->fields[i].spec->name,
                         edaad_plan_editor_field_get_input (&self->fields[i]));
  return input;
}

/* ---- the state shown ---- */

static void
set_message (EdaadPlanEditorField *field,
             const char           *error,
             const char           *hint)
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

void
edaad_plan_editor_apply_state (EdaadPlanEditor *self)
{
  const EdaadPlanEditorState *state = self->state;
  const EdaadPlanFieldState *title;

  for (guint i = 0; i < self->n_fields; i++)
    {
      EdaadPlanEditorField *field = &self->fields[i];
      const EdaadPlanFieldState *fs = edaad_plan_editor_state_lookup (state, field->spec->name);

      set_message (field, fs->error, fs->hint);
      if (field->kind == EDAAD_PLAN_WIDGET_DATE)
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

/* ---- public API ---- */

GtkWidget *
edaad_plan_editor_get_field_widget (EdaadPlanEditor *self,
                                    const char      *field)
{
  EdaadPlanEditorField *f;

  g_return_val_if_fail (EDAAD_IS_PLAN_EDITOR (self), NULL);
  f = edaad_plan_editor_find_field (self, field);
  g_return_val_if_fail (f != NULL, NULL);
  return f->widget;
}

GtkLabel *
edaad_plan_editor_get_message_label (EdaadPlanEditor *self,
                                     const char      *field)
{
  EdaadPlanEditorField *f;

  g_return_val_if_fail (EDAAD_IS_PLAN_EDITOR (self), NULL);
  f = edaad_plan_editor_find_field (self, field);
  g_return_val_if_fail (f != NULL, NULL);
  return f->message;
}
