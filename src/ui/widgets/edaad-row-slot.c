/* edaad-row-slot.c — one row of an EdaadRowSlotModel: the record shown at a position. */
#define G_LOG_DOMAIN "edaad-row-slot"

#include "config.h"

#include "edaad-row-slot-private.h"

struct _EdaadRowSlot
{
  GObject parent_instance;

  EdaadRowSlotModel *owner; /* not owned; NULL once the row left the model */
  guint position;
  EdaadRecord *record;
};

G_DEFINE_FINAL_TYPE (EdaadRowSlot, edaad_row_slot, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_RECORD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
edaad_row_slot_finalize (GObject *object)
{
  EdaadRowSlot *self = EDAAD_ROW_SLOT (object);

  if (self->owner != NULL)
    edaad_row_slot_model_forget (self->owner, self->position);
  g_clear_object (&self->record);

  G_OBJECT_CLASS (edaad_row_slot_parent_class)->finalize (object);
}

static void
edaad_row_slot_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  EdaadRowSlot *self = EDAAD_ROW_SLOT (object);

  switch (prop_id)
    {
    case PROP_RECORD:
      g_value_set_object (value, self->record);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
edaad_row_slot_class_init (EdaadRowSlotClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = edaad_row_slot_finalize;
  object_class->get_property = edaad_row_slot_get_property;

  properties[PROP_RECORD] =
    g_param_spec_object ("record", NULL, NULL, EDAAD_TYPE_RECORD,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
edaad_row_slot_init (EdaadRowSlot *self)
{
}

EdaadRowSlot *
edaad_row_slot_new (EdaadRowSlotModel *owner,
                    guint              position,
                    EdaadRecord       *record)
{
  EdaadRowSlot *self = g_object_new (EDAAD_TYPE_ROW_SLOT, NULL);

  self->owner = owner;
  self->position = position;
  self->record = g_object_ref (record);
  return self;
}

EdaadRecord *
edaad_row_slot_get_record (EdaadRowSlot *self)
{
  g_return_val_if_fail (EDAAD_IS_ROW_SLOT (self), NULL);
  return self->record;
}

void
edaad_row_slot_set_record (EdaadRowSlot *self,
                           EdaadRecord  *record)
{
  g_assert (EDAAD_IS_ROW_SLOT (self));
  g_assert (EDAAD_IS_RECORD (record));

  if (g_set_object (&self->record, record))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORD]);
}

void
edaad_row_slot_set_position (EdaadRowSlot *self,
                             guint         position)
{
  g_assert (EDAAD_IS_ROW_SLOT (self));
  self->position = position;
}

void
edaad_row_slot_disown (EdaadRowSlot *self)
{
  g_assert (EDAAD_IS_ROW_SLOT (self));
  self->owner = NULL;
}
