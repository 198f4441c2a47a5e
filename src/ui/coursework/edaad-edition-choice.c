/* edaad-edition-choice.c — which Edaad edition the coursework page and the dashboard show. */
#define G_LOG_DOMAIN "edaad-edition-choice"

#include "config.h"

#include "edaad-edition-choice.h"

#include "edaad-date.h"

EdaadRecord *
edaad_edition_choose (GListModel *editions,
                      const char *today)
{
  g_autoptr(EdaadRecord) running = NULL;
  g_autoptr(EdaadRecord) next = NULL;
  g_autoptr(EdaadRecord) last = NULL;
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (editions), NULL);
  g_return_val_if_fail (edaad_date_is_valid (today), NULL);

  n = g_list_model_get_n_items (editions);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EdaadRecord) edition = g_list_model_get_item (editions, i);
      const char *starts = edaad_record_get_string (edition, "starts_on");
      const char *ends = edaad_record_get_string (edition, "ends_on");

      if (!edaad_date_is_valid (starts) || !edaad_date_is_valid (ends))
        continue;
      if (edaad_date_compare (starts, today) <= 0 && edaad_date_compare (today, ends) <= 0)
        {
          if (running == NULL ||
              edaad_date_compare (starts, edaad_record_get_string (running, "starts_on")) > 0)
            g_set_object (&running, edition);
        }
      else if (edaad_date_compare (starts, today) > 0)
        {
          if (next == NULL || edaad_date_compare (starts, edaad_record_get_string (next, "starts_on")) < 0)
            g_set_object (&next, edition);
        }
      else if (last == NULL || edaad_date_compare (ends, edaad_record_get_string (last, "ends_on")) > 0)
        g_set_object (&last, edition);
    }

  if (running != NULL)
    return g_steal_pointer (&running);
  if (next != NULL)
    return g_steal_pointer (&next);
  return g_steal_pointer (&last);
}
