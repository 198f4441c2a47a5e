/* edaad-record-array.c — the records of a GListModel as a GPtrArray. */
#define G_LOG_DOMAIN "edaad-record-array"

#include "config.h"

#include "edaad-record-array.h"

GPtrArray *
edaad_record_array_from_model (GListModel *model)
{
  GPtrArray *array;
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (model), NULL);

  n = g_list_model_get_n_items (model);
  array = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (array, g_list_model_get_item (model, i));
  return array;
}
