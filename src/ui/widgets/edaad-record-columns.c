/* edaad-record-columns.c — GtkColumnView columns showing one field of EdaadRecords. */
#define G_LOG_DOMAIN "edaad-record-columns"

#include "config.h"

#include "edaad-record-columns.h"

#include "edaad-enum-chip.h"
#include "edaad-field-sorter.h"
#include "edaad-record-cell-factory.h"
#include "edaad-record.h"
#include "edaad-row-label.h"
#include "edaad-ui-format.h"

typedef struct
{
  char *kind;
  char *field;
} ColumnData;

static void
column_data_free (gpointer data)
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

/* Cells are EdaadRowLabels: a column view measures every cell of its ~200 rows after each
 * change, and a row label measures without shaping its text. */
static void
setup_label (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  GtkWidget *label = edaad_row_label_new ();

  /* Codes, dates, numbers and names of a few values: as wide as their text. */
  edaad_row_label_set_fit_text (EDAAD_ROW_LABEL (label), TRUE, TRUE);
  gtk_list_item_set_child (item, label);
}

/* A title names the record: it keeps room for a few words before it ellipsizes, and the
 * list scrolls sideways rather than cut every title to a letter or two. */
static void
setup_title_label (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  user_data)
{
  GtkWidget *label = edaad_row_label_new ();

  edaad_row_label_set_width_chars (EDAAD_ROW_LABEL (label), 24);
  gtk_list_item_set_child (item, label);
}

static void
bind_text (GtkListItem *item,
           EdaadRecord *record,
           gpointer     user_data)
{
  ColumnData *column = user_data;
  g_autofree char *text = NULL;

  text = edaad_ui_format_field (record, column->field);
  edaad_row_label_set_text (EDAAD_ROW_LABEL (gtk_list_item_get_child (item)), text);
}

static void
bind_title (GtkListItem *item,
            EdaadRecord *record,
            gpointer     user_data)
{
  g_autofree char *title = edaad_record_dup_title (record);

  edaad_row_label_set_text (EDAAD_ROW_LABEL (gtk_list_item_get_child (item)), title);
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
bind_chip (GtkListItem *item,
           EdaadRecord *record,
           gpointer     user_data)
{
  ColumnData *column = user_data;

  edaad_enum_chip_set_value (EDAAD_ENUM_CHIP (gtk_list_item_get_child (item)),
                             edaad_record_get_string (record, column->field));
}

GtkColumnViewColumn *
edaad_record_column_new_text (const char *title,
                              const char *field,
                              const char *sort_field)
{
  GtkListItemFactory *factory;

  g_return_val_if_fail (title != NULL && field != NULL, NULL);

  factory = edaad_record_cell_factory_new (G_CALLBACK (setup_label), bind_text,
                                           column_data_new (NULL, field), column_data_free);
  return column_new (title, factory, sort_field);
}

GtkColumnViewColumn *
edaad_record_column_new_title (const char *title,
                               const char *sort_field)
{
  GtkColumnViewColumn *column;

  g_return_val_if_fail (title != NULL, NULL);

  column = column_new (title,
                       edaad_record_cell_factory_new (G_CALLBACK (setup_title_label), bind_title, NULL, NULL),
                       sort_field);
  gtk_column_view_column_set_expand (column, TRUE);
  return column;
}

GtkColumnViewColumn *
edaad_record_column_new_chip (const char *title,
                              const char *kind,
                              const char *field,
                              const char *sort_field)
{
  GtkListItemFactory *factory;

  g_return_val_if_fail (title != NULL && kind != NULL && field != NULL, NULL);

  factory = edaad_record_cell_factory_new (G_CALLBACK (setup_chip), bind_chip,
                                           column_data_new (kind, field), column_data_free);
  return column_new (title, factory, sort_field);
}
