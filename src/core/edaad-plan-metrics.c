/* edaad-plan-metrics.c — computed values of change plans (DESIGN.md §3, "Computed"). */
#define G_LOG_DOMAIN "edaad-plan-metrics"

#include "config.h"

#include "edaad-plan-metrics.h"

#include "edaad-date.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

static gboolean
is_live (EdaadRecord *record,
         const char  *kind)
{
  g_return_val_if_fail (EDAAD_IS_RECORD (record), FALSE);
  g_return_val_if_fail (strcmp (edaad_record_get_kind_name (record), kind) == 0, FALSE);
  return !edaad_record_get_deleted (record);
}

/* ---- plan progress ---- */

double
edaad_plan_progress (GPtrArray *milestones)
{
  double total = 0, done = 0;

  g_return_val_if_fail (milestones != NULL, 0);

  for (guint i = 0; i < milestones->len; i++)
    {
      EdaadRecord *m = g_ptr_array_index (milestones, i);
      const char *status;
      double weight;

      if (!is_live (m, "milestone"))
        continue;
      status = edaad_record_get_string (m, "status");
      if (g_strcmp0 (status, "dropped") == 0)
        continue;
      weight = edaad_record_has_value (m, "weight") ? (double) edaad_record_get_int (m, "weight") : 1.0;
      if (weight <= 0)
        continue;
      total += weight;
      if (g_strcmp0 (status, "done") == 0)
        done += weight;
    }

  return total > 0 ? done / total * 100.0 : 0.0;
}

/* ---- milestone RAG ---- */

EdaadRag
edaad_rag_compute (const char *status,
                   const char *due_on,
                   const char *today)
{
  gboolean has_due;

  g_return_val_if_fail (edaad_date_is_valid (today), EDAAD_RAG_NONE);

  if (status == NULL)
    status = "planned";
  if (strcmp (status, "done") == 0)
    return EDAAD_RAG_DONE;
  if (strcmp (status, "dropped") == 0)
    return EDAAD_RAG_NONE;

  has_due = edaad_date_is_valid (due_on);
  if (strcmp (status, "late") == 0 || (has_due && edaad_date_compare (due_on, today) < 0))
    return EDAAD_RAG_RED;
  if (strcmp (status, "at_risk") == 0 ||
      (has_due && edaad_date_days_between (today, due_on) <= EDAAD_RAG_AMBER_DAYS))
    return EDAAD_RAG_AMBER;
  if (!has_due && strcmp (status, "planned") == 0)
    return EDAAD_RAG_NONE;
  return EDAAD_RAG_GREEN;
}

EdaadRag
edaad_milestone_rag (EdaadRecord *milestone,
                     const char  *today)
{
  if (!is_live (milestone, "milestone"))
    return EDAAD_RAG_NONE;
  return edaad_rag_compute (edaad_record_get_string (milestone, "status"),
                            edaad_record_get_string (milestone, "due_on"),
                            today);
}

const char *
edaad_rag_to_string (EdaadRag rag)
{
  switch (rag)
    {
    case EDAAD_RAG_NONE: return "none";
    case EDAAD_RAG_GREEN: return "green";
    case EDAAD_RAG_AMBER: return "amber";
    case EDAAD_RAG_RED: return "red";
    case EDAAD_RAG_DONE: return "done";
    default: g_return_val_if_reached (NULL);
    }
}

const char *
edaad_rag_get_label (EdaadRag rag)
{
  switch (rag)
    {
    /* Translators: a milestone with no status to show */
    case EDAAD_RAG_NONE: return _("Not rated");
    case EDAAD_RAG_GREEN: return _("On track");
    case EDAAD_RAG_AMBER: return _("Needs attention");
    case EDAAD_RAG_RED: return _("Overdue or late");
    case EDAAD_RAG_DONE: return _("Done");
    default: g_return_val_if_reached (NULL);
    }
}

int
edaad_rag_severity (EdaadRag rag)
{
  switch (rag)
    {
    case EDAAD_RAG_RED:
      return 4;
    case EDAAD_RAG_AMBER:
      return 3;
    case EDAAD_RAG_GREEN:
      return 2;
    case EDAAD_RAG_DONE:
      return 1;
    case EDAAD_RAG_NONE:
    default:
      return 0;
    }
}

EdaadRag
edaad_plan_rag (EdaadRecord *plan,
                GPtrArray   *milestones,
                const char  *today)
{
  EdaadRag worst = EDAAD_RAG_NONE;
  const char *status;

  g_return_val_if_fail (EDAAD_IS_RECORD (plan), EDAAD_RAG_NONE);
  g_return_val_if_fail (milestones != NULL, EDAAD_RAG_NONE);
  g_return_val_if_fail (today != NULL, EDAAD_RAG_NONE);

  for (guint i = 0; i < milestones->len; i++)
    {
      EdaadRecord *milestone = g_ptr_array_index (milestones, i);
      EdaadRag rag;

      if (edaad_record_get_deleted (milestone))
        continue;
      rag = edaad_milestone_rag (milestone, today);
      if (edaad_rag_severity (rag) > edaad_rag_severity (worst))
        worst = rag;
    }
  if (worst != EDAAD_RAG_NONE)
    return worst;

  /* No milestone to judge by: the plan's own status and due date. */
  status = edaad_record_get_string (plan, "status");
  if (g_strcmp0 (status, "closed") == 0)
    return EDAAD_RAG_DONE;
  if (g_strcmp0 (status, "cancelled") == 0)
    return EDAAD_RAG_NONE;
  /* An open plan as a planned milestone: judged by its due date, none without one. */
  return edaad_rag_compute ("planned", edaad_record_get_string (plan, "due_on"), today);
}

