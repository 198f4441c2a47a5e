/* edaad-field-sorter.c — names the record field a GtkColumnView column sorts by. */
#define G_LOG_DOMAIN "edaad-field-sorter"

#include "config.h"

#include "edaad-field-sorter.h"

struct _EdaadFieldSorter
{
  GtkSorter parent_instance;

  char *field;
};

G_DEFINE_FINAL_TYPE (EdaadFieldSorter, edaad_field_sorter, GTK_TYPE_SORTER)

#if !GTK_CHECK_VERSION (4, 10, 0)
/* GTK 4.8 has no API to read the primary sort column: we ask the view's sorter to compare two
 * items and note which column sorter it consulted first (the primary one) and whether it
 * inverted the answer (descending).  Only ever touched on the main thread. */
static EdaadFieldSorter *probed;
#endif

static GtkOrdering
edaad_field_sorter_compare (GtkSorter *sorter,
                            gpointer   item1,
                            gpointer   item2)
{
#if !GTK_CHECK_VERSION (4, 10, 0)
  if (probed == NULL)
    probed = EDAAD_FIELD_SORTER (sorter);
#endif
  /* The order itself comes from SQL; answer "smaller" so that the probe above sees the
   * direction the view applies. */
  return GTK_ORDERING_SMALLER;
}

static GtkSorterOrder
edaad_field_sorter_get_order (GtkSorter *sorter)
{
  return GTK_SORTER_ORDER_PARTIAL;
}

static void
edaad_field_sorter_finalize (GObject *object)
{
  EdaadFieldSorter *self = EDAAD_FIELD_SORTER (object);

  g_clear_pointer (&self->field, g_free);

  G_OBJECT_CLASS (edaad_field_sorter_parent_class)->finalize (object);
}

static void
edaad_field_sorter_class_init (EdaadFieldSorterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkSorterClass *sorter_class = GTK_SORTER_CLASS (klass);

  object_class->finalize = edaad_field_sorter_finalize;
  sorter_class->compare = edaad_field_sorter_compare;
  sorter_class->get_order = edaad_field_sorter_get_order;
}

static void
edaad_field_sorter_init (EdaadFieldSorter *self)
{
}

EdaadFieldSorter *
edaad_field_sorter_new (const char *field)
{
  EdaadFieldSorter *self;

  g_return_val_if_fail (field != NULL, NULL);

  self = g_object_new (EDAAD_TYPE_FIELD_SORTER, NULL);
  self->field = g_strdup (field);
  return self;
}

const char *
edaad_field_sorter_get_field (EdaadFieldSorter *self)
{
  g_return_val_if_fail (EDAAD_IS_FIELD_SORTER (self), NULL);
  return self->field;
}

gboolean
edaad_field_sorter_get_primary (GtkColumnView  *view,
                                const char    **field,
                                gboolean       *descending)
{
  GtkSorter *sorter;

  g_return_val_if_fail (GTK_IS_COLUMN_VIEW (view), FALSE);
  g_return_val_if_fail (field != NULL && descending != NULL, FALSE);

  *field = NULL;
  *descending = FALSE;
  sorter = gtk_column_view_get_sorter (view);
  if (sorter == NULL)
    return FALSE;

#if GTK_CHECK_VERSION (4, 10, 0)
  {
    GtkColumnViewColumn *column;
    GtkSorter *column_sorter;

    column = gtk_column_view_sorter_get_primary_sort_column (GTK_COLUMN_VIEW_SORTER (sorter));
    if (column == NULL)
      return FALSE;
    column_sorter = gtk_column_view_column_get_sorter (column);
    if (!EDAAD_IS_FIELD_SORTER (column_sorter))
      return FALSE;
    *field = EDAAD_FIELD_SORTER (column_sorter)->field;
    *descending = gtk_column_view_sorter_get_primary_sort_order (GTK_COLUMN_VIEW_SORTER (sorter))
                  == GTK_SORT_DESCENDING;
    return TRUE;
  }
#else
  {
    GtkOrdering ordering;

    probed = NULL;
    ordering = gtk_sorter_compare (sorter, view, sorter);
    if (probed == NULL || ordering == GTK_ORDERING_EQUAL)
      {
        probed = NULL;
        return FALSE;
      }
    *field = probed->field;
    *descending = ordering == GTK_ORDERING_LARGER;
    probed = NULL;
    return TRUE;
  }
#endif
}
