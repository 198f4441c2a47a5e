/* edaad-coursework-metrics.c — computed values of the Edaad programme coursework. */
#define G_LOG_DOMAIN "edaad-coursework-metrics"

#include "config.h"

#include "edaad-coursework-metrics.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#define DEFAULT_EXPECTED_PLANS 10

/* The live records of one kind in `records`; others are a programming error. */
static gboolean
is_live (EdaadRecord *record,
         const char  *kind)
{
  g_return_val_if_fail (EDAAD_IS_RECORD (record), FALSE);
  g_return_val_if_fail (strcmp (edaad_record_get_kind_name (record), kind) == 0, FALSE);
  return !edaad_record_get_deleted (record);
}

double
edaad_attendance_pct (GPtrArray *attendance)
{
  guint attended = 0, counted = 0;

  g_return_val_if_fail (attendance != NULL, -1);

  for (guint i = 0; i < attendance->len; i++)
    {
      EdaadRecord *a = g_ptr_array_index (attendance, i);
      const char *status;

      if (!is_live (a, "attendance"))
        continue;
      status = edaad_record_get_string (a, "status");
      if (status == NULL || strcmp (status, "excused") == 0)
        continue;
      counted++;
      if (strcmp (status, "present") == 0 || strcmp (status, "late") == 0)
        attended++;
    }

  return counted > 0 ? (double) attended / counted * 100.0 : -1;
}

/* Maps submission id → assignment id for live submissions. */
static GHashTable *
submission_assignments (GPtrArray *submissions)
{
  GHashTable *map = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < submissions->len; i++)
    {
      EdaadRecord *s = g_ptr_array_index (submissions, i);
      const char *id, *assignment_id;

      if (!is_live (s, "submission"))
        continue;
      id = edaad_record_get_id (s);
      assignment_id = edaad_record_get_string (s, "assignment_id");
      if (id != NULL && assignment_id != NULL)
        g_hash_table_insert (map, (gpointer) id, (gpointer) assignment_id);
    }
  return map;
}

/* Assignment id → best grade score (boxed double) among live grades. */
static GHashTable *
best_scores (GPtrArray *submissions,
             GPtrArray *grades)
{
  g_autoptr(GHashTable) by_submission = submission_assignments (submissions);
  GHashTable *best = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  for (guint i = 0; i < grades->len; i++)
    {
      EdaadRecord *g = g_ptr_array_index (grades, i);
      const char *assignment_id;
      double score, *old;

      if (!is_live (g, "grade") || !edaad_record_has_value (g, "score"))
        continue;
      assignment_id = g_hash_table_lookup (by_submission, edaad_record_get_string (g, "submission_id") ?: "");
      if (assignment_id == NULL)
        continue;
      score = edaad_record_get_real (g, "score");
      if (!isfinite (score))
        continue;
      old = g_hash_table_lookup (best, assignment_id);
      if (old == NULL)
        g_hash_table_insert (best, (gpointer) assignment_id, g_memdup2 (&score, sizeof score));
      else if (score > *old)
        *old = score;
    }
  return best;
}

double
edaad_average_grade (GPtrArray *assignments,
                     GPtrArray *submissions,
                     GPtrArray *grades)
{
  g_autoptr(GHashTable) best = NULL;
  double total_weight = 0, sum = 0;

  g_return_val_if_fail (assignments != NULL && submissions != NULL && grades != NULL, -1);

  best = best_scores (submissions, grades);
  for (guint i = 0; i < assignments->len; i++)
    {
      EdaadRecord *a = g_ptr_array_index (assignments, i);
      const double *score;
      double weight, max_score;

      if (!is_live (a, "assignment") || edaad_record_get_id (a) == NULL)
        continue;
      score = g_hash_table_lookup (best, edaad_record_get_id (a));
      if (score == NULL)
        continue;
      weight = edaad_record_has_value (a, "weight") ? edaad_record_get_real (a, "weight") : 1.0;
      max_score = edaad_record_has_value (a, "max_score") ? edaad_record_get_real (a, "max_score") : 100.0;
      if (!(weight > 0) || !(max_score > 0))
        continue;
      total_weight += weight;
      sum += weight * CLAMP (*score / max_score * 100.0, 0.0, 100.0);
    }

  return total_weight > 0 ? sum / total_weight : -1;
}

