/* edaad-row-slot-model.h — the rows of an EdaadRecordList as slots that keep their place
 * when the list's records change. */
#pragma once

#include <gio/gio.h>

#include "edaad-record-list.h"
#include "edaad-row-slot.h"

G_BEGIN_DECLS

#define EDAAD_TYPE_ROW_SLOT_MODEL (edaad_row_slot_model_get_type ())
G_DECLARE_FINAL_TYPE (EdaadRowSlotModel, edaad_row_slot_model, EDAAD, ROW_SLOT_MODEL, GObject)

/* A GListModel of EdaadRowSlot, one per record of `records`, in its order.
 *
 * When `records` changes from one set of rows to another in place (items-changed with
 * both removals and additions: an edit, a search, a sort), the slots already handed out
 * for those positions stay and are given their new record ("notify::record"); only the
 * difference in length is told as items-changed.  A list view over it therefore keeps its
 * row widgets and shows new records in them, instead of building new rows (GTK 4.8 does
 * not recycle rows; it builds about 200 for a long list, and again after every change).
 * The two halves of a large change of `records` (edaad_record_list_is_replacing) are
 * taken together as one. */
EdaadRowSlotModel *edaad_row_slot_model_new        (EdaadRecordList   *records);
EdaadRecordList   *edaad_row_slot_model_get_records (EdaadRowSlotModel *self);

G_END_DECLS
