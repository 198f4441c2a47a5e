/* edaad-service-detail.c — the read-only side pane of the services page. */
#define G_LOG_DOMAIN "edaad-service-detail"

#include "config.h"

#include "edaad-service-detail.h"

#include "edaad-enum-chip.h"
#include "edaad-property-list.h"
#include "edaad-record-list.h"
#include "edaad-service-metrics.h"
#include "edaad-ui-format.h"

#include <glib/gi18n-lib.h>
#include <math.h>

struct _EdaadServiceDetail
{
  AdwBin parent_instance;

  GtkLabel *title_label;
  GtkLabel *subtitle_label;
  EdaadEnumChip *maturity_chip;
  GtkWidget *target_arrow;
  EdaadEnumChip *target_chip;
  GtkWidget *readiness_grid;
  GtkLevelBar *business_bar;
  GtkLabel *business_label;
  GtkLevelBar *technical_bar;
  GtkLabel *technical_label;
  GtkLabel *survey_label;
  EdaadPropertyList *gains;
  EdaadPropertyList *properties;
  GtkWidget *description_box;
  GtkLabel *description_label;

  EdaadStore *store;
  EdaadRecord *service;
  EdaadRecordList *surveys;
  double business;
  double technical;
};

G_DEFINE_FINAL_TYPE (EdaadServiceDetail, edaad_service_detail, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SERVICE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const detail_fields[] = {
  "portal_stage", "priority_phase", "life_event", "audience", "annual_volume", NULL
};

static void
set_readiness (GtkLevelBar *bar,
               GtkLabel    *label,
               double       pct)
{
  g_autofree char *text = pct >= 0 ? edaad_ui_format_percent (pct) : NULL;

  gtk_level_bar_set_value (bar, MAX (pct, 0.0));
  /* Translators: shown instead of a percentage that cannot be computed */
  gtk_label_set_text (label, text != NULL ? text : C_("value", "Unknown"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT,
                                  text != NULL ? text : C_("value", "Unknown"), -1);
}

static void
update_readiness (EdaadServiceDetail *self)
{
  g_autoptr(EdaadRecord) survey = NULL;

  if (self->surveys != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->surveys)) > 0)
    survey = g_list_model_get_item (G_LIST_MODEL (self->surveys), 0);

  self->business = survey != NULL ? edaad_readiness_business_pct (survey) : -1;
  self->technical = survey != NULL ? edaad_readiness_technical_pct (survey) : -1;
  set_readiness (self->business_bar, self->business_label, self->business);
  set_readiness (self->technical_bar, self->technical_label, self->technical);
  gtk_widget_set_visible (self->readiness_grid, survey != NULL);

  if (survey != NULL)
    {
      g_autofree char *date = edaad_ui_format_date (edaad_record_get_string (survey, "surveyed_on"));
      /* Translators: %s is a date */
      g_autofree char *text = g_strdup_printf (_("From the readiness survey of %s"), date != NULL ? date : "");
      gtk_label_set_text (self->survey_label, text);
    }
  else
    gtk_label_set_text (self->survey_label, _("No readiness survey yet"));
}

static char *
format_reduction (const char *before,
                  const char *after,
                  double      pct,
                  gboolean    steps)
{
  g_autofree char *amount = edaad_ui_format_percent (fabs (pct));

  if (steps)
    return pct >= 0
      /* Translators: "12 → 4 steps, 67% fewer"; use the arrow that points forward in your script */
      ? g_strdup_printf (_("%s → %s steps, %s fewer"), before, after, amount)
      /* Translators: "4 → 6 steps, 50% more" */
      : g_strdup_printf (_("%s → %s steps, %s more"), before, after, amount);
  return pct >= 0
    /* Translators: "10 → 2 days, 80% less" */
    ? g_strdup_printf (_("%s → %s days, %s less"), before, after, amount)
    /* Translators: "2 → 3 days, 50% more" */
    : g_strdup_printf (_("%s → %s days, %s more"), before, after, amount);
}

