/* test-store-crash-helper.c — makes edits until it is killed (see test-store-crash.c).
 *
 * Usage: test-store-crash-helper DATABASE N_RECORDS N_EDITS
 * Edit i writes plan number i % N_RECORDS (creating it on its first edit) with the title
 * "P<record>-<i>", each edit in its own transaction, and prints "i" on stdout once the
 * edit committed.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "edaad-store.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EdaadStore) store = NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_records;
  guint n_edits;

  if (argc != 4)
    {
      fprintf (stderr, "usage: %s DATABASE N_RECORDS N_EDITS\n", argv[0]);
      return 2;
    }
  n_records = (guint) atoi (argv[2]);
  n_edits = (guint) atoi (argv[3]);

  store = edaad_store_open (argv[1], &error);
  if (store == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }

  for (guint i = 0; i < n_edits; i++)
    {
      guint r = i % n_records;
      g_autofree char *title = g_strdup_printf ("P%u-%u", r, i);

      if (r >= records->len)
        {
          EdaadRecord *plan = edaad_record_new_for_kind ("plan");
          edaad_record_set_string (plan, "change_type", "process");
          edaad_record_set_string (plan, "status", "draft");
          g_ptr_array_add (records, plan);
        }
      edaad_record_set_string (g_ptr_array_index (records, r), "title", title);
      edaad_record_set_int (g_ptr_array_index (records, r), "kotter_step", 1 + i % 8);
      if (!edaad_store_save (store, g_ptr_array_index (records, r), &error))
        {
          fprintf (stderr, "%s\n", error->message);
          return 1;
        }
      printf ("%u\n", i);
      fflush (stdout);
    }

  return 0;
}
