/* edaad-enum-chip.h — a small coloured label showing the translated value of an enum field. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define EDAAD_TYPE_ENUM_CHIP (edaad_enum_chip_get_type ())
G_DECLARE_FINAL_TYPE (EdaadEnumChip, edaad_enum_chip, EDAAD, ENUM_CHIP, AdwBin)

GtkWidget  *edaad_enum_chip_new       (const char    *kind,
                                       const char    *field);
/* Shows the label of `nick` (hidden when NULL). */
void        edaad_enum_chip_set_value (EdaadEnumChip *self,
                                       const char    *nick);
const char *edaad_enum_chip_get_value (EdaadEnumChip *self);
/* The text shown ("" when hidden). */
const char *edaad_enum_chip_get_text  (EdaadEnumChip *self);

/* The style class ("success", "warning", "error", "accent" or NULL) for a value. */
const char *edaad_enum_chip_tone      (const char    *kind,
                                       const char    *field,
                                       const char    *nick);

G_END_DECLS
