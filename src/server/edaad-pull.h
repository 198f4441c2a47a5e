/* edaad-pull.h — the pull half of POST /v1/sync: keyset paging on (version, type, id) across
 * the user's scopes, with an opaque cursor holding one position per scope.
 *
 * Versions are commit-ordered per scope (DESIGN.md §5), so a position per scope is exact:
 * nothing committed later can sort before it.  The cursor names each scope's epoch; it is
 * refused (cursor_reset) when an epoch changed (the database was restored), when a
 * position is ahead of its scope, older than the scope's purged tombstones, or names a
 * scope that does not exist. */
#pragma once

#include <glib.h>

#include "edaad-pg.h"

G_BEGIN_DECLS

#define EDAAD_PULL_ERROR (edaad_pull_error_quark ())

typedef enum
{
  EDAAD_PULL_ERROR_CURSOR_RESET,
} EdaadPullError;

typedef struct
{
  GString  *changes;   /* the JSON array text of the page */
  guint     n_changes;
  char     *cursor;
  gboolean  has_more;
  gint64    remaining;
} EdaadPullPage;

GQuark   edaad_pull_error_quark (void);

void     edaad_pull_page_clear  (EdaadPullPage  *page);

/* Checks `cursor` against `scopes` without reading any record: FALSE with
 * EDAAD_PULL_ERROR_CURSOR_RESET when it must be reset. */
gboolean edaad_pull_check_cursor (EdaadPg        *pg,
                                  GPtrArray      *scopes,
                                  const char     *cursor,
                                  GError        **error);

/* One page after `cursor` (NULL: from the beginning) over `scopes` (EdaadScopeInfo, the
 * scopes the user reads, as listed before this call). */
gboolean edaad_pull_run         (EdaadPg        *pg,
                                 GPtrArray      *scopes,
                                 const char     *cursor,
                                 guint           limit,
                                 EdaadPullPage  *page,
                                 GError        **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (EdaadPullPage, edaad_pull_page_clear)

G_END_DECLS
