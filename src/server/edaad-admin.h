/* edaad-admin.h — the administration commands of edaad-server (DESIGN.md §6). */
#pragma once

#include <glib.h>

#include "edaad-pg.h"

G_BEGIN_DECLS

#define EDAAD_ADMIN_ERROR (edaad_admin_error_quark ())

typedef enum
{
  EDAAD_ADMIN_ERROR_INVALID,   /* a bad argument or file */
  EDAAD_ADMIN_ERROR_NOT_FOUND, /* no such user or institution */
  EDAAD_ADMIN_ERROR_EXISTS,    /* the username is taken */
} EdaadAdminError;

GQuark    edaad_admin_error_quark        (void);

/* The id of the programme scope (created by the first migration). */
char     *edaad_admin_programme_scope    (EdaadPg     *pg,
                                          GError     **error);

/* Creates an institution scope and its `institution` record (same id) in the programme
 * scope.  Returns the new scope id. */
char     *edaad_admin_institution_add    (EdaadPg     *pg,
                                          const char  *name_en,
                                          const char  *name_ar,
                                          const char  *short_name,
                                          GError     **error);

/* Creates a user and their person scope.  `role` is "leader" (then `institution` is required)
 * or "programme_office" (then it must be NULL).  Returns the new user id. */
char     *edaad_admin_user_add           (EdaadPg     *pg,
                                          const char  *username,
                                          const char  *name,
                                          const char  *role,
                                          const char  *institution,
                                          const char  *password,
                                          GError     **error);

/* Disables a user and revokes every session they have, at once. */
gboolean  edaad_admin_user_disable       (EdaadPg     *pg,
                                          const char  *username,
                                          GError     **error);

/* Publishes an edition with its modules and assignments into the programme scope, in one
 * transaction.  The file: {"edition": {fields…}, "modules": [{fields…}], "assignments":
 * [{fields…}]}; each object may carry an "id" (re-importing then updates in place), and an
 * assignment may name its module by "module_position" instead of "module_id".  `edition_id`
 * is filled in.  *n_records receives how many records were written. */
gboolean  edaad_admin_programme_import   (EdaadPg     *pg,
                                          const char  *path,
                                          guint       *n_records,
                                          GError     **error);

G_END_DECLS
