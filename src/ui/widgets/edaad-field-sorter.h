/* edaad-field-sorter.h — names the record field a GtkColumnView column sorts by.
 *
 * Our lists sort in SQL (edaad_record_list_set_sort), so the column view never sorts the
 * model itself: each sortable column gets an EdaadFieldSorter, and when the view's sorter
 * changes the page asks edaad_field_sorter_get_primary() which field and order the user chose. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define EDAAD_TYPE_FIELD_SORTER (edaad_field_sorter_get_type ())
G_DECLARE_FINAL_TYPE (EdaadFieldSorter, edaad_field_sorter, EDAAD, FIELD_SORTER, GtkSorter)

EdaadFieldSorter *edaad_field_sorter_new       (const char       *field);
const char       *edaad_field_sorter_get_field (EdaadFieldSorter *self);

/* The field and direction of the column the user sorted `view` by; FALSE when unsorted. */
gboolean          edaad_field_sorter_get_primary (GtkColumnView  *view,
                                                  const char    **field,
                                                  gboolean       *descending);

G_END_DECLS
