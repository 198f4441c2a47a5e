/* edaad-record-columns.h — GtkColumnView columns showing one field of the records of an
 * EdaadRowSlotModel (edaad-record-cell-factory.h): plain text (any field type, formatted
 * for the locale), the record's title, or an enum chip.
 * Sortable columns carry an EdaadFieldSorter naming the SQL sort field. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* `sort_field` NULL makes the column not sortable. */
GtkColumnViewColumn *edaad_record_column_new_text  (const char *title,
                                                    const char *field,
                                                    const char *sort_field);
/* The record's user-facing name (edaad_record_dup_title), expanding to fill the width. */
GtkColumnViewColumn *edaad_record_column_new_title (const char *title,
                                                    const char *sort_field);
/* An EdaadEnumChip for enum `field` of `kind`. */
GtkColumnViewColumn *edaad_record_column_new_chip  (const char *title,
                                                    const char *kind,
                                                    const char *field,
                                                    const char *sort_field);

G_END_DECLS