static void
update_gains (EdaadServiceDetail *self)
{
  double pct;

  edaad_property_list_clear (self->gains);
  if (self->service == NULL)
    return;

  if (edaad_service_step_reduction_pct (self->service, &pct))
    {
      g_autofree char *before = edaad_ui_format_count (edaad_record_get_int (self->service, "steps_before"));
      g_autofree char *after = edaad_ui_format_count (edaad_record_get_int (self->service, "steps_after"));
      g_autofree char *text = format_reduction (before, after, pct, TRUE);
      edaad_property_list_add (self->gains, _("Step reduction"), text);
    }
  if (edaad_service_time_reduction_pct (self->service, &pct))
    {
      g_autofree char *before = edaad_ui_format_number (edaad_record_get_real (self->service, "days_before"), 1);
      g_autofree char *after = edaad_ui_format_number (edaad_record_get_real (self->service, "days_after"), 1);
      g_autofree char *text = format_reduction (before, after, pct, FALSE);
      edaad_property_list_add (self->gains, _("Time reduction"), text);
    }
}

static void
edaad_service_detail_update (EdaadServiceDetail *self)
{
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  const char *code;
  const char *description;
  const char *maturity;
  const char *target;

  edaad_property_list_clear (self->properties);
  update_gains (self);

  if (self->service == NULL)
    {
      gtk_label_set_text (self->title_label, "");
      gtk_label_set_text (self->subtitle_label, "");
      edaad_enum_chip_set_value (self->maturity_chip, NULL);
      edaad_enum_chip_set_value (self->target_chip, NULL);
      gtk_widget_set_visible (self->target_arrow, FALSE);
      gtk_widget_set_visible (self->description_box, FALSE);
      return;
    }

  title = edaad_record_dup_title (self->service);
  gtk_label_set_text (self->title_label, title);

  code = edaad_record_get_string (self->service, "code");
  subtitle = code != NULL && *code != '\0' ? g_strdup (code) : NULL;
  gtk_label_set_text (self->subtitle_label, subtitle != NULL ? subtitle : "");
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), subtitle != NULL);

  maturity = edaad_record_get_string (self->service, "maturity");
  target = edaad_record_get_string (self->service, "maturity_target");
  edaad_enum_chip_set_value (self->maturity_chip, maturity);
  if (target != NULL && g_strcmp0 (target, maturity) != 0)
    {
      edaad_enum_chip_set_value (self->target_chip, target);
      gtk_widget_set_visible (self->target_arrow, TRUE);
    }
  else
    {
      edaad_enum_chip_set_value (self->target_chip, NULL);
      gtk_widget_set_visible (self->target_arrow, FALSE);
    }

  edaad_property_list_add_fields (self->properties, self->service, detail_fields);

  description = edaad_record_get_string (self->service, "description");
  gtk_widget_set_visible (self->description_box, description != NULL && *description != '\0');
  gtk_label_set_text (self->description_label, description != NULL ? description : "");
}

