/* edaad-search-item.h — one hit of the global search, as an item of a GListModel. */
#pragma once

#include <glib-object.h>

#include "edaad-store.h"

G_BEGIN_DECLS

#define EDAAD_TYPE_SEARCH_ITEM (edaad_search_item_get_type ())
G_DECLARE_FINAL_TYPE (EdaadSearchItem, edaad_search_item, EDAAD, SEARCH_ITEM, GObject)

/* Properties (read-only): kind, id, title, snippet, icon-name, kind-label. */
EdaadSearchItem *edaad_search_item_new            (const EdaadSearchHit *hit);
const char      *edaad_search_item_get_kind       (EdaadSearchItem      *self);
const char      *edaad_search_item_get_id         (EdaadSearchItem      *self);
const char      *edaad_search_item_get_title      (EdaadSearchItem      *self);
const char      *edaad_search_item_get_snippet    (EdaadSearchItem      *self);
/* A symbolic icon for the record's kind. */
const char      *edaad_search_item_get_icon_name  (EdaadSearchItem      *self);
/* The translated name of the record's kind ("Change plan", "Risk"…). */
const char      *edaad_search_item_get_kind_label (EdaadSearchItem      *self);

G_END_DECLS