gboolean
edaad_plan_status_is_ready (const char *status)
{
  static const char * const ready[] = { "approved", "implementing", "sustaining", "closed" };

  if (status == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (ready); i++)
    if (strcmp (status, ready[i]) == 0)
      return TRUE;
  return FALSE;
}

guint
edaad_ready_plans_count (EdaadRecord *edition,
                         GPtrArray   *plans,
                         guint       *target)
{
  const char *edition_id = NULL;
  guint count = 0;

  g_return_val_if_fail (edition == NULL || EDAAD_IS_RECORD (edition), 0);
  g_return_val_if_fail (plans != NULL, 0);

  if (target != NULL)
    *target = DEFAULT_EXPECTED_PLANS;
  if (edition != NULL)
    {
      edition_id = edaad_record_get_id (edition);
      if (target != NULL && edaad_record_has_value (edition, "expected_plans"))
        *target = (guint) MAX (0, edaad_record_get_int (edition, "expected_plans"));
    }

  for (guint i = 0; i < plans->len; i++)
    {
      EdaadRecord *p = g_ptr_array_index (plans, i);

      if (!is_live (p, "plan"))
        continue;
      if (edition != NULL && g_strcmp0 (edaad_record_get_string (p, "edition_id"), edition_id) != 0)
        continue;
      if (edaad_plan_status_is_ready (edaad_record_get_string (p, "status")))
        count++;
    }
  return count;
}

/* A percentage for a message: "80%", or "79.6%" when it is not whole.  A participant's
 * value is cut down and a minimum rounded up to one decimal, so that a value below its
 * minimum never reads as equal to it. */
static char *
format_pct (double   pct,
            gboolean round_up)
{
  pct = round_up ? ceil (pct * 10.0 - 1e-9) / 10.0 : floor (pct * 10.0 + 1e-9) / 10.0;
  if (pct == floor (pct))
    /* Translators: a whole percentage, e.g. "80%" */
    return g_strdup_printf (_("%.0f%%"), pct);
  /* Translators: a percentage with one decimal, e.g. "79.5%" */
  return g_strdup_printf (_("%.1f%%"), pct);
}

static void
add_assignment_reasons (const EdaadCoursework *cw,
                        GPtrArray             *reasons)
{
  g_autoptr(GHashTable) best = best_scores (cw->submissions, cw->grades);
  /* assignment id → best submission state: 1 returned, 2 submitted/graded */
  g_autoptr(GHashTable) state = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < cw->submissions->len; i++)
    {
      EdaadRecord *s = g_ptr_array_index (cw->submissions, i);
      const char *status, *assignment_id;
      guint level = 0;

      if (!is_live (s, "submission"))
        continue;
      assignment_id = edaad_record_get_string (s, "assignment_id");
      status = edaad_record_get_string (s, "status");
      if (assignment_id == NULL)
        continue;
      if (g_strcmp0 (status, "submitted") == 0 || g_strcmp0 (status, "graded") == 0)
        level = 2;
      else if (g_strcmp0 (status, "returned") == 0)
        level = 1;
      if (level > GPOINTER_TO_UINT (g_hash_table_lookup (state, assignment_id)))
        g_hash_table_insert (state, (gpointer) assignment_id, GUINT_TO_POINTER (level));
    }

  for (guint i = 0; i < cw->assignments->len; i++)
    {
      EdaadRecord *a = g_ptr_array_index (cw->assignments, i);
      g_autofree char *title = NULL;
      const char *id;
      guint level;

      if (!is_live (a, "assignment"))
        continue;
      if (edaad_record_has_value (a, "mandatory") && !edaad_record_get_bool (a, "mandatory"))
        continue;
      id = edaad_record_get_id (a);
      if (id != NULL && g_hash_table_contains (best, id))
        continue;

      title = edaad_record_dup_title (a);
      level = id != NULL ? GPOINTER_TO_UINT (g_hash_table_lookup (state, id)) : 0;
      if (level == 2)
        g_ptr_array_add (reasons, g_strdup_printf (_("“%s” is waiting for a grade"), title));
      else if (level == 1)
        g_ptr_array_add (reasons, g_strdup_printf (_("“%s” was returned and needs to be submitted again"), title));
      else
        g_ptr_array_add (reasons, g_strdup_printf (_("“%s” has not been submitted"), title));
    }
}

