/* edaad-record-cell-factory.h — list item factories for columns over EdaadRowSlotModel. */
#pragma once

#include <gtk/gtk.h>

#include "edaad-record.h"

G_BEGIN_DECLS

/* Shows `record` in the widgets `setup` made for `item`. */
typedef void (*EdaadRecordCellBind) (GtkListItem *item,
                                     EdaadRecord *record,
                                     gpointer     user_data);

/* A factory whose items are EdaadRowSlots: `setup` is a GtkSignalListItemFactory::setup
 * handler (given `user_data`) that makes the cell's widgets; `bind` shows a record in them,
 * when the item is bound and again each time its slot is given another record.  `destroy`
 * frees `user_data` with the factory. */
GtkListItemFactory *edaad_record_cell_factory_new (GCallback           setup,
                                                   EdaadRecordCellBind bind,
                                                   gpointer            user_data,
                                                   GDestroyNotify      destroy);

G_END_DECLS
