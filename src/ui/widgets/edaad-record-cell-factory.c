/* edaad-record-cell-factory.c — list item factories for columns over EdaadRowSlotModel. */
#define G_LOG_DOMAIN "edaad-record-cell-factory"

#include "config.h"

#include "edaad-record-cell-factory.h"

#include "edaad-row-slot.h"

#define HANDLER_KEY "edaad-record-cell-handler"

typedef struct
{
  EdaadRecordCellBind bind;
  gpointer user_data;
  GDestroyNotify destroy;
} CellBinding;

static void
cell_binding_free (gpointer  data,
                   GClosure *closure)
{
  CellBinding *binding = data;

  if (binding->destroy != NULL)
    binding->destroy (binding->user_data);
  g_free (binding);
}

static void
show_record (GtkListItem  *item,
             EdaadRowSlot *slot,
             CellBinding  *binding)
{
  binding->bind (item, edaad_row_slot_get_record (slot), binding->user_data);
}

static void
on_slot_record_changed (EdaadRowSlot *slot,
                        GParamSpec   *pspec,
                        GtkListItem  *item)
{
  show_record (item, slot, g_object_get_data (G_OBJECT (item), HANDLER_KEY "-binding"));
}

static void
on_bind (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         CellBinding              *binding)
{
  EdaadRowSlot *slot = gtk_list_item_get_item (item);
  gulong handler;

  g_assert (EDAAD_IS_ROW_SLOT (slot));

  g_object_set_data (G_OBJECT (item), HANDLER_KEY "-binding", binding);
  handler = g_signal_connect (slot, "notify::record", G_CALLBACK (on_slot_record_changed), item);
  g_object_set_data (G_OBJECT (item), HANDLER_KEY, GSIZE_TO_POINTER (handler));
  show_record (item, slot, binding);
}

static void
on_unbind (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  EdaadRowSlot *slot = gtk_list_item_get_item (item);
  gulong handler = GPOINTER_TO_SIZE (g_object_steal_data (G_OBJECT (item), HANDLER_KEY));

  if (slot != NULL && handler != 0)
    g_signal_handler_disconnect (slot, handler);
}

GtkListItemFactory *
edaad_record_cell_factory_new (GCallback           setup,
                               EdaadRecordCellBind bind,
                               gpointer            user_data,
                               GDestroyNotify      destroy)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  CellBinding *binding = g_new0 (CellBinding, 1);

  g_return_val_if_fail (setup != NULL && bind != NULL, NULL);

  binding->bind = bind;
  binding->user_data = user_data;
  binding->destroy = destroy;
  g_signal_connect (factory, "setup", setup, user_data);
  g_signal_connect_data (factory, "bind", G_CALLBACK (on_bind), binding, cell_binding_free, 0);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_unbind), NULL);
  return factory;
}
