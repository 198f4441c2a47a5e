/* edaad-plan-editor-form.c — the plan editor's form, built from the schema: one row per plan
 * field in its group, each with the message row under it, and the editions combo. */
#define G_LOG_DOMAIN "edaad-plan-editor"

#include "config.h"

#include "edaad-plan-editor-private.h"

#include "edaad-date.h"
#include "edaad-tooltip.h"
#include "edaad-ui-format.h"

#include <glib/gi18n-lib.h>

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
  const char          *field;
  EdaadPlanWidgetKind  widget;
  GroupId              group;
} layout[] = {
  { "title", EDAAD_PLAN_WIDGET_ENTRY, GROUP_GENERAL },
  { "code", EDAAD_PLAN_WIDGET_ENTRY, GROUP_GENERAL },
  { "change_type", EDAAD_PLAN_WIDGET_COMBO, GROUP_GENERAL },
  { "status", EDAAD_PLAN_WIDGET_COMBO, GROUP_GENERAL },
  { "priority", EDAAD_PLAN_WIDGET_COMBO, GROUP_GENERAL },
  { "capstone", EDAAD_PLAN_WIDGET_SWITCH, GROUP_GENERAL },
  { "edition_id", EDAAD_PLAN_WIDGET_EDITION, GROUP_GENERAL },
  { "phase", EDAAD_PLAN_WIDGET_COMBO, GROUP_APPROACH },
  { "kotter_step", EDAAD_PLAN_WIDGET_SPIN, GROUP_APPROACH },
  { "owner", EDAAD_PLAN_WIDGET_ENTRY, GROUP_APPROACH },
  { "sponsor", EDAAD_PLAN_WIDGET_ENTRY, GROUP_APPROACH },
  { "start_on", EDAAD_PLAN_WIDGET_DATE, GROUP_DATES },
  { "go_live_on", EDAAD_PLAN_WIDGET_DATE, GROUP_DATES },
  { "due_on", EDAAD_PLAN_WIDGET_DATE, GROUP_DATES },
  { "summary", EDAAD_PLAN_WIDGET_TEXT, GROUP_TEXT },
  { "vision", EDAAD_PLAN_WIDGET_TEXT, GROUP_TEXT },
  { "case_for_change", EDAAD_PLAN_WIDGET_TEXT, GROUP_TEXT },
  { "scope_in", EDAAD_PLAN_WIDGET_TEXT, GROUP_TEXT },
  { "scope_out", EDAAD_PLAN_WIDGET_TEXT, GROUP_TEXT },
};

/* ---- editions ---- */

void
edaad_plan_editor_rebuild_editions (EdaadPlanEditor *self)
{
  EdaadPlanEditorField *field = edaad_plan_editor_lookup_field (self, "edition_id");
  g_autofree char *current = edaad_plan_editor_field_get_input (field);
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
  edaad_plan_editor_field_set_text (field, current);
}

/* ---- signals ---- */

static void
on_widget_changed (EdaadPlanEditorField *field)
{
  edaad_plan_editor_schedule_commit (field->editor);
}

/* Focus leaving a field applies what is pending at once, without waiting for the pause. */
static void
on_focus_leave (GtkEventControllerFocus *controller,
                EdaadPlanEditor         *self)
{
  if (self->debounce_id != 0)
    edaad_plan_editor_commit (self);
}

static void
watch_focus (EdaadPlanEditor *self,
             GtkWidget       *widget)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect_object (focus, "leave", G_CALLBACK (on_focus_leave), self, 0);
  gtk_widget_add_controller (widget, focus);
}

static void
on_day_selected (GtkCalendar          *calendar,
                 EdaadPlanEditorField *field)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (calendar);
  g_autofree char *text = g_date_time_format (day, "%Y-%m-%d");

  gtk_editable_set_text (GTK_EDITABLE (field->widget), text);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (field->date_button));
  edaad_plan_editor_commit (field->editor);
}

static void
on_calendar_shown (GtkWidget            *popover,
                   EdaadPlanEditorField *field)
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

/* ---- the rows ---- */

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

