/* edaad-store-aggregates.c — counts and deadline queries for the dashboard. */
#define G_LOG_DOMAIN "edaad-store-aggregates"

#include "config.h"

#include "edaad-store-private.h"
#include "edaad-date.h"

#include <glib/gi18n-lib.h>

GHashTable *
edaad_store_count_by (EdaadStore  *self,
                      const char  *kind,
                      const char  *field,
                      GError     **error)
{
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const EdaadKindSpec *spec;
  const EdaadFieldSpec *field_spec;
  const EdaadKindSql *sql;
  g_autofree char *column = NULL;
  g_autofree char *text = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (EDAAD_IS_STORE (self), NULL);
  spec = edaad_schema_lookup_kind (kind);
  g_return_val_if_fail (spec != NULL, NULL);
  field_spec = edaad_kind_lookup_field (spec, field);
  g_return_val_if_fail (field_spec != NULL, NULL);

  /* Every value of an enum is present, so charts show empty categories too. */
  if (field_spec->type == EDAAD_FIELD_ENUM)
    for (guint i = 0; field_spec->enum_values[i] != NULL; i++)
      g_hash_table_insert (counts, g_strdup (field_spec->enum_values[i]), GINT_TO_POINTER (0));

  sql = edaad_store_kind_sql (self, kind);
  column = edaad_store_quote_ident (field);
  text = g_strdup_printf ("SELECT %s, count(*) FROM %s WHERE deleted = 0 AND %s IS NOT NULL GROUP BY 1",
                          column, sql->table, column);
  stmt = edaad_store_prepare (self, text, error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (counts, g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                         GINT_TO_POINTER (sqlite3_column_int (stmt, 1)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      edaad_store_set_sqlite_error (self, error);
      return NULL;
    }

  return g_steal_pointer (&counts);
}

/* Each branch reads one covering index: plans by status (the plans with a status apart
 * from those without, so that SQLite picks the small (deleted, status) index), services by
 * maturity, and services by target maturity (rec_service_by_maturity_target, created with
 * the deadline indexes below).  The first column says which count a row belongs to; a NULL
 * value counts the records without one. */
static const char dashboard_counts_sql[] =
  "SELECT 0, \"status\", count(*) FROM \"rec_plan\""
  " WHERE deleted = 0 AND \"status\" IS NOT NULL GROUP BY 2 "
  "UNION ALL "
  "SELECT 0, NULL, count(*) FROM \"rec_plan\" WHERE deleted = 0 AND \"status\" IS NULL "
  "UNION ALL "
  "SELECT 1, \"maturity\", count(*) FROM \"rec_service\" WHERE deleted = 0 GROUP BY 2 "
  "UNION ALL "
  "SELECT 2, \"maturity_target\", count(*) FROM \"rec_service\" WHERE deleted = 0 GROUP BY 2";

/* A table nick → count with every value of the enum `kind`.`field` present, as
 * edaad_store_count_by returns it. */
static GHashTable *
new_enum_counts (const char *kind,
                 const char *field)
{
  const EdaadFieldSpec *spec = edaad_kind_lookup_field (edaad_schema_lookup_kind (kind), field);
  GHashTable *counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_assert (spec != NULL && spec->type == EDAAD_FIELD_ENUM);
  for (guint i = 0; spec->enum_values[i] != NULL; i++)
    g_hash_table_insert (counts, g_strdup (spec->enum_values[i]), GINT_TO_POINTER (0));
  return counts;
}

void
edaad_dashboard_counts_free (EdaadDashboardCounts *counts)
{
  if (counts == NULL)
    return;
  g_clear_pointer (&counts->plans_by_status, g_hash_table_unref);
  g_clear_pointer (&counts->services_by_maturity, g_hash_table_unref);
  g_clear_pointer (&counts->services_by_maturity_target, g_hash_table_unref);
  g_free (counts);
}

EdaadDashboardCounts *
edaad_store_count_dashboard (EdaadStore  *self,
                             GError     **error)
{
  g_autoptr(EdaadDashboardCounts) counts = g_new0 (EdaadDashboardCounts, 1);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (EDAAD_IS_STORE (self), NULL);

  counts->plans_by_status = new_enum_counts ("plan", "status");
  counts->services_by_maturity = new_enum_counts ("service", "maturity");
  counts->services_by_maturity_target = new_enum_counts ("service", "maturity_target");

  stmt = edaad_store_prepare (self, dashboard_counts_sql, error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *value = (const char *) sqlite3_column_text (stmt, 1);
      gint64 n = sqlite3_column_int64 (stmt, 2);
      GHashTable *table;

      switch (sqlite3_column_int (stmt, 0))
        {
        case 0:
          counts->plans += n;
          table = counts->plans_by_status;
          break;
        case 1:
          counts->services += n;
          table = counts->services_by_maturity;
          break;
        default:
          table = counts->services_by_maturity_target;
          break;
        }
      if (value != NULL)
        g_hash_table_insert (table, g_strdup (value), GINT_TO_POINTER ((int) n));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      edaad_store_set_sqlite_error (self, error);
      return NULL;
    }

  return g_steal_pointer (&counts);
}

gint64
edaad_store_count_live (EdaadStore  *self,
                        const char  *kind,
                        GError     **error)
{
  const EdaadKindSql *sql;
  g_autofree char *text = NULL;
  sqlite3_stmt *stmt;
  gint64 count = -1;

  g_return_val_if_fail (EDAAD_IS_STORE (self), -1);
  g_return_val_if_fail (edaad_schema_lookup_kind (kind) != NULL, -1);

  sql = edaad_store_kind_sql (self, kind);
  text = g_strdup_printf ("SELECT count(*) FROM %s WHERE deleted = 0", sql->table);
  stmt = edaad_store_prepare (self, text, error);
  if (stmt == NULL)
    return -1;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  else
    edaad_store_set_sqlite_error (self, error);
  sqlite3_reset (stmt);

  return count;
}

/* Open work with a date on or before the horizon (so overdue items are included):
 * plans not closed or cancelled (due_on), milestones not done or dropped (due_on), and
 * assignments without a submitted or graded submission (the date of due_at).  The plans and
 * milestones each read a partial index named after the WHERE terms (see the indexes below). */
#define OPEN_PLANS_WHERE \
  " WHERE deleted = 0 AND \"due_on\" IS NOT NULL AND \"due_on\" <= ?1" \
  "   AND coalesce (\"status\", '') NOT IN ('closed', 'cancelled')"
#define OPEN_MILESTONES_WHERE \
  " WHERE deleted = 0 AND \"due_on\" IS NOT NULL AND \"due_on\" <= ?1" \
  "   AND coalesce (\"status\", '') NOT IN ('done', 'dropped')"
#define OPEN_PLANS_DUE(index) "FROM \"rec_plan\" INDEXED BY \"" index "\"" OPEN_PLANS_WHERE
#define OPEN_MILESTONES_DUE(index) "FROM \"rec_milestone\" INDEXED BY \"" index "\"" OPEN_MILESTONES_WHERE
#define OPEN_ASSIGNMENTS_DUE \
  "FROM \"rec_assignment\" AS a" \
  " WHERE a.deleted = 0 AND a.\"due_at\" IS NOT NULL AND substr (a.\"due_at\", 1, 10) <= ?1" \
  "   AND NOT EXISTS (SELECT 1 FROM \"rec_submission\" AS s" \
  "                   WHERE s.deleted = 0 AND s.\"assignment_id\" = a.id" \
  "                     AND s.\"status\" IN ('submitted', 'graded'))"
#define DEADLINES_SELECT \
  "SELECT 'plan', id, \"due_on\" " OPEN_PLANS_DUE ("rec_plan_open_due") " " \
  "UNION ALL " \
  "SELECT 'milestone', id, \"due_on\" " OPEN_MILESTONES_DUE ("rec_milestone_open_due") " " \
  "UNION ALL " \
  "SELECT 'assignment', a.id, substr (a.\"due_at\", 1, 10) " OPEN_ASSIGNMENTS_DUE " " \
  "ORDER BY 3, 1, 2"

static const char deadlines_sql[] = DEADLINES_SELECT;
/* The first ?2 of them: SQLite merges the branches, each already in date order, and stops
 * there instead of reading and ordering every open item (thousands on a large store). */
static const char deadlines_first_sql[] = DEADLINES_SELECT " LIMIT ?2";
/* How many there are in all, counted without ordering them, on the smallest indexes that
 * hold them: a large store has thousands of open items overdue, and counting them is what
 * costs here, in index pages read. */
static const char deadlines_count_sql[] =
  "SELECT (SELECT count(*) " OPEN_PLANS_DUE ("rec_plan_open_due_count") ")"
  " + (SELECT count(*) " OPEN_MILESTONES_DUE ("rec_milestone_open_due_count") ")"
  " + (SELECT count(*) " OPEN_ASSIGNMENTS_DUE ")";

/* Each branch of deadlines_sql reads a partial index that holds only open work, in date
 * order, with the id: SQLite picks a partial index when the query repeats its WHERE terms
 * word for word, so keep the two in step.  deadlines_count_sql reads a second one with the
 * date alone, a third of the size (117 pages instead of 389 for 50,000 milestones): the
 * count is most of what a dashboard refresh reads from a large store. */
static const char deadline_indexes_sql[] =
  "CREATE INDEX IF NOT EXISTS \"rec_plan_open_due\" ON \"rec_plan\" (\"due_on\", id)"
  " WHERE deleted = 0 AND \"due_on\" IS NOT NULL"
  "   AND coalesce (\"status\", '') NOT IN ('closed', 'cancelled');"
  "CREATE INDEX IF NOT EXISTS \"rec_milestone_open_due\" ON \"rec_milestone\" (\"due_on\", id)"
  " WHERE deleted = 0 AND \"due_on\" IS NOT NULL"
  "   AND coalesce (\"status\", '') NOT IN ('done', 'dropped');"
  "CREATE INDEX IF NOT EXISTS \"rec_plan_open_due_count\" ON \"rec_plan\" (\"due_on\")"
  " WHERE deleted = 0 AND \"due_on\" IS NOT NULL"
  "   AND coalesce (\"status\", '') NOT IN ('closed', 'cancelled');"
  "CREATE INDEX IF NOT EXISTS \"rec_milestone_open_due_count\" ON \"rec_milestone\" (\"due_on\")"
  " WHERE deleted = 0 AND \"due_on\" IS NOT NULL"
  "   AND coalesce (\"status\", '') NOT IN ('done', 'dropped');"
  /* The target maturity is not an indexed field, but the dashboard counts services by it
   * at every start (dashboard_counts_sql): without this index that reads the whole table. */
  "CREATE INDEX IF NOT EXISTS \"rec_service_by_maturity_target\" ON \"rec_service\""
  " (deleted, \"maturity_target\");";

gboolean
edaad_store_aggregates_ensure_indexes (sqlite3  *db,
                                       GError  **error)
{
  char *message = NULL;

  if (sqlite3_exec (db, deadline_indexes_sql, NULL, NULL, &message) != SQLITE_OK)
    {
      g_set_error (error, EDAAD_STORE_ERROR, EDAAD_STORE_ERROR_FAILED,
                   _("Could not update the database structure: %s"),
                   message != NULL ? message : sqlite3_errmsg (db));
      sqlite3_free (message);
      return FALSE;
    }
  return TRUE;
}

GPtrArray *
edaad_store_upcoming_deadlines (EdaadStore  *self,
                                const char  *today,
                                int          days,
                                GError     **error)
{
  return edaad_store_upcoming_deadlines_first (self, today, days, G_MAXUINT, NULL, error);
}

GPtrArray *
edaad_store_upcoming_deadlines_first (EdaadStore  *self,
                                      const char  *today,
                                      int          days,
                                      guint        limit,
                                      guint       *n_total,
                                      GError     **error)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *horizon = NULL;
  sqlite3_stmt *stmt;
  guint total = 0;
  int rc;

  g_return_val_if_fail (EDAAD_IS_STORE (self), NULL);
  g_return_val_if_fail (today != NULL, NULL);
  g_return_val_if_fail (days >= 0, NULL);

  horizon = edaad_date_add_days (today, days);
  if (horizon == NULL)
    {
      g_set_error (error, EDAAD_STORE_ERROR, EDAAD_STORE_ERROR_INVALID,
                   _("“%s” is not a valid date."), today);
      return NULL;
    }

  stmt = edaad_store_prepare (self, limit == G_MAXUINT ? deadlines_sql : deadlines_first_sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, horizon, -1, SQLITE_TRANSIENT);
  if (limit != G_MAXUINT)
    sqlite3_bind_int64 (stmt, 2, limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      total++;
      g_ptr_array_add (keys, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      g_ptr_array_add (keys, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      edaad_store_set_sqlite_error (self, error);
      return NULL;
    }

  /* Only the first `limit` are loaded; the rest are only counted. */
  if (n_total != NULL && limit != G_MAXUINT && total == limit)
    {
      stmt = edaad_store_prepare (self, deadlines_count_sql, error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_text (stmt, 1, horizon, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        total = (guint) sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      if (rc != SQLITE_ROW)
        {
          edaad_store_set_sqlite_error (self, error);
          return NULL;
        }
    }

  for (guint i = 0; i + 1 < keys->len; i += 2)
    {
      const EdaadKindSpec *kind = edaad_schema_lookup_kind (g_ptr_array_index (keys, i));
      EdaadRecord *record = edaad_store_load (self, kind, g_ptr_array_index (keys, i + 1), error);

      if (record == NULL)
        return NULL;
      g_ptr_array_add (records, record);
    }

  if (n_total != NULL)
    *n_total = total;
  return g_steal_pointer (&records);
}
