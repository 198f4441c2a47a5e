/* edaad-enum-drop-down.h — a drop-down to filter by one enum field: "All …" or one value. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define EDAAD_TYPE_ENUM_DROP_DOWN (edaad_enum_drop_down_get_type ())
G_DECLARE_FINAL_TYPE (EdaadEnumDropDown, edaad_enum_drop_down, EDAAD, ENUM_DROP_DOWN, AdwBin)

/* `all_label` names the first entry, which means "no filter" (value NULL). */
GtkWidget   *edaad_enum_drop_down_new       (const char        *kind,
                                             const char        *field,
                                             const char        *all_label);
/* The selected nick, or NULL for "All". Property "value" (notified on change). */
const char  *edaad_enum_drop_down_get_value (EdaadEnumDropDown *self);
/* Selects `nick` (NULL or an unknown nick selects "All"). */
void         edaad_enum_drop_down_set_value (EdaadEnumDropDown *self,
                                             const char        *nick);
GtkDropDown *edaad_enum_drop_down_get_drop_down (EdaadEnumDropDown *self);

G_END_DECLS
