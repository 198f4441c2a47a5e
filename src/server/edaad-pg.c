/* edaad-pg.c — a thin, careful layer over libpq. */
#define G_LOG_DOMAIN "edaad-pg"

#include "config.h"

#include "edaad-pg.h"

#include <string.h>

/* Statements with parameters are prepared once per connection and reused: parsing and
 * planning were over a third of PostgreSQL's time for a no-op sync.  The cache is bounded
 * (statement texts are fixed in the code, but never trust that): past the limit, statements
 * run unprepared. */
#define MAX_PREPARED 512

struct _EdaadPg
{
  PGconn *conn;
  GHashTable *prepared;   /* SQL text → statement name */
};

G_DEFINE_QUARK (edaad-pg-error-quark, edaad_pg_error)

static void
ignore_notice (void       *data,
               const char *message)
{
}

EdaadPg *
edaad_pg_connect (const char  *conninfo,
                  GError     **error)
{
  g_autoptr(EdaadPg) pg = g_new0 (EdaadPg, 1);

  pg->conn = PQconnectdb (conninfo != NULL ? conninfo : "");
  if (pg->conn == NULL || PQstatus (pg->conn) != CONNECTION_OK)
    {
      /* libpq's message can name hosts and users: it goes to the log, not to clients. */
      g_set_error (error, EDAAD_PG_ERROR, EDAAD_PG_ERROR_CONNECTION,
                   "Cannot connect to the database: %s",
                   pg->conn != NULL ? g_strchomp (PQerrorMessage (pg->conn)) : "out of memory");
      return NULL;
    }
  PQsetNoticeProcessor (pg->conn, ignore_notice, NULL);
  pg->prepared = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return g_steal_pointer (&pg);
}

void
edaad_pg_free (EdaadPg *pg)
{
  if (pg == NULL)
    return;
  g_clear_pointer (&pg->conn, PQfinish);
  g_clear_pointer (&pg->prepared, g_hash_table_unref);
  g_free (pg);
}

PGconn *
edaad_pg_get_conn (EdaadPg *pg)
{
  g_return_val_if_fail (pg != NULL, NULL);
  return pg->conn;
}

/* A new server session: its prepared statements are gone. */
static void
reset (EdaadPg *pg)
{
  PQreset (pg->conn);
  g_hash_table_remove_all (pg->prepared);
}

gboolean
edaad_pg_ensure (EdaadPg  *pg,
                 GError  **error)
{
  g_return_val_if_fail (pg != NULL, FALSE);

  if (PQstatus (pg->conn) == CONNECTION_OK)
    return TRUE;
  reset (pg);
  if (PQstatus (pg->conn) == CONNECTION_OK)
    return TRUE;
  g_set_error (error, EDAAD_PG_ERROR, EDAAD_PG_ERROR_CONNECTION,
               "Lost the database connection: %s", g_strchomp (PQerrorMessage (pg->conn)));
  return FALSE;
}

static gboolean
check_result (EdaadPg   *pg,
              PGresult  *result,
              GError   **error)
{
  ExecStatusType status = result != NULL ? PQresultStatus (result) : PGRES_FATAL_ERROR;
  const char *state;
  EdaadPgError code;

  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
    return TRUE;

  if (PQstatus (pg->conn) != CONNECTION_OK)
    {
      g_set_error (error, EDAAD_PG_ERROR, EDAAD_PG_ERROR_CONNECTION,
                   "Lost the database connection: %s", g_strchomp (PQerrorMessage (pg->conn)));
      return FALSE;
    }

  state = result != NULL ? PQresultErrorField (result, PG_DIAG_SQLSTATE) : NULL;
  if (state != NULL && (strcmp (state, "40001") == 0 || strcmp (state, "40P01") == 0))
    code = EDAAD_PG_ERROR_RETRY;
  else if (state != NULL && strcmp (state, "23505") == 0)
    code = EDAAD_PG_ERROR_UNIQUE;
  else if (state != NULL && g_str_has_prefix (state, "08"))
    code = EDAAD_PG_ERROR_CONNECTION;
  else
    code = EDAAD_PG_ERROR_QUERY;

  g_set_error (error, EDAAD_PG_ERROR, code, "Database error %s: %s",
               state != NULL ? state : "?",
               result != NULL ? g_strchomp (PQresultErrorMessage (result)) : "no result");
  return FALSE;
}

