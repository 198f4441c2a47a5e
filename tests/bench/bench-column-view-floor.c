/* bench-column-view-floor.c — what GTK alone costs for the plans page's list operations.
 *
 * Run under a display (`xvfb-run -a build/tests/bench/bench-column-view-floor`).  A bare
 * GtkColumnView of eight plain label columns over 10,000 string items in a GListStore —
 * no store, no Edaad widget — timed exactly as bench-plans-page times the plans page
 * (main-loop busy time until painted, bench-main-loop.c):
 *
 *   open      setting the view into the window and painting its first frame
 *   replace   all items replaced by 10,000 other items (what a search or a sort does to
 *             the rows GTK shows: new items at every visible position)
 *   replace1  the same, told as a removal and then an insertion (what EdaadRecordList does)
 *
 * It is the floor under bench-plans-page's figures on the same machine and GTK.  Like the
 * plans page benchmark it draws with the renderer Edaad would choose (edaad-renderer.c);
 * set GSK_RENDERER to compare another. */
#include "config.h"

#include "bench-main-loop.h"
#include "edaad-renderer.h"

#include <adwaita.h>
#include <stdlib.h>

#define N_ITEMS 10000
#define N_COLUMNS 8
#define N_RUNS 9

static void
setup_label (GtkSignalListItemFactory *factory,
             GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_label (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  column)
{
  const char *text = gtk_string_object_get_string (gtk_list_item_get_item (item));
  g_autofree char *cell = g_strdup_printf ("%s · %d", text, GPOINTER_TO_INT (column));

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), cell);
}

static GtkWidget *
column_view_new (GListModel *model)
{
  GtkSingleSelection *selection = gtk_single_selection_new (g_object_ref (model));
  GtkWidget *view = gtk_column_view_new (GTK_SELECTION_MODEL (selection));
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  for (int i = 0; i < N_COLUMNS; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autofree char *title = g_strdup_printf ("Column %d", i + 1);
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_label), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_label), GINT_TO_POINTER (i));
      column = gtk_column_view_column_new (title, factory);
      gtk_column_view_column_set_fixed_width (column, i == 1 ? 240 : 110);
      gtk_column_view_append_column (GTK_COLUMN_VIEW (view), column);
    }
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  return scrolled;
}

static GPtrArray *
items_new (const char *prefix)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);

  for (int i = 0; i < N_ITEMS; i++)
    {
      g_autofree char *text = g_strdup_printf ("%s plan %05d of the institution", prefix, i);

      g_ptr_array_add (items, gtk_string_object_new (text));
    }
  return items;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GListStore) store = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  g_autoptr(GPtrArray) first = items_new ("First");
  g_autoptr(GPtrArray) second = items_new ("Second");
  g_autoptr(GArray) open = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) replace = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) replace1 = g_array_new (FALSE, FALSE, sizeof (double));
  GtkWidget *window;
  const char *renderer;

  adw_init ();
  bench_main_loop_init ();
  /* The renderer Edaad itself would choose (edaad_renderer_choose). */
  renderer = edaad_renderer_choose ();
  g_list_store_splice (store, 0, 0, first->pdata, first->len);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  gtk_window_present (GTK_WINDOW (window));
  bench_main_loop_settle (window, g_get_monotonic_time (), bench_main_loop_polled ());

  for (guint run = 0; run < N_RUNS; run++)
    {
      gint64 start = g_get_monotonic_time ();
      gint64 polled = bench_main_loop_polled ();
      double ms;

      gtk_window_set_child (GTK_WINDOW (window), column_view_new (G_LIST_MODEL (store)));
      ms = bench_main_loop_settle (window, start, polled);
      g_array_append_val (open, ms);
    }

  for (guint run = 0; run < 2 * N_RUNS; run++)
    {
      GPtrArray *items = run % 2 == 0 ? second : first;
      gint64 start = g_get_monotonic_time ();
      gint64 polled = bench_main_loop_polled ();
      double ms;

      if (run < N_RUNS)
        g_list_store_splice (store, 0, N_ITEMS, items->pdata, items->len);
      else
        {
          g_list_store_remove_all (store);
          g_list_store_splice (store, 0, 0, items->pdata, items->len);
        }
      ms = bench_main_loop_settle (window, start, polled);
      g_array_append_val (run < N_RUNS ? replace : replace1, ms);
    }

  g_print ("bare GtkColumnView, %d label columns over %d items (main-loop busy time; renderer: %s)\n",
           N_COLUMNS, N_ITEMS,
           renderer != NULL ? renderer : g_getenv ("GSK_RENDERER") != NULL ? g_getenv ("GSK_RENDERER") : "GTK's choice");
  bench_main_loop_report ("open", open);
  bench_main_loop_report ("replace", replace);
  bench_main_loop_report ("replace1", replace1);

  gtk_window_destroy (GTK_WINDOW (window));
  return EXIT_SUCCESS;
}
