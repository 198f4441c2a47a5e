/* edaad-row-slot.h — one row of an EdaadRowSlotModel: the record shown at a position. */
#pragma once

#include <gio/gio.h>

#include "edaad-record.h"

G_BEGIN_DECLS

#define EDAAD_TYPE_ROW_SLOT (edaad_row_slot_get_type ())
G_DECLARE_FINAL_TYPE (EdaadRowSlot, edaad_row_slot, EDAAD, ROW_SLOT, GObject)

/* The record the row shows ("record", notified when the model gives the row another one). */
EdaadRecord *edaad_row_slot_get_record (EdaadRowSlot *self);

G_END_DECLS
