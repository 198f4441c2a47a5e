/* edaad-plan-detail.c — the read-only side pane of the plans page. */
#define G_LOG_DOMAIN "edaad-plan-detail"

#include "config.h"

#include "edaad-plan-detail.h"

#include "edaad-enum-chip.h"
#include "edaad-plan-metrics.h"
#include "edaad-property-list.h"
#include "edaad-record-array.h"
#include "edaad-record-list.h"
#include "edaad-ui-format.h"

#include <glib/gi18n-lib.h>

struct _EdaadPlanDetail
{
  AdwBin parent_instance;

  GtkLabel *title_label;
  GtkLabel *subtitle_label;
  EdaadEnumChip *status_chip;
  GtkLabel *capstone_label;
  GtkLabel *progress_label;
  GtkProgressBar *progress_bar;
  EdaadPropertyList *properties;
  GtkWidget *summary_box;
  GtkLabel *summary_label;
  GtkListBox *milestones_list;

  EdaadStore *store;
  EdaadRecord *plan;
  EdaadRecordList *milestones;
};

G_DEFINE_FINAL_TYPE (EdaadPlanDetail, edaad_plan_detail, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_PLAN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const detail_fields[] = {
  "change_type", "priority", "phase", "kotter_step", "owner", "sponsor",
  "start_on", "go_live_on", "due_on", NULL
};

static void
update_progress (EdaadPlanDetail *self)
{
  double progress = 0.0;
  g_autofree char *text = NULL;

  if (self->milestones != NULL)
    {
      g_autoptr(GPtrArray) milestones = edaad_record_array_from_model (G_LIST_MODEL (self->milestones));
      progress = edaad_plan_progress (milestones);
    }

  gtk_progress_bar_set_fraction (self->progress_bar, progress / 100.0);
  text = edaad_ui_format_percent (progress);
  gtk_label_set_text (self->progress_label, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Progress"),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, text,
                                  -1);
}

static GtkWidget *
create_milestone_row (gpointer item,
                      gpointer user_data)
{
  EdaadRecord *milestone = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *chip = edaad_enum_chip_new ("milestone", "status");
  g_autofree char *title = edaad_record_dup_title (milestone);
  g_autofree char *due = edaad_ui_format_date (edaad_record_get_string (milestone, "due_on"));
  g_autofree char *done = edaad_ui_format_date (edaad_record_get_string (milestone, "done_on"));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (done != NULL)
    {
      /* Translators: %s is a date */
      g_autofree char *subtitle = g_strdup_printf (_("Done on %s"), done);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
    }
  else if (due != NULL)
    {
      /* Translators: %s is a date */
      g_autofree char *subtitle = g_strdup_printf (_("Due %s"), due);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
    }
  edaad_enum_chip_set_value (EDAAD_ENUM_CHIP (chip), edaad_record_get_string (milestone, "status"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), chip);
  g_object_set_data_full (G_OBJECT (row), "edaad-record-id",
                          g_strdup (edaad_record_get_id (milestone)), g_free);
  return row;
}

static void
edaad_plan_detail_update (EdaadPlanDetail *self)
{
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  const char *code;
  const char *summary;
  const char *change_type;

  edaad_property_list_clear (self->properties);

  if (self->plan == NULL)
    {
      gtk_label_set_text (self->title_label, "");
      gtk_label_set_text (self->subtitle_label, "");
      edaad_enum_chip_set_value (self->status_chip, NULL);
      gtk_widget_set_visible (GTK_WIDGET (self->capstone_label), FALSE);
      gtk_widget_set_visible (self->summary_box, FALSE);
      g_clear_object (&self->milestones);
      gtk_list_box_bind_model (self->milestones_list, NULL, NULL, NULL, NULL);
      update_progress (self);
      return;
    }

  title = edaad_record_dup_title (self->plan);
  gtk_label_set_text (self->title_label, title);

  code = edaad_record_get_string (self->plan, "code");
  change_type = edaad_ui_enum_label ("plan", "change_type", edaad_record_get_string (self->plan, "change_type"));
  if (code != NULL && *code != '\0')
    /* Translators: a plan's code and its type of change, e.g. "PLN-004 · IT and digital" */
    subtitle = g_strdup_printf (_("%s · %s"), code, change_type);
  else
    subtitle = g_strdup (change_type);
  gtk_label_set_text (self->subtitle_label, subtitle);

  edaad_enum_chip_set_value (self->status_chip, edaad_record_get_string (self->plan, "status"));
  gtk_widget_set_visible (GTK_WIDGET (self->capstone_label), edaad_record_get_bool (self->plan, "capstone"));

  edaad_property_list_add_fields (self->properties, self->plan, detail_fields);

  summary = edaad_record_get_string (self->plan, "summary");
  gtk_widget_set_visible (self->summary_box, summary != NULL && *summary != '\0');
  gtk_label_set_text (self->summary_label, summary != NULL ? summary : "");
}

static void
edaad_plan_detail_dispose (GObject *object)
{
  EdaadPlanDetail *self = EDAAD_PLAN_DETAIL (object);

  if (self->milestones_list != NULL)
    gtk_list_box_bind_model (self->milestones_list, NULL, NULL, NULL, NULL);
  g_clear_object (&self->milestones);
  g_clear_object (&self->plan);
  g_clear_object (&self->store);

  /* AdwBin owns its child: let it go before the template drops its references. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), EDAAD_TYPE_PLAN_DETAIL);

  G_OBJECT_CLASS (edaad_plan_detail_parent_class)->dispose (object);
}

static void
edaad_plan_detail_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  EdaadPlanDetail *self = EDAAD_PLAN_DETAIL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
edaad_plan_detail_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  EdaadPlanDetail *self = EDAAD_PLAN_DETAIL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_set_object (&self->store, g_value_get_object (value));
      break;
    case PROP_PLAN:
      edaad_plan_detail_set_plan (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
edaad_plan_detail_class_init (EdaadPlanDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = edaad_plan_detail_dispose;
  object_class->get_property = edaad_plan_detail_get_property;
  object_class->set_property = edaad_plan_detail_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, EDAAD_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, EDAAD_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (EDAAD_TYPE_ENUM_CHIP);
  g_type_ensure (EDAAD_TYPE_PROPERTY_LIST);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/edaad-plan-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, EdaadPlanDetail, title_label);
  gtk_widget_class_bind_template_child (widget_class, EdaadPlanDetail, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, EdaadPlanDetail, status_chip);
  gtk_widget_class_bind_template_child (widget_class, EdaadPlanDetail, capstone_label);
  gtk_widget_class_bind_template_child (widget_class, EdaadPlanDetail, progress_label);
  gtk_widget_class_bind_template_child (widget_class, EdaadPlanDetail, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, EdaadPlanDetail, properties);
  gtk_widget_class_bind_template_child (widget_class, EdaadPlanDetail, summary_box);
  gtk_widget_class_bind_template_child (widget_class, EdaadPlanDetail, summary_label);
  gtk_widget_class_bind_template_child (widget_class, EdaadPlanDetail, milestones_list);
}

/* The "digits" setting changed: write the dates and figures anew. */
static void
on_digits_changed (EdaadPlanDetail *self)
{
  edaad_plan_detail_update (self);
  if (self->milestones != NULL)
    {
      gtk_list_box_bind_model (self->milestones_list, NULL, NULL, NULL, NULL);
      gtk_list_box_bind_model (self->milestones_list, G_LIST_MODEL (self->milestones),
                               create_milestone_row, NULL, NULL);
    }
  update_progress (self);
}

static void
edaad_plan_detail_init (EdaadPlanDetail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (edaad_ui_format_get_settings (), "changed::digits",
                           G_CALLBACK (on_digits_changed), self, G_CONNECT_SWAPPED);
}

GtkWidget *
edaad_plan_detail_new (EdaadStore *store)
{
  g_return_val_if_fail (EDAAD_IS_STORE (store), NULL);
  return g_object_new (EDAAD_TYPE_PLAN_DETAIL, "store", store, NULL);
}

void
edaad_plan_detail_set_plan (EdaadPlanDetail *self,
                            EdaadRecord     *plan)
{
  gboolean same_plan;

  g_return_if_fail (EDAAD_IS_PLAN_DETAIL (self));
  g_return_if_fail (plan == NULL || EDAAD_IS_RECORD (plan));

  if (self->plan == plan)
    return;

  same_plan = self->plan != NULL && plan != NULL &&
              g_strcmp0 (edaad_record_get_id (self->plan), edaad_record_get_id (plan)) == 0;
  g_set_object (&self->plan, plan);
  edaad_plan_detail_update (self);

  /* A refreshed copy of the same plan keeps its live milestone list. */
  if (plan != NULL && !same_plan && self->store != NULL)
    {
      gtk_list_box_bind_model (self->milestones_list, NULL, NULL, NULL, NULL);
      g_clear_object (&self->milestones);
      self->milestones = edaad_record_list_new (self->store, "milestone");
      edaad_record_list_set_equals (self->milestones, "plan_id", edaad_record_get_id (plan));
      edaad_record_list_set_sort (self->milestones, "position", FALSE);
      g_signal_connect_object (self->milestones, "items-changed",
                               G_CALLBACK (update_progress), self, G_CONNECT_SWAPPED);
      gtk_list_box_bind_model (self->milestones_list, G_LIST_MODEL (self->milestones),
                               create_milestone_row, NULL, NULL);
    }
  update_progress (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
}

EdaadRecord *
edaad_plan_detail_get_plan (EdaadPlanDetail *self)
{
  g_return_val_if_fail (EDAAD_IS_PLAN_DETAIL (self), NULL);
  return self->plan;
}

GListModel *
edaad_plan_detail_get_milestones (EdaadPlanDetail *self)
{
  g_return_val_if_fail (EDAAD_IS_PLAN_DETAIL (self), NULL);
  return self->milestones != NULL ? G_LIST_MODEL (self->milestones) : NULL;
}

gboolean
edaad_plan_detail_reveal_milestone (EdaadPlanDetail *self,
                                    const char      *id)
{
  g_return_val_if_fail (EDAAD_IS_PLAN_DETAIL (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  for (int i = 0;; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->milestones_list, i);

      if (row == NULL)
        return FALSE;
      if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "edaad-record-id"), id) == 0)
        {
          gtk_list_box_select_row (self->milestones_list, row);
          gtk_widget_grab_focus (GTK_WIDGET (row));
          return TRUE;
        }
    }
}
