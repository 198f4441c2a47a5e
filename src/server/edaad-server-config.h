/* edaad-server-config.h — the settings every request handler reads. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  char   *conninfo;            /* libpq connection string */
  gint64  access_ttl;          /* seconds an access token lives (900; EDAAD_SERVER_ACCESS_TTL) */
  gint64  refresh_ttl;         /* seconds a refresh token lives (30 days; EDAAD_SERVER_REFRESH_TTL) */
  guint   login_window;        /* seconds failed sign-ins are remembered (900) */
  guint   login_limit_account; /* failed sign-ins per account per window (5) */
  guint   login_limit_address; /* failed sign-ins per address per window (50) */
  guint   tombstone_days;      /* tombstones kept this long (180) */
  guint   commit_delay_ms;     /* tests only: pause before a push commits (EDAAD_SERVER_TEST_COMMIT_DELAY_MS) */
  guint   n_workers;           /* database threads (16; EDAAD_SERVER_WORKERS) */
} EdaadServerConfig;

/* Defaults, overridden by the EDAAD_SERVER_* environment variables named above and
 * EDAAD_SERVER_LOGIN_LIMIT_ACCOUNT, EDAAD_SERVER_LOGIN_LIMIT_ADDRESS, EDAAD_SERVER_LOGIN_WINDOW. */
EdaadServerConfig *edaad_server_config_new  (const char        *conninfo);
void               edaad_server_config_free (EdaadServerConfig *config);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdaadServerConfig, edaad_server_config_free)

G_END_DECLS
