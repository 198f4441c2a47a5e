/* edaad-window.h — the main window: sidebar, pages, global search, sync status. */
#pragma once

#include <adwaita.h>

#include "edaad-application.h"
#include "edaad-store.h"

G_BEGIN_DECLS

#define EDAAD_TYPE_WINDOW (edaad_window_get_type ())
G_DECLARE_FINAL_TYPE (EdaadWindow, edaad_window, EDAAD, WINDOW, AdwApplicationWindow)

EdaadWindow *edaad_window_new          (EdaadApplication *application,
                                        EdaadStore       *store,
                                        gboolean          demo);
EdaadStore  *edaad_window_get_store    (EdaadWindow      *self);
gboolean     edaad_window_get_demo     (EdaadWindow      *self);

/* The page shown: "dashboard", "plans", "services" or "coursework" (property "page").
 * set_page returns FALSE, changing nothing, for any other name. */
const char  *edaad_window_get_page     (EdaadWindow      *self);
gboolean     edaad_window_set_page     (EdaadWindow      *self,
                                        const char       *page);

/* Switches to the page that shows records of `kind` and opens record `id` there
 * (records without a page of their own open their plan, service or submission).
 * Returns FALSE when no page shows that kind. */
gboolean     edaad_window_show_record  (EdaadWindow      *self,
                                        const char       *kind,
                                        const char       *id);

/* Opens the global search bar and focuses its entry. */
void         edaad_window_start_search (EdaadWindow      *self);

/* Tells the user about an error: a toast, or a dialog when the data can no longer be
 * trusted (a corrupt database or one written by a newer Edaad). */
void         edaad_window_show_error   (EdaadWindow      *self,
                                        const GError     *error);

G_END_DECLS
