/* edaad-application.h — the AdwApplication: options, actions, the store. */
#pragma once

#include <adwaita.h>

#include "edaad-store.h"

G_BEGIN_DECLS

#define EDAAD_TYPE_APPLICATION (edaad_application_get_type ())
G_DECLARE_FINAL_TYPE (EdaadApplication, edaad_application, EDAAD, APPLICATION, AdwApplication)

EdaadApplication *edaad_application_new        (void);

/* Opens the database the application works on; called once, before the first window.
 * `path` NULL means the default file ($XDG_DATA_HOME/<app id>/edaad.db, or demo.db
 * when `demo` is set; the folder is created).  A demo database is seeded when it is new.
 * On failure the error is kept: activating the application then shows it in a dialog
 * with a Quit button instead of a window. */
gboolean          edaad_application_open_store (EdaadApplication *self,
                                                const char       *path,
                                                gboolean          demo,
                                                GError          **error);
/* The open store, or NULL before it is opened or when opening failed. */
EdaadStore       *edaad_application_get_store  (EdaadApplication *self);
gboolean          edaad_application_get_demo   (EdaadApplication *self);
/* Newly allocated default database path for normal or demo mode. */
char             *edaad_application_dup_default_path (gboolean demo);

G_END_DECLS
