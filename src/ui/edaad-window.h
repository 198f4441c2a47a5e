/* edaad-window.h — the main window: sidebar and pages. */
#pragma once

#include <adwaita.h>

#include "edaad-application.h"

G_BEGIN_DECLS

#define EDAAD_TYPE_WINDOW (edaad_window_get_type ())
G_DECLARE_FINAL_TYPE (EdaadWindow, edaad_window, EDAAD, WINDOW, AdwApplicationWindow)

EdaadWindow *edaad_window_new (EdaadApplication *application);

G_END_DECLS
