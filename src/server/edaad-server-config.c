/* edaad-server-config.c — defaults and environment overrides. */
#define G_LOG_DOMAIN "edaad-server-config"

#include "config.h"

#include "edaad-server-config.h"

static gint64
env_int (const char *name,
         gint64      fallback,
         gint64      min,
         gint64      max)
{
  const char *text = g_getenv (name);
  gint64 value;

  if (text == NULL || !g_ascii_string_to_signed (text, 10, min, max, &value, NULL))
    return fallback;
  return value;
}

EdaadServerConfig *
edaad_server_config_new (const char *conninfo)
{
  EdaadServerConfig *config = g_new0 (EdaadServerConfig, 1);

  config->conninfo = g_strdup (conninfo != NULL ? conninfo : "");
  config->access_ttl = env_int ("EDAAD_SERVER_ACCESS_TTL", 15 * 60, 1, G_MAXINT32);
  config->refresh_ttl = env_int ("EDAAD_SERVER_REFRESH_TTL", 30 * 24 * 3600, 1, G_MAXINT32);
  config->login_window = (guint) env_int ("EDAAD_SERVER_LOGIN_WINDOW", 15 * 60, 1, 24 * 3600);
  config->login_limit_account = (guint) env_int ("EDAAD_SERVER_LOGIN_LIMIT_ACCOUNT", 5, 1, 100000);
  config->login_limit_address = (guint) env_int ("EDAAD_SERVER_LOGIN_LIMIT_ADDRESS", 50, 1, 100000);
  config->tombstone_days = 180;
  config->commit_delay_ms = (guint) env_int ("EDAAD_SERVER_TEST_COMMIT_DELAY_MS", 0, 0, 60000);
  config->n_workers = (guint) env_int ("EDAAD_SERVER_WORKERS", 16, 1, 256);
  return config;
}

void
edaad_server_config_free (EdaadServerConfig *config)
{
  if (config == NULL)
    return;
  g_free (config->conninfo);
  g_free (config);
}
