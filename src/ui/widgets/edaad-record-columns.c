/* edaad-record-columns.c — GtkColumnView columns showing one field of EdaadRecords. */
#define G_LOG_DOMAIN "edaad-record-columns"

#include "config.h"

#include "edaad-record-columns.h"

#include "edaad-enum-chip.h"
#include "edaad-field-sorter.h"
#include "edaad-record.h"
#include "edaad-ui-format.h"

typedef struct
{
  char *kind;
  char *field;
} ColumnData;

static void
column_data_free (gpointer  data,
                  GClosure *closure)
{
  ColumnData *column = data;

  g_free (column->kind);
  g_free (column->field);
  g_free (column);
}

static ColumnData *
column_data_new (const char *kind,
                 const char *field)
{
  ColumnData *column = g_new0 (ColumnData, 1);

  column->kind = g_strdup (kind);
  column->field = g_strdup (field);
  return column;
}

/* Takes ownership of `factory`. */
static GtkColumnViewColumn *
column_new (const char         *title,
            GtkListItemFactory *factory,
            const char         *sort_field)
{
  GtkColumnViewColumn *column = gtk_column_view_column_new (title, factory);

  gtk_column_view_column_set_resizable (column, TRUE);
  if (sort_field != NULL)
    {
      g_autoptr(EdaadFieldSorter) sorter = edaad_field_sorter_new (sort_field);
      gtk_column_view_column_set_sorter (column, GTK_SORTER (sorter));
    }
  return column;
}

static void
setup_label (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

/* A title names the record: it keeps room for a few words before it ellipsizes, and the
 * list scrolls sideways rather than cut every title to a letter or two. */
static void
setup_title_label (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  user_data)
{
  setup_label (factory, item, user_data);
  gtk_label_set_width_chars (GTK_LABEL (gtk_list_item_get_child (item)), 24);
}

static void
bind_text (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  ColumnData *column = user_data;
  EdaadRecord *record = gtk_list_item_get_item (item);
  g_autofree char *text = NULL;

  text = edaad_ui_format_field (record, column->field);
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text != NULL ? text : "");
}

static void
bind_title (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  EdaadRecord *record = gtk_list_item_get_item (item);
  g_autofree char *title = edaad_record_dup_title (record);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), title);
}

static void
setup_chip (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  ColumnData *column = user_data;

  gtk_list_item_set_child (item, edaad_enum_chip_new (column->kind, column->field));
}

static void
bind_chip (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  ColumnData *column = user_data;
  EdaadRecord *record = gtk_list_item_get_item (item);

  edaad_enum_chip_set_value (EDAAD_ENUM_CHIP (gtk_list_item_get_child (item)),
                             edaad_record_get_string (record, column->field));
}

GtkColumnViewColumn *
edaad_record_column_new_text (const char *title,
                              const char *field,
                              const char *sort_field)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  ColumnData *column;

  g_return_val_if_fail (title != NULL && field != NULL, NULL);

  column = column_data_new (NULL, field);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_label), NULL);
  g_signal_connect_data (factory, "bind", G_CALLBACK (bind_text), column,
                         column_data_free, 0);
  return column_new (title, g_steal_pointer (&factory), sort_field);
}

GtkColumnViewColumn *
edaad_record_column_new_title (const char *title,
                               const char *sort_field)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_return_val_if_fail (title != NULL, NULL);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_title_label), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_title), NULL);
  column = column_new (title, g_steal_pointer (&factory), sort_field);
  gtk_column_view_column_set_expand (column, TRUE);
  return column;
}

GtkColumnViewColumn *
edaad_record_column_new_chip (const char *title,
                              const char *kind,
                              const char *field,
                              const char *sort_field)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  ColumnData *column;

  g_return_val_if_fail (title != NULL && kind != NULL && field != NULL, NULL);

  column = column_data_new (kind, field);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_chip), column);
  g_signal_connect_data (factory, "bind", G_CALLBACK (bind_chip), column,
                         column_data_free, 0);
  return column_new (title, g_steal_pointer (&factory), sort_field);
}