static void
edaad_service_detail_dispose (GObject *object)
{
  EdaadServiceDetail *self = EDAAD_SERVICE_DETAIL (object);

  g_clear_object (&self->surveys);
  g_clear_object (&self->service);
  g_clear_object (&self->store);

  /* AdwBin owns its child: let it go before the template drops its references. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), EDAAD_TYPE_SERVICE_DETAIL);

  G_OBJECT_CLASS (edaad_service_detail_parent_class)->dispose (object);
}

static void
edaad_service_detail_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  EdaadServiceDetail *self = EDAAD_SERVICE_DETAIL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_SERVICE:
      g_value_set_object (value, self->service);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
edaad_service_detail_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  EdaadServiceDetail *self = EDAAD_SERVICE_DETAIL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_set_object (&self->store, g_value_get_object (value));
      break;
    case PROP_SERVICE:
      edaad_service_detail_set_service (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
edaad_service_detail_class_init (EdaadServiceDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = edaad_service_detail_dispose;
  object_class->get_property = edaad_service_detail_get_property;
  object_class->set_property = edaad_service_detail_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, EDAAD_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SERVICE] =
    g_param_spec_object ("service", NULL, NULL, EDAAD_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (EDAAD_TYPE_ENUM_CHIP);
  g_type_ensure (EDAAD_TYPE_PROPERTY_LIST);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/edaad-service-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, EdaadServiceDetail, title_label);
  gtk_widget_class_bind_template_child (widget_class, EdaadServiceDetail, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, EdaadServiceDetail, maturity_chip);
  gtk_widget_class_bind_template_child (widget_class, EdaadServiceDetail, target_arrow);
  gtk_widget_class_bind_template_child (widget_class, EdaadServiceDetail, target_chip);
  gtk_widget_class_bind_template_child (widget_class, EdaadServiceDetail, readiness_grid);
  gtk_widget_class_bind_template_child (widget_class, EdaadServiceDetail, business_bar);
  gtk_widget_class_bind_template_child (widget_class, EdaadServiceDetail, business_label);
  gtk_widget_class_bind_template_child (widget_class, EdaadServiceDetail, technical_bar);
  gtk_widget_class_bind_template_child (widget_class, EdaadServiceDetail, technical_label);
  gtk_widget_class_bind_template_child (widget_class, EdaadServiceDetail, survey_label);
  gtk_widget_class_bind_template_child (widget_class, EdaadServiceDetail, gains);
  gtk_widget_class_bind_template_child (widget_class, EdaadServiceDetail, properties);
  gtk_widget_class_bind_template_child (widget_class, EdaadServiceDetail, description_box);
  gtk_widget_class_bind_template_child (widget_class, EdaadServiceDetail, description_label);
}

/* The "digits" setting changed: write the dates and figures anew. */
static void
on_digits_changed (EdaadServiceDetail *self)
{
  edaad_service_detail_update (self);
  update_readiness (self);
}

static void
edaad_service_detail_init (EdaadServiceDetail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->business = -1;
  self->technical = -1;
  g_signal_connect_object (edaad_ui_format_get_settings (), "changed::digits",
                           G_CALLBACK (on_digits_changed), self, G_CONNECT_SWAPPED);
}

GtkWidget *
edaad_service_detail_new (EdaadStore *store)
{
  g_return_val_if_fail (EDAAD_IS_STORE (store), NULL);
  return g_object_new (EDAAD_TYPE_SERVICE_DETAIL, "store", store, NULL);
}

void
edaad_service_detail_set_service (EdaadServiceDetail *self,
                                  EdaadRecord        *service)
{
  gboolean same_service;

  g_return_if_fail (EDAAD_IS_SERVICE_DETAIL (self));
  g_return_if_fail (service == NULL || EDAAD_IS_RECORD (service));

  if (self->service == service)
    return;

  same_service = self->service != NULL && service != NULL &&
                 g_strcmp0 (edaad_record_get_id (self->service), edaad_record_get_id (service)) == 0;
  g_set_object (&self->service, service);
  edaad_service_detail_update (self);

  if (!same_service)
    {
      g_clear_object (&self->surveys);
      if (service != NULL && self->store != NULL)
        {
          self->surveys = edaad_record_list_new (self->store, "readiness_survey");
          edaad_record_list_set_equals (self->surveys, "service_id", edaad_record_get_id (service));
          edaad_record_list_set_sort (self->surveys, "surveyed_on", TRUE);
          g_signal_connect_object (self->surveys, "items-changed",
                                   G_CALLBACK (update_readiness), self, G_CONNECT_SWAPPED);
        }
      update_readiness (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERVICE]);
}

EdaadRecord *
edaad_service_detail_get_service (EdaadServiceDetail *self)
{
  g_return_val_if_fail (EDAAD_IS_SERVICE_DETAIL (self), NULL);
  return self->service;
}

double
edaad_service_detail_get_business_readiness (EdaadServiceDetail *self)
{
  g_return_val_if_fail (EDAAD_IS_SERVICE_DETAIL (self), -1);
  return self->business;
}

double
edaad_service_detail_get_technical_readiness (EdaadServiceDetail *self)
{
  g_return_val_if_fail (EDAAD_IS_SERVICE_DETAIL (self), -1);
  return self->technical;
}
