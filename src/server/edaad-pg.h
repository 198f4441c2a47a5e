/* edaad-pg.h — a PostgreSQL connection: parameterised queries, transactions, savepoints. */
#pragma once

#include <glib.h>
#include <libpq-fe.h>

G_BEGIN_DECLS

#define EDAAD_PG_ERROR (edaad_pg_error_quark ())

typedef enum
{
  EDAAD_PG_ERROR_CONNECTION, /* cannot reach the database, or the connection broke */
  EDAAD_PG_ERROR_RETRY,      /* serialization failure or deadlock: run the transaction again */
  EDAAD_PG_ERROR_UNIQUE,     /* unique_violation */
  EDAAD_PG_ERROR_QUERY,      /* any other failure */
} EdaadPgError;

typedef struct _EdaadPg EdaadPg;

GQuark     edaad_pg_error_quark   (void);

/* Connects with a libpq connection string (NULL or "" means libpq's defaults). */
EdaadPg   *edaad_pg_connect       (const char          *conninfo,
                                   GError             **error);
void       edaad_pg_free          (EdaadPg             *pg);
/* TRUE when the connection is still usable; tries one reset when it is not. */
gboolean   edaad_pg_ensure        (EdaadPg             *pg,
                                   GError             **error);
PGconn    *edaad_pg_get_conn      (EdaadPg             *pg);

/* Runs one statement with text parameters (NULL entries are SQL NULL).  Returns the result
 * of a statement that succeeded, or NULL with `error` set.  Never interpolate values. */
PGresult  *edaad_pg_query         (EdaadPg             *pg,
                                   const char          *sql,
                                   int                  n_params,
                                   const char * const  *params,
                                   GError             **error);
/* The same, for statements whose result is not needed. */
gboolean   edaad_pg_run           (EdaadPg             *pg,
                                   const char          *sql,
                                   int                  n_params,
                                   const char * const  *params,
                                   GError             **error);
/* Runs a parameterless script (several statements), e.g. a migration. */
gboolean   edaad_pg_run_script    (EdaadPg             *pg,
                                   const char          *script,
                                   GError             **error);

gboolean   edaad_pg_begin         (EdaadPg             *pg,
                                   GError             **error);
gboolean   edaad_pg_begin_read    (EdaadPg             *pg,
                                   GError             **error);
gboolean   edaad_pg_commit        (EdaadPg             *pg,
                                   GError             **error);
/* Rolls back whatever is open; never fails loudly (the connection is reset if needed). */
void       edaad_pg_rollback      (EdaadPg             *pg);
gboolean   edaad_pg_savepoint     (EdaadPg             *pg,
                                   GError             **error);
gboolean   edaad_pg_release       (EdaadPg             *pg,
                                   GError             **error);
gboolean   edaad_pg_rollback_to   (EdaadPg             *pg,
                                   GError             **error);

/* Result helpers: the value of row/column, or NULL for SQL NULL. */
const char *edaad_pg_value        (const PGresult      *result,
                                   int                  row,
                                   int                  column);
gint64     edaad_pg_value_int     (const PGresult      *result,
                                   int                  row,
                                   int                  column);
gboolean   edaad_pg_value_bool    (const PGresult      *result,
                                   int                  row,
                                   int                  column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGresult, PQclear)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdaadPg, edaad_pg_free)

G_END_DECLS