/* ---- risk ---- */

int
edaad_risk_score (gint64 likelihood,
                  gint64 impact)
{
  if (likelihood < 1 || likelihood > 5 || impact < 1 || impact > 5)
    return 0;
  return (int) (likelihood * impact);
}

int
edaad_risk_score_for_record (EdaadRecord *risk)
{
  if (!is_live (risk, "risk"))
    return 0;
  if (!edaad_record_has_value (risk, "likelihood") || !edaad_record_has_value (risk, "impact"))
    return 0;
  return edaad_risk_score (edaad_record_get_int (risk, "likelihood"),
                           edaad_record_get_int (risk, "impact"));
}

EdaadRiskBand
edaad_risk_band_for_score (int score)
{
  if (score < 1 || score > 25)
    return EDAAD_RISK_BAND_NONE;
  if (score <= 4)
    return EDAAD_RISK_BAND_LOW;
  if (score <= 9)
    return EDAAD_RISK_BAND_MEDIUM;
  if (score <= 15)
    return EDAAD_RISK_BAND_HIGH;
  return EDAAD_RISK_BAND_CRITICAL;
}

const char *
edaad_risk_band_to_string (EdaadRiskBand band)
{
  switch (band)
    {
    case EDAAD_RISK_BAND_NONE: return "none";
    case EDAAD_RISK_BAND_LOW: return "low";
    case EDAAD_RISK_BAND_MEDIUM: return "medium";
    case EDAAD_RISK_BAND_HIGH: return "high";
    case EDAAD_RISK_BAND_CRITICAL: return "critical";
    default: g_return_val_if_reached (NULL);
    }
}

const char *
edaad_risk_band_get_label (EdaadRiskBand band)
{
  switch (band)
    {
    /* Translators: a risk whose likelihood or impact is not rated yet */
    case EDAAD_RISK_BAND_NONE: return _("Not rated");
    /* Translators: risk band */
    case EDAAD_RISK_BAND_LOW: return C_("risk", "Low");
    /* Translators: risk band */
    case EDAAD_RISK_BAND_MEDIUM: return C_("risk", "Medium");
    /* Translators: risk band */
    case EDAAD_RISK_BAND_HIGH: return C_("risk", "High");
    /* Translators: risk band */
    case EDAAD_RISK_BAND_CRITICAL: return C_("risk", "Critical");
    default: g_return_val_if_reached (NULL);
    }
}

/* ---- stakeholders ---- */

EdaadQuadrant
edaad_stakeholder_quadrant (gint64 power,
                            gint64 interest)
{
  gboolean high_power = power >= EDAAD_QUADRANT_THRESHOLD;
  gboolean high_interest = interest >= EDAAD_QUADRANT_THRESHOLD;

  if (high_power)
    return high_interest ? EDAAD_QUADRANT_MANAGE_CLOSELY : EDAAD_QUADRANT_KEEP_SATISFIED;
  return high_interest ? EDAAD_QUADRANT_KEEP_INFORMED : EDAAD_QUADRANT_MONITOR;
}

static gint64
int_or_default (EdaadRecord *record,
                const char  *field)
{
  const EdaadFieldSpec *spec;

  if (edaad_record_has_value (record, field))
    return edaad_record_get_int (record, field);
  spec = edaad_kind_lookup_field (edaad_record_get_kind (record), field);
  g_assert (spec != NULL && spec->default_value != NULL);
  return g_ascii_strtoll (spec->default_value, NULL, 10);
}

EdaadQuadrant
edaad_stakeholder_quadrant_for_record (EdaadRecord *stakeholder)
{
  g_return_val_if_fail (EDAAD_IS_RECORD (stakeholder), EDAAD_QUADRANT_MONITOR);
  g_return_val_if_fail (strcmp (edaad_record_get_kind_name (stakeholder), "stakeholder") == 0,
                        EDAAD_QUADRANT_MONITOR);

  return edaad_stakeholder_quadrant (int_or_default (stakeholder, "power"),
                                     int_or_default (stakeholder, "interest"));
}

const char *
edaad_quadrant_to_string (EdaadQuadrant quadrant)
{
  switch (quadrant)
    {
    case EDAAD_QUADRANT_MONITOR: return "monitor";
    case EDAAD_QUADRANT_KEEP_INFORMED: return "keep_informed";
    case EDAAD_QUADRANT_KEEP_SATISFIED: return "keep_satisfied";
    case EDAAD_QUADRANT_MANAGE_CLOSELY: return "manage_closely";
    default: g_return_val_if_reached (NULL);
    }
}

