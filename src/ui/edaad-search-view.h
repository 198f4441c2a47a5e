/* edaad-search-view.h — the results of the global search: hits from the full-text index. */
#pragma once

#include <adwaita.h>

#include "edaad-store.h"

G_BEGIN_DECLS

#define EDAAD_TYPE_SEARCH_VIEW (edaad_search_view_get_type ())
G_DECLARE_FINAL_TYPE (EdaadSearchView, edaad_search_view, EDAAD, SEARCH_VIEW, AdwBin)

/* Signals: ::hit-activated (const char *kind, const char *id) when a hit is opened
 * (clicked, or Enter on it). */
GtkWidget  *edaad_search_view_new            (EdaadStore      *store);
void        edaad_search_view_set_store      (EdaadSearchView *self,
                                              EdaadStore      *store);
/* Searches for `text` once typing pauses (~150 ms); "" clears the results at once. */
void        edaad_search_view_set_text       (EdaadSearchView *self,
                                              const char      *text);
/* Runs a pending search now (what Enter does before opening the first hit). */
void        edaad_search_view_flush          (EdaadSearchView *self);
/* The hits (EdaadSearchItems) of the last search. */
GListModel *edaad_search_view_get_results    (EdaadSearchView *self);
/* What is shown: "results" (also while nothing is searched), "empty" or "error". */
const char *edaad_search_view_get_state      (EdaadSearchView *self);
/* Opens the first hit; FALSE when there is none. */
gboolean    edaad_search_view_activate_first (EdaadSearchView *self);

G_END_DECLS