static gboolean
has_ready_capstone (GPtrArray *plans)
{
  for (guint i = 0; i < plans->len; i++)
    {
      EdaadRecord *p = g_ptr_array_index (plans, i);

      if (is_live (p, "plan") && edaad_record_get_bool (p, "capstone") &&
          edaad_plan_status_is_ready (edaad_record_get_string (p, "status")))
        return TRUE;
    }
  return FALSE;
}

EdaadCertificateStatus *
edaad_certificate_status_compute (const EdaadCoursework *cw)
{
  g_autoptr(EdaadCertificateStatus) status = NULL;

  g_return_val_if_fail (cw != NULL, NULL);
  g_return_val_if_fail (EDAAD_IS_RECORD (cw->edition), NULL);
  g_return_val_if_fail (cw->attendance != NULL && cw->assignments != NULL && cw->submissions != NULL &&
                        cw->grades != NULL && cw->plans != NULL, NULL);

  status = g_new0 (EdaadCertificateStatus, 1);
  status->reasons = g_ptr_array_new_with_free_func (g_free);
  status->attendance_pct = edaad_attendance_pct (cw->attendance);
  status->average_grade = edaad_average_grade (cw->assignments, cw->submissions, cw->grades);

  if (edaad_record_has_value (cw->edition, "min_attendance_pct"))
    {
      double min = edaad_record_get_real (cw->edition, "min_attendance_pct");
      g_autofree char *min_text = format_pct (min, TRUE);

      if (status->attendance_pct < 0)
        g_ptr_array_add (status->reasons,
                         g_strdup_printf (_("No attendance has been recorded yet (%s required)"), min_text));
      else if (status->attendance_pct < min)
        {
          g_autofree char *have = format_pct (status->attendance_pct, FALSE);
          g_ptr_array_add (status->reasons,
                           /* Translators: attendance is 60%, below the required 80% */
                           g_strdup_printf (_("Attendance is %s, below the required %s"), have, min_text));
        }
    }

  if (edaad_record_has_value (cw->edition, "min_average_grade"))
    {
      double min = edaad_record_get_real (cw->edition, "min_average_grade");
      g_autofree char *min_text = format_pct (min, TRUE);

      if (status->average_grade < 0)
        g_ptr_array_add (status->reasons,
                         g_strdup_printf (_("No assignment has been graded yet (an average of %s is required)"),
                                          min_text));
      else if (status->average_grade < min)
        {
          g_autofree char *have = format_pct (status->average_grade, FALSE);
          g_ptr_array_add (status->reasons,
                           g_strdup_printf (_("The average grade is %s, below the required %s"), have, min_text));
        }
    }

  add_assignment_reasons (cw, status->reasons);

  if (!has_ready_capstone (cw->plans))
    g_ptr_array_add (status->reasons, g_strdup (_("No capstone plan has been approved yet")));

  status->eligible = status->reasons->len == 0;
  return g_steal_pointer (&status);
}

void
edaad_certificate_status_free (EdaadCertificateStatus *status)
{
  if (status == NULL)
    return;
  g_clear_pointer (&status->reasons, g_ptr_array_unref);
  g_free (status);
}
