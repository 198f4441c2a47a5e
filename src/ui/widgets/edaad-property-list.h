/* edaad-property-list.h — a read-only boxed list of "label  value" rows. */
#pragma once

#include <adwaita.h>

#include "edaad-record.h"

G_BEGIN_DECLS

#define EDAAD_TYPE_PROPERTY_LIST (edaad_property_list_get_type ())
G_DECLARE_FINAL_TYPE (EdaadPropertyList, edaad_property_list, EDAAD, PROPERTY_LIST, AdwBin)

GtkWidget *edaad_property_list_new        (void);
void       edaad_property_list_clear      (EdaadPropertyList  *self);
/* Appends one row; nothing when `value` is NULL or empty. */
void       edaad_property_list_add        (EdaadPropertyList  *self,
                                           const char         *label,
                                           const char         *value);
/* Appends a row per set field of `fields` (NULL-terminated), labelled from the schema. */
void       edaad_property_list_add_fields (EdaadPropertyList  *self,
                                           EdaadRecord        *record,
                                           const char * const *fields);
guint      edaad_property_list_get_n_rows (EdaadPropertyList  *self);
/* The value shown for `label`, or NULL. */
const char *edaad_property_list_lookup    (EdaadPropertyList  *self,
                                           const char         *label);

G_END_DECLS
