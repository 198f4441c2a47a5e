/* edaad-record-form.c — an edit form for one record built from the schema. */
#define G_LOG_DOMAIN "edaad-record-form"

#include "config.h"

#include "edaad-record-form.h"

#include "edaad-schema.h"
#include "edaad-ui-format.h"
#include "edaad-validate.h"

#include <glib/gi18n-lib.h>
#include <math.h>

typedef struct
{
  const EdaadFieldSpec *spec;
  EdaadFormInput        input;
  GtkWidget            *row;
  GtkWidget            *spin;         /* EDAAD_FORM_INPUT_SPIN */
  GtkLabel             *hint;         /* dates with EDAAD_RECORD_FORM_DATE_HINT */
  GtkWidget            *message_row;
  GtkLabel             *message;
} FormField;

struct _EdaadRecordForm
{
  const EdaadKindSpec  *kind;
  EdaadRecordFormFlags  flags;
  FormField            *fields;
  guint                 n_fields;
  GtkLabel             *message;
};

/* `text` with Arabic-Indic and Eastern Arabic-Indic digits made ASCII, the Arabic decimal
 * separator made ".", and grouping separators and spaces dropped. */
static char *
normalize_number (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0x0660 && c <= 0x0669)
        g_string_append_c (out, '0' + (c - 0x0660));
      else if (c >= 0x06F0 && c <= 0x06F9)
        g_string_append_c (out, '0' + (c - 0x06F0));
      else if (c == 0x066B)
        g_string_append_c (out, '.');
      else if (c == 0x066C || g_unichar_isspace (c) || c == 0x202F || c == 0x00A0)
        continue;
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static void
on_date_changed (GtkEditable *editable,
                 GtkLabel    *hint)
{
  g_autofree char *shown = edaad_ui_format_date (gtk_editable_get_text (editable));

  gtk_label_set_label (hint, shown != NULL ? shown : _("YYYY-MM-DD"));
}

static GtkWidget *
build_input_row (EdaadRecordForm *form,
                 FormField       *field)
{
  GtkWidget *row;

  switch (field->input)
    {
    case EDAAD_FORM_INPUT_ENUM:
      {
        g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

        for (guint i = 0; field->spec->enum_values[i] != NULL; i++)
          gtk_string_list_append (labels, _(field->spec->enum_labels[i]));
        row = adw_combo_row_new ();
        adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
      }
      break;
    case EDAAD_FORM_INPUT_SPIN:
      row = adw_action_row_new ();
      field->spin = gtk_spin_button_new_with_range (field->spec->min, field->spec->max, 1);
      gtk_widget_set_valign (field->spin, GTK_ALIGN_CENTER);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (field->spin),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, row, NULL, -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), field->spin);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), field->spin);
      break;
    case EDAAD_FORM_INPUT_TEXT:
    case EDAAD_FORM_INPUT_DATE:
    case EDAAD_FORM_INPUT_REAL:
    case EDAAD_FORM_INPUT_COUNT:
      row = adw_entry_row_new ();
      if (field->input == EDAAD_FORM_INPUT_REAL)
        adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), GTK_INPUT_PURPOSE_NUMBER);
      if (field->input == EDAAD_FORM_INPUT_COUNT)
        gtk_editable_set_alignment (GTK_EDITABLE (row), 0.0);
      if (field->input == EDAAD_FORM_INPUT_DATE && (form->flags & EDAAD_RECORD_FORM_DATE_HINT) != 0)
        {
          field->hint = GTK_LABEL (gtk_label_new (NULL));
          gtk_widget_add_css_class (GTK_WIDGET (field->hint), "dim-label");
          adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), GTK_WIDGET (field->hint));
          g_signal_connect (row, "changed", G_CALLBACK (on_date_changed), field->hint);
        }
      break;
    default:
      g_assert_not_reached ();
    }

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (field->input == EDAAD_FORM_INPUT_DATE && field->hint == NULL)
    {
      /* Translators: the title of a date field, e.g. "Measured on (YYYY-MM-DD)";
       * keep YYYY-MM-DD: dates are typed that way */
      g_autofree char *title = g_strdup_printf (_("%s (YYYY-MM-DD)"), _(field->spec->label));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
    }
  else
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(field->spec->label));
  gtk_widget_set_name (row, field->spec->name);
  return row;
}

