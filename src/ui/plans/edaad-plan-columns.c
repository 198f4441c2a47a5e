/* edaad-plan-columns.c — the plans list's own columns: progress, RAG and capstone.
 *
 * Progress and RAG come from EdaadPlanRollups (one cached query per plan).  A cell keeps
 * the plan it shows and asks again when that plan's rollup changes (the plan or one of its
 * milestones was edited), so a milestone marked done moves the bar at once. */
#define G_LOG_DOMAIN "edaad-plan-columns"

#include "config.h"

#include "edaad-plan-columns.h"

#include "edaad-field-sorter.h"
#include "edaad-progress-cell.h"
#include "edaad-record-cell-factory.h"
#include "edaad-row-label.h"
#include "edaad-tooltip.h"
#include "edaad-ui-format.h"

#include <glib/gi18n-lib.h>

#define PLAN_KEY "edaad-plan-id"

typedef void (*CellUpdate) (GtkWidget        *cell,
                            EdaadPlanRollup   rollup);

/* What a cell needs to refresh itself: the rollups to ask and how to show the answer. */
typedef struct
{
  EdaadPlanRollups *rollups;
  CellUpdate update;
} CellKind;

static void
cell_kind_free (gpointer data)
{
  CellKind *kind = data;

  g_object_unref (kind->rollups);
  g_free (kind);
}

static void
cell_refresh (GtkWidget *cell)
{
  CellKind *kind = g_object_get_data (G_OBJECT (cell), "edaad-cell-kind");
  const char *plan_id = g_object_get_data (G_OBJECT (cell), PLAN_KEY);

  if (plan_id != NULL)
    kind->update (cell, edaad_plan_rollups_lookup (kind->rollups, plan_id));
}

static void
on_rollups_changed (GtkWidget  *cell,
                    const char *plan_id)
{
  if (plan_id == NULL || g_strcmp0 (plan_id, g_object_get_data (G_OBJECT (cell), PLAN_KEY)) == 0)
    cell_refresh (cell);
}

/* Every cell follows the rollups for its whole life (bound to one plan or another). */
static void
cell_attach (GtkWidget *cell,
             CellKind  *kind)
{
  g_object_set_data (G_OBJECT (cell), "edaad-cell-kind", kind);
  g_signal_connect_object (kind->rollups, "changed", G_CALLBACK (on_rollups_changed), cell, G_CONNECT_SWAPPED);
}

static void
cell_bind (GtkListItem *item,
           EdaadRecord *plan,
           gpointer     user_data)
{
  GtkWidget *cell = gtk_list_item_get_child (item);

  g_object_set_data_full (G_OBJECT (cell), PLAN_KEY, g_strdup (edaad_record_get_id (plan)), g_free);
  cell_refresh (cell);
}

static GtkColumnViewColumn *
rollup_column_new (const char       *title,
                   const char       *sort_key,
                   EdaadPlanRollups *rollups,
                   GCallback         setup,
                   CellUpdate        update)
{
  /* A key the store computes from the plan's milestones (edaad_record_list_set_sort). */
  g_autoptr(EdaadFieldSorter) sorter = edaad_field_sorter_new (sort_key);
  CellKind *kind = g_new0 (CellKind, 1);
  GtkColumnViewColumn *column;

  kind->rollups = g_object_ref (rollups);
  kind->update = update;
  column = gtk_column_view_column_new (title, edaad_record_cell_factory_new (setup, cell_bind, kind, cell_kind_free));
  gtk_column_view_column_set_sorter (column, GTK_SORTER (sorter));
  gtk_column_view_column_set_resizable (column, TRUE);
  return column;
}

/* ---- progress ---- */

static void
progress_update (GtkWidget       *cell,
                 EdaadPlanRollup  rollup)
{
  g_autofree char *text = edaad_ui_format_percent (rollup.progress);

  edaad_progress_cell_set_value (EDAAD_PROGRESS_CELL (cell), rollup.progress, text);
}

static void
progress_setup (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                CellKind                 *kind)
{
  GtkWidget *cell = edaad_progress_cell_new (_("Progress"));

  cell_attach (cell, kind);
  gtk_list_item_set_child (item, cell);
}

GtkColumnViewColumn *
edaad_plan_column_new_progress (EdaadPlanRollups *rollups)
{
  g_return_val_if_fail (EDAAD_IS_PLAN_ROLLUPS (rollups), NULL);

  return rollup_column_new (_("Progress"), "progress", rollups,
                            G_CALLBACK (progress_setup), progress_update);
}

/* ---- RAG ---- */

static void
rag_update (GtkWidget       *label,
            EdaadPlanRollup  rollup)
{
  static const char * const classes[] = { "success", "warning", "error", "dim-label" };
  const char *css = "dim-label";

  switch (rollup.rag)
    {
    case EDAAD_RAG_GREEN:
      css = "success";
      break;
    case EDAAD_RAG_AMBER:
      css = "warning";
      break;
    case EDAAD_RAG_RED:
      css = "error";
      break;
    case EDAAD_RAG_DONE:
    case EDAAD_RAG_NONE:
    default:
      break;
    }
  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    if (g_strcmp0 (classes[i], css) != 0)
      gtk_widget_remove_css_class (label, classes[i]);
  gtk_widget_add_css_class (label, css);
  edaad_row_label_set_text (EDAAD_ROW_LABEL (label), rollup.rag == EDAAD_RAG_NONE ? "" : edaad_rag_get_label (rollup.rag));
  gtk_widget_set_name (label, edaad_rag_to_string (rollup.rag));
}

static void
rag_setup (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           CellKind                 *kind)
{
  GtkWidget *label = edaad_row_label_new ();

  edaad_row_label_set_fit_text (EDAAD_ROW_LABEL (label), TRUE, TRUE);
  gtk_widget_add_css_class (label, "caption-heading");
  cell_attach (label, kind);
  gtk_list_item_set_child (item, label);
}

GtkColumnViewColumn *
edaad_plan_column_new_rag (EdaadPlanRollups *rollups)
{
  g_return_val_if_fail (EDAAD_IS_PLAN_ROLLUPS (rollups), NULL);

  /* Translators: a narrow column header: red/amber/green status of the plan's milestones */
  return rollup_column_new (C_("column", "RAG"), "rag", rollups,
                            G_CALLBACK (rag_setup), rag_update);
}

/* ---- capstone ---- */

static void
capstone_setup (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  GtkWidget *image = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_widget_set_halign (image, GTK_ALIGN_CENTER);
  edaad_widget_set_tooltip (image, _("Counts toward the cohort's ready plans"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (image),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Capstone plan"), -1);
  gtk_widget_add_css_class (image, "accent");
  gtk_list_item_set_child (item, image);
}

static void
capstone_bind (GtkListItem *item,
               EdaadRecord *plan,
               gpointer     user_data)
{
  gtk_widget_set_visible (gtk_list_item_get_child (item), edaad_record_get_bool (plan, "capstone"));
}

GtkColumnViewColumn *
edaad_plan_column_new_capstone (void)
{
  g_autoptr(EdaadFieldSorter) sorter = edaad_field_sorter_new ("capstone");
  GtkColumnViewColumn *column;

  /* Translators: a narrow column header (80 pixels) over a check mark for the capstone plan */
  column = gtk_column_view_column_new (C_("column", "Capstone"),
                                       edaad_record_cell_factory_new (G_CALLBACK (capstone_setup), capstone_bind, NULL, NULL));
  gtk_column_view_column_set_sorter (column, GTK_SORTER (sorter));
  return column;
}
