/* edaad-access.h — who is asking, and what they may read and write (DESIGN.md §5).
 *
 * Everything here comes from the session, never from the request. */
#pragma once

#include <json-glib/json-glib.h>

#include "edaad-pg.h"
#include "edaad-schema.h"

G_BEGIN_DECLS

typedef struct
{
  char     *person_id;
  char     *username;
  char     *name;
  char     *role;              /* "leader" or "programme_office" */
  gboolean  office;            /* role == programme_office */
  char     *person_scope;      /* the user's own person scope */
  char     *institution_scope; /* a leader's institution, or NULL */
  char     *family;            /* the session's token family */
  char     *device_id;         /* the device it signed in from, or NULL */
} EdaadSession;

typedef struct
{
  char     *id;
  char     *kind;              /* "programme", "institution" or "person" */
  char     *name;
  char     *epoch;
  gint64    version;
  gint64    purge_horizon;
  gboolean  writable;          /* the user writes at least some kinds in it */
} EdaadScopeInfo;

void            edaad_session_free          (EdaadSession         *session);
void            edaad_scope_info_free       (EdaadScopeInfo       *info);

/* The scopes the user reads, sorted by id (element type EdaadScopeInfo).  With a
 * `device_id`, *last_seq receives that device's last seq (0 for a new device) from the same
 * query. */
GPtrArray      *edaad_access_list_scopes    (EdaadPg              *pg,
                                             const EdaadSession   *session,
                                             const char           *device_id,
                                             gint64               *last_seq,
                                             GError              **error);
EdaadScopeInfo *edaad_access_find_scope     (GPtrArray            *scopes,
                                             const char           *scope_id);

/* [{id, kind, name, writable}] */
JsonNode       *edaad_access_scopes_to_json (GPtrArray            *scopes);

/* May the user create, change or delete records of `kind` in `scope`?  (`scope` must be
 * one the user reads.)  Conflicts are writable wherever the scope is. */
gboolean        edaad_access_can_write      (const EdaadSession   *session,
                                             const EdaadScopeInfo *scope,
                                             const EdaadKindSpec  *kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdaadSession, edaad_session_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdaadScopeInfo, edaad_scope_info_free)

G_END_DECLS