EdaadRecordForm *
edaad_record_form_new (const char            *kind,
                       const EdaadFormLayout *layout,
                       guint                  n_fields,
                       EdaadRecordFormFlags   flags,
                       GtkListBox            *list,
                       GtkLabel              *message,
                       GCallback              on_activate,
                       gpointer               target)
{
  EdaadRecordForm *form;

  g_return_val_if_fail (kind != NULL, NULL);
  g_return_val_if_fail (layout != NULL && n_fields > 0, NULL);
  g_return_val_if_fail (GTK_IS_LIST_BOX (list), NULL);
  g_return_val_if_fail (message == NULL || GTK_IS_LABEL (message), NULL);
  g_return_val_if_fail (on_activate == NULL || G_IS_OBJECT (target), NULL);

  form = g_new0 (EdaadRecordForm, 1);
  form->kind = edaad_schema_lookup_kind (kind);
  g_assert (form->kind != NULL);
  form->flags = flags;
  form->fields = g_new0 (FormField, n_fields);
  form->n_fields = n_fields;
  form->message = message;

  for (guint i = 0; i < n_fields; i++)
    {
      FormField *field = &form->fields[i];

      field->spec = edaad_kind_lookup_field (form->kind, layout[i].field);
      field->input = layout[i].input;
      g_assert (field->spec != NULL);

      field->row = build_input_row (form, field);
      if (on_activate != NULL && ADW_IS_ENTRY_ROW (field->row))
        g_signal_connect_object (field->row, "entry-activated", on_activate, target, G_CONNECT_SWAPPED);
      gtk_list_box_append (list, field->row);

      field->message = GTK_LABEL (gtk_label_new (NULL));
      gtk_label_set_xalign (field->message, 0.0);
      gtk_label_set_wrap (field->message, TRUE);
      gtk_widget_set_margin_start (GTK_WIDGET (field->message), 12);
      gtk_widget_set_margin_end (GTK_WIDGET (field->message), 12);
      gtk_widget_set_margin_top (GTK_WIDGET (field->message), 6);
      gtk_widget_set_margin_bottom (GTK_WIDGET (field->message), 6);
      gtk_widget_add_css_class (GTK_WIDGET (field->message), "error");
      gtk_widget_add_css_class (GTK_WIDGET (field->message), "caption");
      field->message_row = gtk_list_box_row_new ();
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (field->message_row), GTK_WIDGET (field->message));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (field->message_row), FALSE);
      gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (field->message_row), FALSE);
      gtk_widget_set_focusable (field->message_row, FALSE);
      gtk_widget_set_visible (field->message_row, FALSE);
      gtk_list_box_append (list, field->message_row);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (field->row),
                                      GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, field->message, NULL,
                                      -1);
    }
  return form;
}

void
edaad_record_form_free (EdaadRecordForm *form)
{
  if (form == NULL)
    return;
  g_free (form->fields);
  g_free (form);
}

static FormField *
find_field (EdaadRecordForm *form,
            const char      *name)
{
  for (guint i = 0; i < form->n_fields; i++)
    if (g_str_equal (form->fields[i].spec->name, name))
      return &form->fields[i];
  return NULL;
}

GtkWidget *
edaad_record_form_get_row (EdaadRecordForm *form,
                           const char      *field)
{
  FormField *found;

  g_return_val_if_fail (form != NULL, NULL);
  g_return_val_if_fail (field != NULL, NULL);

  found = find_field (form, field);
  return found != NULL ? found->row : NULL;
}

GtkWidget *
edaad_record_form_get_first_row (EdaadRecordForm *form)
{
  g_return_val_if_fail (form != NULL, NULL);

  return form->fields[0].row;
}