/* An entry row; for a date, with the day in the locale's format and a calendar beside it. */
static GtkWidget *
entry_row_new (EdaadPlanEditorField *field,
               const char           *label)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *calendar, *popover, *button;
  g_autofree char *tip = NULL;

  field->widget = row;
  g_signal_connect_swapped (row, "changed", G_CALLBACK (on_widget_changed), field);
  if (field->kind != EDAAD_PLAN_WIDGET_DATE)
    return row;

  field->date_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (field->date_label), "dim-label");
  gtk_widget_set_valign (GTK_WIDGET (field->date_label), GTK_ALIGN_CENTER);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), GTK_WIDGET (field->date_label));

  calendar = gtk_calendar_new ();
  popover = gtk_popover_new ();
  button = gtk_menu_button_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), calendar);
  g_signal_connect (calendar, "day-selected", G_CALLBACK (on_day_selected), field);
  g_signal_connect (popover, "show", G_CALLBACK (on_calendar_shown), field);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  /* Translators: %s is a date field's label, e.g. "Due" */
  tip = g_strdup_printf (_("Choose the %s date"), label);
  edaad_widget_set_tooltip (button, tip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tip, -1);
  field->date_button = button;
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), button);
  return row;
}

/* A combo row: the enum's labels, or (filled later) the editions. */
static GtkWidget *
combo_row_new (EdaadPlanEditorField *field)
{
  GtkWidget *row = adw_combo_row_new ();

  field->widget = row;
  if (field->kind == EDAAD_PLAN_WIDGET_COMBO)
    {
      g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

      if (!(field->spec->flags & EDAAD_FIELD_REQUIRED))
        gtk_string_list_append (labels, C_("enum", "Not set"));
      for (guint i = 0; field->spec->enum_values[i] != NULL; i++)
        gtk_string_list_append (labels, edaad_field_enum_label (field->spec, field->spec->enum_values[i]));
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
    }
  g_signal_connect_swapped (row, "notify::selected", G_CALLBACK (on_widget_changed), field);
  return row;
}

/* An action row with `widget` (a spin button or a switch) as its suffix, `signal` telling
 * of its changes. */
static GtkWidget *
suffix_row_new (EdaadPlanEditorField *field,
                const char           *label,
                GtkWidget            *widget,
                const char           *signal)
{
  GtkWidget *row = adw_action_row_new ();

  field->widget = widget;
  gtk_widget_set_valign (widget, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), widget);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), widget);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_signal_connect_swapped (widget, signal, G_CALLBACK (on_widget_changed), field);
  return row;
}

static GtkWidget *
spin_row_new (EdaadPlanEditorField *field,
              const char           *label)
{
  GtkWidget *spin = gtk_spin_button_new_with_range ((double) field->spec->min, (double) field->spec->max, 1);
  GtkWidget *row = suffix_row_new (field, label, spin, "value-changed");

  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  /* The range in the hint follows the digits preference, live. */
  g_object_set_data (G_OBJECT (row), "edaad-field-spec", (gpointer) field->spec);
  update_range_hint (ADW_ACTION_ROW (row));
  g_signal_connect_object (edaad_ui_format_get_settings (), "changed::digits",
                           G_CALLBACK (update_range_hint), row, G_CONNECT_SWAPPED);
  return row;
}

/* Long text: a group of its own, the text view framed, the message under the frame. */
static void
build_text_field (EdaadPlanEditor      *self,
                  EdaadPlanEditorField *field,
                  const char           *label)
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
}

static void
build_field (EdaadPlanEditor      *self,
             EdaadPlanEditorField *field,
             GroupId               group_id)
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
    case EDAAD_PLAN_WIDGET_ENTRY:
    case EDAAD_PLAN_WIDGET_DATE:
      row = entry_row_new (field, label);
      break;
    case EDAAD_PLAN_WIDGET_COMBO:
    case EDAAD_PLAN_WIDGET_EDITION:
      row = combo_row_new (field);
      break;
    case EDAAD_PLAN_WIDGET_SPIN:
      row = spin_row_new (field, label);
      break;
    case EDAAD_PLAN_WIDGET_SWITCH:
      row = suffix_row_new (field, label, gtk_switch_new (), "notify::active");
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Counts toward the cohort's ready plans"));
      break;
    case EDAAD_PLAN_WIDGET_TEXT:
      build_text_field (self, field, label);
      return;
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

void
edaad_plan_editor_build_form (EdaadPlanEditor *self)
{
  const EdaadKindSpec *kind = edaad_schema_lookup_kind ("plan");

  /* Every plan field has its place in the form. */
  g_assert (kind->n_fields == G_N_ELEMENTS (layout));
  self->n_fields = G_N_ELEMENTS (layout);
  self->fields = g_new0 (EdaadPlanEditorField, self->n_fields);
  for (guint i = 0; i < self->n_fields; i++)
    {
      EdaadPlanEditorField *field = &self->fields[i];

      field->editor = self;
      field->spec = edaad_kind_lookup_field (kind, layout[i].field);
      g_assert (field->spec != NULL);
      field->kind = layout[i].widget;
      build_field (self, field, layout[i].group);
    }
}