PGresult *
edaad_pg_query (EdaadPg             *pg,
                const char          *sql,
                int                  n_params,
                const char * const  *params,
                GError             **error)
{
  g_autoptr(PGresult) result = NULL;

  g_return_val_if_fail (pg != NULL, NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  if (n_params > 0)
    {
      const char *name = g_hash_table_lookup (pg->prepared, sql);

      if (name == NULL && g_hash_table_size (pg->prepared) < MAX_PREPARED)
        {
          g_autofree char *new_name = g_strdup_printf ("edaad_%u", g_hash_table_size (pg->prepared));
          g_autoptr(PGresult) prepared = PQprepare (pg->conn, new_name, sql, n_params, NULL);

          if (!check_result (pg, prepared, error))
            return NULL;
          name = new_name;
          g_hash_table_insert (pg->prepared, g_strdup (sql), g_steal_pointer (&new_name));
        }
      if (name != NULL)
        {
          result = PQexecPrepared (pg->conn, name, n_params, params, NULL, NULL, 0);
          if (!check_result (pg, result, error))
            return NULL;
          return g_steal_pointer (&result);
        }
    }

  result = PQexecParams (pg->conn, sql, n_params, NULL, params, NULL, NULL, 0);
  if (!check_result (pg, result, error))
    return NULL;
  return g_steal_pointer (&result);
}

gboolean
edaad_pg_run (EdaadPg             *pg,
              const char          *sql,
              int                  n_params,
              const char * const  *params,
              GError             **error)
{
  g_autoptr(PGresult) result = edaad_pg_query (pg, sql, n_params, params, error);
  return result != NULL;
}

gboolean
edaad_pg_run_script (EdaadPg     *pg,
                     const char  *script,
                     GError     **error)
{
  g_autoptr(PGresult) result = NULL;

  g_return_val_if_fail (pg != NULL, FALSE);

  result = PQexec (pg->conn, script);
  return check_result (pg, result, error);
}

gboolean
edaad_pg_begin (EdaadPg  *pg,
                GError  **error)
{
  return edaad_pg_run (pg, "BEGIN ISOLATION LEVEL READ COMMITTED", 0, NULL, error);
}

gboolean
edaad_pg_begin_read (EdaadPg  *pg,
                     GError  **error)
{
  return edaad_pg_run (pg, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", 0, NULL, error);
}

gboolean
edaad_pg_commit (EdaadPg  *pg,
                 GError  **error)
{
  return edaad_pg_run (pg, "COMMIT", 0, NULL, error);
}

void
edaad_pg_rollback (EdaadPg *pg)
{
  g_autoptr(PGresult) result = NULL;

  g_return_if_fail (pg != NULL);

  if (PQstatus (pg->conn) != CONNECTION_OK)
    return;
  if (PQtransactionStatus (pg->conn) == PQTRANS_IDLE)
    return;
  result = PQexec (pg->conn, "ROLLBACK");
  if (result == NULL || PQresultStatus (result) != PGRES_COMMAND_OK)
    reset (pg);
}

gboolean
edaad_pg_savepoint (EdaadPg  *pg,
                    GError  **error)
{
  return edaad_pg_run (pg, "SAVEPOINT mutation", 0, NULL, error);
}

gboolean
edaad_pg_release (EdaadPg  *pg,
                  GError  **error)
{
  return edaad_pg_run (pg, "RELEASE SAVEPOINT mutation", 0, NULL, error);
}

gboolean
edaad_pg_rollback_to (EdaadPg  *pg,
                      GError  **error)
{
  return edaad_pg_run (pg, "ROLLBACK TO SAVEPOINT mutation", 0, NULL, error);
}

const char *
edaad_pg_value (const PGresult *result,
                int             row,
                int             column)
{
  g_return_val_if_fail (result != NULL, NULL);
  if (PQgetisnull (result, row, column))
    return NULL;
  return PQgetvalue (result, row, column);
}

gint64
edaad_pg_value_int (const PGresult *result,
                    int             row,
                    int             column)
{
  const char *v = edaad_pg_value (result, row, column);
  return v != NULL ? g_ascii_strtoll (v, NULL, 10) : 0;
}

gboolean
edaad_pg_value_bool (const PGresult *result,
                     int             row,
                     int             column)
{
  const char *v = edaad_pg_value (result, row, column);
  return v != NULL && v[0] == 't';
}
