/* edaad-row-slot-private.h — what EdaadRowSlotModel does to its rows. */
#pragma once

#include "edaad-row-slot.h"

G_BEGIN_DECLS

typedef struct _EdaadRowSlotModel EdaadRowSlotModel;

/* `owner` holds no reference on the row: the row tells it when it goes (see
 * edaad_row_slot_model_forget) and the model unsets itself before it goes. */
EdaadRowSlot *edaad_row_slot_new          (EdaadRowSlotModel *owner,
                                           guint              position,
                                           EdaadRecord       *record);
void          edaad_row_slot_set_record   (EdaadRowSlot      *self,
                                           EdaadRecord       *record);
void          edaad_row_slot_set_position (EdaadRowSlot      *self,
                                           guint              position);
void          edaad_row_slot_disown       (EdaadRowSlot      *self);

/* Called by a row as it is finalized. */
void          edaad_row_slot_model_forget (EdaadRowSlotModel *self,
                                           guint              position);

G_END_DECLS