GtkLabel *
edaad_record_form_get_message (EdaadRecordForm *form,
                               const char      *field)
{
  FormField *found;

  g_return_val_if_fail (form != NULL, NULL);
  g_return_val_if_fail (field != NULL, NULL);

  found = find_field (form, field);
  return found != NULL ? found->message : NULL;
}

static void
field_set_message (FormField  *field,
                   const char *message)
{
  gboolean shown = message != NULL && *message != '\0';

  gtk_label_set_label (field->message, shown ? message : "");
  gtk_widget_set_visible (field->message_row, shown);
  if (shown)
    gtk_widget_add_css_class (field->row, "error");
  else
    gtk_widget_remove_css_class (field->row, "error");
}

void
edaad_record_form_set_message (EdaadRecordForm *form,
                               const char      *message)
{
  g_return_if_fail (form != NULL);

  if (form->message == NULL)
    return;
  gtk_label_set_label (form->message, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (form->message), message != NULL);
}

void
edaad_record_form_clear (EdaadRecordForm *form)
{
  g_return_if_fail (form != NULL);

  for (guint i = 0; i < form->n_fields; i++)
    field_set_message (&form->fields[i], NULL);
  edaad_record_form_set_message (form, NULL);
}

static char *
format_number (FormField   *field,
               EdaadRecord *record)
{
  const char *name = field->spec->name;

  if (field->input == EDAAD_FORM_INPUT_REAL)
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];

      if (!edaad_record_has_value (record, name))
        return NULL;
      return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.10g", edaad_record_get_real (record, name)));
    }
  if (edaad_record_has_value (record, name))
    return edaad_ui_format_count (edaad_record_get_int (record, name));
  if (field->spec->default_value != NULL)
    return edaad_ui_format_digits (field->spec->default_value);
  return NULL;
}

void
edaad_record_form_load (EdaadRecordForm *form,
                        EdaadRecord     *record)
{
  g_return_if_fail (form != NULL);
  g_return_if_fail (record != NULL);

  for (guint i = 0; i < form->n_fields; i++)
    {
      FormField *field = &form->fields[i];
      const char *name = field->spec->name;

      switch (field->input)
        {
        case EDAAD_FORM_INPUT_TEXT:
        case EDAAD_FORM_INPUT_DATE:
          {
            const char *text = edaad_record_get_string (record, name);

            gtk_editable_set_text (GTK_EDITABLE (field->row), text != NULL ? text : "");
            if (field->hint != NULL)
              on_date_changed (GTK_EDITABLE (field->row), field->hint);
          }
          break;
        case EDAAD_FORM_INPUT_REAL:
        case EDAAD_FORM_INPUT_COUNT:
          {
            g_autofree char *text = format_number (field, record);

            gtk_editable_set_text (GTK_EDITABLE (field->row), text != NULL ? text : "");
          }
          break;
        case EDAAD_FORM_INPUT_SPIN:
          {
            gint64 value = edaad_record_has_value (record, name)
                             ? edaad_record_get_int (record, name)
                             : g_ascii_strtoll (field->spec->default_value, NULL, 10);

            gtk_spin_button_set_value (GTK_SPIN_BUTTON (field->spin), value);
          }
          break;
        case EDAAD_FORM_INPUT_ENUM:
          {
            const char *nick = edaad_record_get_string (record, name);
            int index = edaad_field_enum_index (field->spec, nick != NULL ? nick : field->spec->default_value);

            adw_combo_row_set_selected (ADW_COMBO_ROW (field->row), MAX (index, 0));
          }
          break;
        default:
          g_assert_not_reached ();
        }
    }
  edaad_record_form_clear (form);
}

