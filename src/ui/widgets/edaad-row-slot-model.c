/* edaad-row-slot-model.c — the rows of an EdaadRecordList as slots that keep their place.
 *
 * The model keeps one pointer per position of the record list: the slot handed out for it,
 * or NULL when nobody holds one (a slot is made on get_item and forgets itself when its
 * last reference goes, so the model never keeps more slots alive than its readers do).
 * Each slot knows its position; a change that shifts positions renumbers the slots after
 * it, which is a walk over an array of pointers.
 */
#define G_LOG_DOMAIN "edaad-row-slot-model"

#include "config.h"

#include "edaad-row-slot-model.h"

#include "edaad-row-slot-private.h"

#include <string.h>

struct _EdaadRowSlotModel
{
  GObject parent_instance;

  EdaadRecordList *records;
  GPtrArray *slots;          /* EdaadRowSlot* (not owned) or NULL, one per position */

  /* The first half of a large change of `records`, held until the second arrives. */
  gboolean held;
  guint held_position;
  guint held_removed;
};

static void edaad_row_slot_model_list_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (EdaadRowSlotModel, edaad_row_slot_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, edaad_row_slot_model_list_init))

static GType
edaad_row_slot_model_get_item_type (GListModel *model)
{
  return EDAAD_TYPE_ROW_SLOT;
}

static guint
edaad_row_slot_model_get_n_items (GListModel *model)
{
  return EDAAD_ROW_SLOT_MODEL (model)->slots->len;
}

/* Where the record of our `position` is in `records` now: while the first half of a large
 * change is held, `records` has already dropped the rows we still show. */
static guint
records_position (EdaadRowSlotModel *self,
                  guint              position)
{
  if (!self->held || position < self->held_position)
    return position;
  if (position < self->held_position + self->held_removed)
    return G_MAXUINT;
  return position - self->held_removed;
}

static gpointer
edaad_row_slot_model_get_item (GListModel *model,
                               guint       position)
{
  EdaadRowSlotModel *self = EDAAD_ROW_SLOT_MODEL (model);
  g_autoptr(EdaadRecord) record = NULL;
  EdaadRowSlot *slot;
  guint at;

  if (position >= self->slots->len)
    return NULL;
  slot = g_ptr_array_index (self->slots, position);
  if (slot != NULL)
    return g_object_ref (slot);

  at = records_position (self, position);
  if (at != G_MAXUINT)
    record = g_list_model_get_item (G_LIST_MODEL (self->records), at);
  if (record == NULL)
    {
      /* A row `records` dropped in the held half: an empty stand-in until the second. */
      const EdaadKindSpec *kind = edaad_schema_lookup_kind (edaad_record_list_get_kind (self->records));
      record = edaad_record_new (kind);
    }
  slot = edaad_row_slot_new (self, position, record);
  g_ptr_array_index (self->slots, position) = slot;
  return slot;
}

static void
edaad_row_slot_model_list_init (GListModelInterface *iface)
{
  iface->get_item_type = edaad_row_slot_model_get_item_type;
  iface->get_n_items = edaad_row_slot_model_get_n_items;
  iface->get_item = edaad_row_slot_model_get_item;
}

void
edaad_row_slot_model_forget (EdaadRowSlotModel *self,
                             guint              position)
{
  g_assert (EDAAD_IS_ROW_SLOT_MODEL (self));
  g_assert (position < self->slots->len);

  g_ptr_array_index (self->slots, position) = NULL;
}

static void
renumber_from (EdaadRowSlotModel *self,
               guint              position)
{
  for (guint i = position; i < self->slots->len; i++)
    {
      EdaadRowSlot *slot = g_ptr_array_index (self->slots, i);

      if (slot != NULL)
        edaad_row_slot_set_position (slot, i);
    }
}

/* `records` changed `removed` rows at `position` into `added` others (and is done). */
static void
apply_change (EdaadRowSlotModel *self,
              guint              position,
              guint              removed,
              guint              added)
{
  guint kept = MIN (removed, added);

  for (guint i = position; i < position + kept; i++)
    {
      EdaadRowSlot *slot = g_ptr_array_index (self->slots, i);

      if (slot != NULL)
        {
          g_autoptr(EdaadRecord) record = g_list_model_get_item (G_LIST_MODEL (self->records), i);

          if (record != NULL)
            edaad_row_slot_set_record (slot, record);
        }
    }
  if (removed == added)
    return;

  position += kept;
  removed -= kept;
  added -= kept;
  for (guint i = position; i < position + removed; i++)
    {
      EdaadRowSlot *slot = g_ptr_array_index (self->slots, i);

      if (slot != NULL)
        edaad_row_slot_disown (slot);
    }
  g_ptr_array_remove_range (self->slots, position, removed);
  if (added > 0)
    {
      g_ptr_array_set_size (self->slots, self->slots->len + added);
      memmove (self->slots->pdata + position + added, self->slots->pdata + position,
               (self->slots->len - position - added) * sizeof (gpointer));
      memset (self->slots->pdata + position, 0, added * sizeof (gpointer));
    }
  renumber_from (self, position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

static void
on_records_changed (EdaadRowSlotModel *self,
                    guint              position,
                    guint              removed,
                    guint              added)
{
  if (edaad_record_list_is_replacing (self->records))
    {
      /* The removal half: wait for the insertion that completes it. */
      g_assert (!self->held && added == 0);
      self->held = TRUE;
      self->held_position = position;
      self->held_removed = removed;
      return;
    }
  if (self->held)
    {
      self->held = FALSE;
      if (position == self->held_position)
        {
          apply_change (self, position, self->held_removed + removed, added);
          return;
        }
      apply_change (self, self->held_position, self->held_removed, 0);
    }
  apply_change (self, position, removed, added);
}

static void
edaad_row_slot_model_dispose (GObject *object)
{
  EdaadRowSlotModel *self = EDAAD_ROW_SLOT_MODEL (object);

  if (self->slots != NULL)
    for (guint i = 0; i < self->slots->len; i++)
      {
        EdaadRowSlot *slot = g_ptr_array_index (self->slots, i);

        if (slot != NULL)
          edaad_row_slot_disown (slot);
      }
  g_clear_pointer (&self->slots, g_ptr_array_unref);
  if (self->records != NULL)
    g_signal_handlers_disconnect_by_data (self->records, self);
  g_clear_object (&self->records);

  G_OBJECT_CLASS (edaad_row_slot_model_parent_class)->dispose (object);
}

static void
edaad_row_slot_model_class_init (EdaadRowSlotModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = edaad_row_slot_model_dispose;
}

static void
edaad_row_slot_model_init (EdaadRowSlotModel *self)
{
}

EdaadRowSlotModel *
edaad_row_slot_model_new (EdaadRecordList *records)
{
  EdaadRowSlotModel *self;

  g_return_val_if_fail (EDAAD_IS_RECORD_LIST (records), NULL);

  self = g_object_new (EDAAD_TYPE_ROW_SLOT_MODEL, NULL);
  self->records = g_object_ref (records);
  self->slots = g_ptr_array_new ();
  g_ptr_array_set_size (self->slots, g_list_model_get_n_items (G_LIST_MODEL (records)));
  g_signal_connect_swapped (records, "items-changed", G_CALLBACK (on_records_changed), self);
  return self;
}

EdaadRecordList *
edaad_row_slot_model_get_records (EdaadRowSlotModel *self)
{
  g_return_val_if_fail (EDAAD_IS_ROW_SLOT_MODEL (self), NULL);
  return self->records;
}
