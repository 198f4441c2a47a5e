/* edaad-server-migrations.h — numbered SQL migrations embedded in the binary. */
#pragma once

#include <glib.h>

#include "edaad-pg.h"

G_BEGIN_DECLS

#define EDAAD_MIGRATION_ERROR (edaad_migration_error_quark ())

typedef enum
{
  EDAAD_MIGRATION_ERROR_TOO_NEW,     /* the database was migrated by a newer server */
  EDAAD_MIGRATION_ERROR_NOT_MIGRATED /* `edaad-server migrate` has not been run (or not fully) */
} EdaadMigrationError;

GQuark   edaad_migration_error_quark    (void);

/* The highest migration number this binary carries. */
int      edaad_server_migrations_latest (void);

/* Applies, each in its own transaction and under an advisory lock, every migration the
 * database lacks, then rebuilds the per-kind reporting views (report_<kind>).  Refuses a
 * database that is newer than this binary.  `n_applied` receives how many ran. */
gboolean edaad_server_migrate           (EdaadPg  *pg,
                                         guint    *n_applied,
                                         GError  **error);

/* TRUE when the database is at exactly this binary's schema version. */
gboolean edaad_server_check_schema      (EdaadPg  *pg,
                                         GError  **error);

G_END_DECLS
