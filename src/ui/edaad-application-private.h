/* edaad-application-private.h — shared between edaad-application.c and its actions. */
#pragma once

#include "edaad-application.h"
#include "edaad-window.h"

G_BEGIN_DECLS

/* The application's main window, created (opening the default store if needed) on first
 * use; NULL when the store could not be opened (the error dialog is shown instead). */
EdaadWindow *edaad_application_ensure_window  (EdaadApplication *self);
void         edaad_application_install_actions (EdaadApplication *self);
/* The actions every application window gets: win.show-help-overlay (the Keyboard
 * Shortcuts window, built when first shown). */
void         edaad_application_add_window_actions (EdaadApplication *self,
                                                   GtkWindow        *window);

G_END_DECLS
