/* edaad-sync-handler.h — POST /v1/sync: push (exactly-once, merged field by field) then pull. */
#pragma once

#include <glib.h>

#include "edaad-pg.h"
#include "edaad-server-config.h"
#include "edaad-server-request.h"

G_BEGIN_DECLS

void     edaad_sync_handle             (const EdaadServerConfig  *config,
                                        EdaadPg                  *pg,
                                        EdaadServerRequest       *req);

/* Housekeeping shared by every instance: drops tombstones older than the retention (raising
 * each scope's purge_horizon), stale stored cursors, old sign-in failures and dead sessions. */
gboolean edaad_sync_purge_tombstones   (const EdaadServerConfig  *config,
                                        EdaadPg                  *pg,
                                        GError                  **error);

G_END_DECLS