const char *
edaad_quadrant_get_label (EdaadQuadrant quadrant)
{
  switch (quadrant)
    {
    case EDAAD_QUADRANT_MONITOR: return _("Monitor");
    case EDAAD_QUADRANT_KEEP_INFORMED: return _("Keep informed");
    case EDAAD_QUADRANT_KEEP_SATISFIED: return _("Keep satisfied");
    case EDAAD_QUADRANT_MANAGE_CLOSELY: return _("Manage closely");
    default: g_return_val_if_reached (NULL);
    }
}

/* ---- ADKAR ---- */

static const char * const adkar_fields[EDAAD_ADKAR_N_ELEMENTS] = {
  "awareness", "desire", "knowledge", "ability", "reinforcement",
};

EdaadAdkarElement
edaad_adkar_barrier_point (const double scores[EDAAD_ADKAR_N_ELEMENTS])
{
  g_return_val_if_fail (scores != NULL, EDAAD_ADKAR_NONE);

  for (int i = 0; i < EDAAD_ADKAR_N_ELEMENTS; i++)
    {
      if (isnan (scores[i]) || scores[i] <= 0)
        continue;
      if (scores[i] <= EDAAD_ADKAR_BARRIER_THRESHOLD)
        return (EdaadAdkarElement) i;
    }
  return EDAAD_ADKAR_NONE;
}

EdaadAdkarElement
edaad_adkar_barrier_point_for_record (EdaadRecord *assessment)
{
  double scores[EDAAD_ADKAR_N_ELEMENTS];

  if (!is_live (assessment, "adkar_assessment"))
    return EDAAD_ADKAR_NONE;
  for (int i = 0; i < EDAAD_ADKAR_N_ELEMENTS; i++)
    scores[i] = edaad_record_has_value (assessment, adkar_fields[i])
                  ? edaad_record_get_real (assessment, adkar_fields[i])
                  : NAN;
  return edaad_adkar_barrier_point (scores);
}

const char *
edaad_adkar_element_field (EdaadAdkarElement element)
{
  g_return_val_if_fail (element >= EDAAD_ADKAR_AWARENESS && element <= EDAAD_ADKAR_REINFORCEMENT, NULL);
  return adkar_fields[element];
}

const char *
edaad_adkar_element_get_label (EdaadAdkarElement element)
{
  switch (element)
    {
    /* Translators: no ADKAR element is a barrier */
    case EDAAD_ADKAR_NONE: return _("No barrier");
    case EDAAD_ADKAR_AWARENESS: return _("Awareness");
    case EDAAD_ADKAR_DESIRE: return _("Desire");
    case EDAAD_ADKAR_KNOWLEDGE: return _("Knowledge");
    case EDAAD_ADKAR_ABILITY: return _("Ability");
    case EDAAD_ADKAR_REINFORCEMENT: return _("Reinforcement");
    default: g_return_val_if_reached (NULL);
    }
}

/* ---- KPIs ---- */

double
edaad_kpi_progress (gboolean lower_is_better,
                    double   baseline,
                    double   target,
                    double   value)
{
  double pct;

  if (!isfinite (baseline) || !isfinite (target) || !isfinite (value))
    return -1;

  if (target == baseline)
    {
      gboolean reached = lower_is_better ? value <= target : value >= target;
      return reached ? 100.0 : 0.0;
    }

  pct = (value - baseline) / (target - baseline) * 100.0;
  return CLAMP (pct, 0.0, 100.0);
}

double
edaad_kpi_progress_for_records (EdaadRecord *kpi,
                                GPtrArray   *readings)
{
  const char *kpi_id, *latest_on = NULL;
  EdaadRecord *latest = NULL;

  g_return_val_if_fail (readings != NULL, -1);
  if (!is_live (kpi, "kpi"))
    return -1;
  if (!edaad_record_has_value (kpi, "baseline") || !edaad_record_has_value (kpi, "target"))
    return -1;

  kpi_id = edaad_record_get_id (kpi);
  for (guint i = 0; i < readings->len; i++)
    {
      EdaadRecord *r = g_ptr_array_index (readings, i);
      const char *on;

      if (!is_live (r, "kpi_reading") || !edaad_record_has_value (r, "value"))
        continue;
      if (kpi_id != NULL && g_strcmp0 (edaad_record_get_string (r, "kpi_id"), kpi_id) != 0)
        continue;
      on = edaad_record_get_string (r, "measured_on");
      if (!edaad_date_is_valid (on))
        continue;
      if (latest == NULL || edaad_date_compare (on, latest_on) >= 0)
        {
          latest = r;
          latest_on = on;
        }
    }

  if (latest == NULL)
    return -1;

  return edaad_kpi_progress (g_strcmp0 (edaad_record_get_string (kpi, "direction"), "down") == 0,
                             edaad_record_get_real (kpi, "baseline"),
                             edaad_record_get_real (kpi, "target"),
                             edaad_record_get_real (latest, "value"));
}