/* The message for a number field whose text is not a number of its type. */
static char *
number_message (FormField *field)
{
  g_autofree char *min = NULL;
  g_autofree char *max = NULL;
  g_autofree char *min_text = NULL;
  g_autofree char *max_text = NULL;

  if (field->input == EDAAD_FORM_INPUT_REAL)
    return g_strdup (_("Enter a number, such as 42 or 3.5."));
  min = g_strdup_printf ("%" G_GINT64_FORMAT, field->spec->min);
  max = g_strdup_printf ("%" G_GINT64_FORMAT, field->spec->max);
  min_text = edaad_ui_format_digits (min);
  max_text = edaad_ui_format_digits (max);
  /* Translators: under a number field; %1$s is its label, %2$s and %3$s the bounds */
  return g_strdup_printf (_("%1$s must be a whole number from %2$s to %3$s."),
                          _(field->spec->label), min_text, max_text);
}

/* Reads `field` into `record`; FALSE when its text is not a value of its type. */
static gboolean
read_field (EdaadRecordForm *form,
            FormField       *field,
            EdaadRecord     *record)
{
  const char *name = field->spec->name;
  g_autofree char *text = NULL;

  if (field->input == EDAAD_FORM_INPUT_ENUM)
    {
      guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (field->row));

      if (selected < g_strv_length ((char **) field->spec->enum_values))
        edaad_record_set_string (record, name, field->spec->enum_values[selected]);
      return TRUE;
    }
  if (field->input == EDAAD_FORM_INPUT_SPIN)
    {
      edaad_record_set_int (record, name, gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (field->spin)));
      return TRUE;
    }

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (field->row))));
  if (text[0] == '\0')
    {
      edaad_record_set_value (record, name, NULL);
      return TRUE;
    }
  switch (field->input)
    {
    case EDAAD_FORM_INPUT_TEXT:
      edaad_record_set_string (record, name, text);
      return TRUE;
    case EDAAD_FORM_INPUT_DATE:
      if ((form->flags & EDAAD_RECORD_FORM_DATE_HINT) != 0)
        edaad_record_set_string (record, name, text);
      else
        {
          g_autofree char *date = normalize_number (text);

          edaad_record_set_string (record, name, date);
        }
      return TRUE;
    case EDAAD_FORM_INPUT_COUNT:
      {
        gint64 value;

        if (!edaad_ui_parse_count (text, &value))
          break;
        edaad_record_set_int (record, name, value);
      }
      return TRUE;
    case EDAAD_FORM_INPUT_REAL:
      {
        g_autofree char *number = normalize_number (text);
        char *end = NULL;
        double value = g_ascii_strtod (number, &end);

        if (number[0] == '\0' || end == NULL || *end != '\0' || !isfinite (value))
          break;
        edaad_record_set_real (record, name, value);
      }
      return TRUE;
    case EDAAD_FORM_INPUT_SPIN:
    case EDAAD_FORM_INPUT_ENUM:
    default:
      g_assert_not_reached ();
    }
  edaad_record_set_value (record, name, NULL);
  return FALSE;
}

gboolean
edaad_record_form_read (EdaadRecordForm *form,
                        EdaadRecord     *record)
{
  g_autoptr(GPtrArray) problems = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (form != NULL, FALSE);
  g_return_val_if_fail (record != NULL, FALSE);

  edaad_record_form_clear (form);
  for (guint i = 0; i < form->n_fields; i++)
    if (!read_field (form, &form->fields[i], record))
      {
        g_autofree char *message = number_message (&form->fields[i]);

        field_set_message (&form->fields[i], message);
        ok = FALSE;
      }

  /* A field's first message stays: what could not be read, then what is not valid. */
  problems = edaad_validate_all (record);
  for (guint i = 0; i < problems->len; i++)
    {
      EdaadFieldProblem *problem = g_ptr_array_index (problems, i);
      FormField *field = find_field (form, problem->field);

      ok = FALSE;
      if (field == NULL)
        edaad_record_form_set_message (form, problem->message);
      else if (!gtk_widget_get_visible (field->message_row))
        field_set_message (field, problem->message);
    }
  for (guint i = 0; i < form->n_fields; i++)
    if (gtk_widget_get_visible (form->fields[i].message_row))
      {
        gtk_widget_grab_focus (form->fields[i].row);
        break;
      }
  return ok;
}
