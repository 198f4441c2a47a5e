/* edaad-preferences-window.h — the preferences, bound to GSettings. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define EDAAD_TYPE_PREFERENCES_WINDOW (edaad_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (EdaadPreferencesWindow, edaad_preferences_window, EDAAD, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* A modal preferences window over `parent` (may be NULL). */
GtkWidget *edaad_preferences_window_new (GtkWindow *parent);

G_END_DECLS
