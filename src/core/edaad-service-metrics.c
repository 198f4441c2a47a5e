/* edaad-service-metrics.c — computed values of services on the way to the portal. */
#define G_LOG_DOMAIN "edaad-service-metrics"

#include "config.h"

#include "edaad-service-metrics.h"

#include <math.h>
#include <string.h>

static const char * const business_items[EDAAD_READINESS_N_ITEMS + 1] = {
  "process_documented", "simplified", "legal_basis", "e_payment", "digital_evidence", "owner_named", NULL,
};

static const char * const technical_items[EDAAD_READINESS_N_ITEMS + 1] = {
  "backend_system", "api_available", "integration_platform", "e_auth", "data_quality", "hosting_security", NULL,
};

const char * const *
edaad_readiness_business_items (void)
{
  return business_items;
}

const char * const *
edaad_readiness_technical_items (void)
{
  return technical_items;
}

double
edaad_readiness_pct (const gint64 *items,
                     guint         n_items)
{
  gint64 sum = 0;
  guint counted = 0;

  g_return_val_if_fail (items != NULL || n_items == 0, -1);

  for (guint i = 0; i < n_items; i++)
    {
      if (items[i] < 0 || items[i] > EDAAD_READINESS_ITEM_MAX)
        continue;
      sum += items[i];
      counted++;
    }

  if (counted == 0)
    return -1;
  return (double) sum / counted / EDAAD_READINESS_ITEM_MAX * 100.0;
}

static double
survey_pct (EdaadRecord        *survey,
            const char * const *fields)
{
  gint64 items[EDAAD_READINESS_N_ITEMS];

  g_return_val_if_fail (EDAAD_IS_RECORD (survey), -1);
  g_return_val_if_fail (strcmp (edaad_record_get_kind_name (survey), "readiness_survey") == 0, -1);
  if (edaad_record_get_deleted (survey))
    return -1;

  for (guint i = 0; i < EDAAD_READINESS_N_ITEMS; i++)
    items[i] = edaad_record_has_value (survey, fields[i]) ? edaad_record_get_int (survey, fields[i]) : -1;
  return edaad_readiness_pct (items, EDAAD_READINESS_N_ITEMS);
}

double
edaad_readiness_business_pct (EdaadRecord *survey)
{
  return survey_pct (survey, business_items);
}

double
edaad_readiness_technical_pct (EdaadRecord *survey)
{
  return survey_pct (survey, technical_items);
}

gboolean
edaad_reduction_pct (double  before,
                     double  after,
                     double *pct)
{
  g_return_val_if_fail (pct != NULL, FALSE);

  if (!isfinite (before) || !isfinite (after) || before <= 0 || after < 0)
    return FALSE;
  *pct = (before - after) / before * 100.0;
  return TRUE;
}

static gboolean
service_reduction (EdaadRecord *service,
                   const char  *before_field,
                   const char  *after_field,
                   gboolean     integer,
                   double      *pct)
{
  double before, after;

  g_return_val_if_fail (EDAAD_IS_RECORD (service), FALSE);
  g_return_val_if_fail (strcmp (edaad_record_get_kind_name (service), "service") == 0, FALSE);
  g_return_val_if_fail (pct != NULL, FALSE);

  if (edaad_record_get_deleted (service) ||
      !edaad_record_has_value (service, before_field) || !edaad_record_has_value (service, after_field))
    return FALSE;

  if (integer)
    {
      before = (double) edaad_record_get_int (service, before_field);
      after = (double) edaad_record_get_int (service, after_field);
    }
  else
    {
      before = edaad_record_get_real (service, before_field);
      after = edaad_record_get_real (service, after_field);
    }
  return edaad_reduction_pct (before, after, pct);
}

gboolean
edaad_service_step_reduction_pct (EdaadRecord *service,
                                  double      *pct)
{
  return service_reduction (service, "steps_before", "steps_after", TRUE, pct);
}

gboolean
edaad_service_time_reduction_pct (EdaadRecord *service,
                                  double      *pct)
{
  return service_reduction (service, "days_before", "days_after", FALSE, pct);
}

double
edaad_services_electronic_pct (GPtrArray *services)
{
  guint total = 0, electronic = 0;

  g_return_val_if_fail (services != NULL, -1);

  for (guint i = 0; i < services->len; i++)
    {
      EdaadRecord *s = g_ptr_array_index (services, i);

      g_return_val_if_fail (EDAAD_IS_RECORD (s), -1);
      if (edaad_record_get_deleted (s))
        continue;
      total++;
      if (g_strcmp0 (edaad_record_get_string (s, "maturity"), "electronic") == 0)
        electronic++;
    }

  return total > 0 ? (double) electronic / total * 100.0 : -1;
}
