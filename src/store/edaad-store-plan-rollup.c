/* edaad-store-plan-rollup.c — a plan's progress and RAG, computed in SQL.
 *
 * The same values as edaad_plan_progress() and edaad_plan_rag() (edaad-plan-metrics.h),
 * read from the milestone table through its plan_id index instead of from records: the
 * plans list shows them for every visible row and sorts by them (edaad-record-list.c), so
 * they must cost one indexed query, not the reading of every milestone into memory.
 * test-plan-rollup.c holds both sides to the same answers. */
#define G_LOG_DOMAIN "edaad-store"

#include "config.h"

#include "edaad-date.h"
#include "edaad-plan-metrics.h"
#include "edaad-store-private.h"
#include "edaad-store.h"

#include <glib/gi18n-lib.h>

/* The severity (none 0, done 1, green 2, amber 3, red 4) edaad_rag_compute() gives a
 * status and due date: `prefix` names the row ("m." or a table with a dot); `today` is an
 * SQL expression for a valid date (a quoted literal or a parameter). */
static char *
rag_severity_sql (const char *prefix,
                  const char *status,
                  const char *today)
{
  g_autofree char *due = g_strdup_printf ("%sdue_on", prefix);
  g_autofree char *valid = g_strdup_printf ("(%s IS NOT NULL AND date (%s) IS %s)", due, due, due);

  return g_strdup_printf ("CASE WHEN %s = 'done' THEN 1 WHEN %s = 'dropped' THEN 0"
                          " WHEN %s = 'late' OR (%s AND %s < %s) THEN 4"
                          " WHEN %s = 'at_risk' OR (%s AND julianday (%s) - julianday (%s) <= %d) THEN 3"
                          " WHEN NOT %s AND %s = 'planned' THEN 0 ELSE 2 END",
                          status, status,
                          status, valid, due, today,
                          status, valid, due, today, EDAAD_RAG_AMBER_DAYS,
                          valid, status);
}

char *
edaad_store_plan_progress_sql (EdaadStore *self,
                               const char *qualifier)
{
  const EdaadKindSql *milestones = edaad_store_kind_sql (self, "milestone");

  return g_strdup_printf ("(SELECT COALESCE(TOTAL(CASE WHEN m.status = 'done' THEN COALESCE(m.weight, 1) END)"
                          " / NULLIF(TOTAL(COALESCE(m.weight, 1)), 0), 0)"
                          " FROM %s AS m WHERE m.plan_id = %s.id AND m.deleted = 0"
                          " AND COALESCE(m.status, 'planned') <> 'dropped' AND COALESCE(m.weight, 1) > 0)",
                          milestones->table, qualifier);
}

char *
edaad_store_plan_rag_sql (EdaadStore *self,
                          const char *qualifier,
                          const char *today)
{
  const EdaadKindSql *milestones = edaad_store_kind_sql (self, "milestone");
  g_autofree char *plan_prefix = g_strdup_printf ("%s.", qualifier);
  g_autofree char *milestone = rag_severity_sql ("m.", "COALESCE(m.status, 'planned')", today);
  g_autofree char *own = rag_severity_sql (plan_prefix, "'planned'", today);

  /* The worst milestone's RAG; with none to judge by, the plan's own: closed is done,
   * cancelled none, any other judged as a planned milestone by the plan's due date. */
  return g_strdup_printf ("COALESCE(NULLIF((SELECT MAX(%s) FROM %s AS m WHERE m.plan_id = %s.id AND m.deleted = 0), 0),"
                          " CASE %s.status WHEN 'closed' THEN 1 WHEN 'cancelled' THEN 0 ELSE %s END)",
                          milestone, milestones->table, qualifier, qualifier, own);
}

/* The RAG whose edaad_rag_severity() the SQL computed. */
static EdaadRag
rag_for_severity (int severity)
{
  for (EdaadRag rag = EDAAD_RAG_NONE; rag <= EDAAD_RAG_DONE; rag++)
    if (edaad_rag_severity (rag) == severity)
      return rag;
  return EDAAD_RAG_NONE;
}

gboolean
edaad_store_plan_rollup (EdaadStore       *self,
                         const char       *plan_id,
                         const char       *today,
                         EdaadPlanRollup  *out_rollup,
                         GError          **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (EDAAD_IS_STORE (self), FALSE);
  g_return_val_if_fail (plan_id != NULL, FALSE);
  g_return_val_if_fail (edaad_date_is_valid (today), FALSE);
  g_return_val_if_fail (out_rollup != NULL, FALSE);

  /* Written once per store: the list asks for every row it shows. */
  if (self->plan_rollup_sql == NULL)
    {
      g_autofree char *progress = edaad_store_plan_progress_sql (self, "p");
      g_autofree char *rag = edaad_store_plan_rag_sql (self, "p", "?2");

      self->plan_rollup_sql = g_strdup_printf ("SELECT %s, %s FROM %s AS p WHERE p.id = ?1 AND p.deleted = 0",
                                               progress, rag, edaad_store_kind_sql (self, "plan")->table);
    }
  stmt = edaad_store_prepare (self, self->plan_rollup_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, plan_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, today, -1, SQLITE_TRANSIENT);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      out_rollup->progress = sqlite3_column_double (stmt, 0) * 100.0;
      out_rollup->rag = rag_for_severity (sqlite3_column_int (stmt, 1));
    }
  else if (rc == SQLITE_DONE)
    g_set_error (error, EDAAD_STORE_ERROR, EDAAD_STORE_ERROR_NOT_FOUND,
                 _("The plan “%s” was not found."), plan_id);
  else
    edaad_store_set_sqlite_error (self, error);
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW;
}
