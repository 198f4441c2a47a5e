/* edaad-record-table.h — the list half of a records page: a GtkColumnView over the rows
 * of an EdaadRecordList (EdaadRowSlotModel; columns from edaad-record-columns.h or
 * edaad-record-cell-factory.h) with search-as-you-type, enum filter drop-downs,
 * header-click sorting (all done in SQL), empty and no-result states, and a side pane for
 * the selected record. */
#pragma once

#include <adwaita.h>

#include "edaad-record-list.h"
#include "edaad-store.h"

G_BEGIN_DECLS

#define EDAAD_TYPE_RECORD_TABLE (edaad_record_table_get_type ())
G_DECLARE_FINAL_TYPE (EdaadRecordTable, edaad_record_table, EDAAD, RECORD_TABLE, AdwBin)

/* Properties: "kind" (construct-only), "store" (settable once), "detail" (the side pane),
 * "selected" (EdaadRecord, read-only), "state", "search-placeholder", "empty-icon-name",
 * "empty-title", "empty-description". */
void                edaad_record_table_set_store         (EdaadRecordTable    *self,
                                                          EdaadStore          *store);
EdaadStore         *edaad_record_table_get_store         (EdaadRecordTable    *self);
void                edaad_record_table_append_column     (EdaadRecordTable    *self,
                                                          GtkColumnViewColumn *column);
/* Adds a drop-down filtering enum `field` ("All …" first). */
void                edaad_record_table_add_enum_filter   (EdaadRecordTable    *self,
                                                          const char          *field,
                                                          const char          *all_label);

/* Appends an action widget (e.g. a "New" button) to the toolbar's last group. */
void                edaad_record_table_add_toolbar_widget (EdaadRecordTable   *self,
                                                          GtkWidget          *widget);
/* Appends an on/off filter button (icon, with `label` as tooltip and accessible name) to
 * the toolbar's last group.  The caller filters on ::toggled; clearing the filters (the
 * "Clear Filters" button, set_filter with a NULL field) turns it off.  Owned by the table. */
GtkToggleButton    *edaad_record_table_add_toggle_filter (EdaadRecordTable   *self,
                                                          const char         *icon_name,
                                                          const char         *label);
/* "text" sets the search, a field with a drop-down selects that value, "id" selects that
 * record (see select_id), any other field filters by equality behind a removable button.
 * A NULL value clears that filter; a NULL field clears every filter. */
void                edaad_record_table_set_filter        (EdaadRecordTable    *self,
                                                          const char          *field,
                                                          const char          *value);
/* Selects the record with `id` and scrolls to it, clearing filters that hide it.
 * FALSE when no live record of the kind has that id. */
gboolean            edaad_record_table_select_id         (EdaadRecordTable    *self,
                                                          const char          *id);

EdaadRecordList    *edaad_record_table_get_list          (EdaadRecordTable    *self);
/* The column view's model: its items are EdaadRowSlots (edaad-row-slot-model.h). */
GtkSingleSelection *edaad_record_table_get_selection     (EdaadRecordTable    *self);
EdaadRecord        *edaad_record_table_get_selected      (EdaadRecordTable    *self);
/* "list", "empty" (the store has no record of the kind) or "no-results". */
const char         *edaad_record_table_get_state         (EdaadRecordTable    *self);
GtkColumnView      *edaad_record_table_get_column_view   (EdaadRecordTable    *self);
GtkEditable        *edaad_record_table_get_search_entry  (EdaadRecordTable    *self);
/* The drop-down of `field`, or NULL. */
GtkWidget          *edaad_record_table_get_enum_filter   (EdaadRecordTable    *self,
                                                          const char          *field);

G_END_DECLS
