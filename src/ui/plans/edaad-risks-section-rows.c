/* edaad-risks-section-rows.c — a risk's row in the register: its title, category,
 * likelihood × impact = score, owner, status and review date, its score chip coloured by
 * band, and its delete button.
 *
 * Rows are EdaadSectionRows made once and given another risk in place
 * (edaad_section_row_sync()): what does not change from one risk to the next is made in
 * create_row, what does is set in update_row, touching only what differs.
 */
#define G_LOG_DOMAIN "edaad-risks-section"

#include "config.h"

#include "edaad-risks-section-private.h"

#include "edaad-plan-metrics.h"
#include "edaad-section-row.h"
#include "edaad-tooltip.h"
#include "edaad-ui-format.h"

#include <glib/gi18n-lib.h>

static const char *
band_style (EdaadRiskBand band)
{
  switch (band)
    {
    case EDAAD_RISK_BAND_LOW: return "success";
    case EDAAD_RISK_BAND_MEDIUM: return "warning";
    case EDAAD_RISK_BAND_HIGH: return "edaad-band-high";
    case EDAAD_RISK_BAND_CRITICAL: return "error";
    case EDAAD_RISK_BAND_NONE:
    default: return "dim-label";
    }
}

static char *
row_subtitle (EdaadRecord *record)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const char *category = edaad_record_get_string (record, "category");
  const char *status = edaad_record_get_string (record, "status");
  const char *owner = edaad_record_get_string (record, "owner");
  g_autofree char *review = edaad_ui_format_date (edaad_record_get_string (record, "review_on"));
  g_autofree char *likelihood = edaad_ui_format_count (edaad_record_get_int (record, "likelihood"));
  g_autofree char *impact = edaad_ui_format_count (edaad_record_get_int (record, "impact"));
  g_autofree char *score = edaad_ui_format_count (edaad_risk_score_for_record (record));

  g_ptr_array_add (parts, g_strdup (edaad_ui_enum_label (RISK_KIND, "category", category != NULL ? category : "technical")));
  /* Translators: a risk's likelihood × impact = score in its register row */
  g_ptr_array_add (parts, g_strdup_printf (_("Likelihood %1$s × impact %2$s = %3$s"), likelihood, impact, score));
  if (owner != NULL && *owner != '\0')
    /* Translators: a risk's owner in its register row */
    g_ptr_array_add (parts, g_strdup_printf (_("Owner: %s"), owner));
  g_ptr_array_add (parts, g_strdup (edaad_ui_enum_label (RISK_KIND, "status", status != NULL ? status : "open")));
  if (review != NULL)
    /* Translators: a risk's next review date in its register row */
    g_ptr_array_add (parts, g_strdup_printf (_("Review %s"), review));
  g_ptr_array_add (parts, NULL);
  /* Translators: the separator between the facts in a risk's row; in Arabic prefer "، "
   * (a middle dot beside Arabic digits reads as a zero) */
  return g_strjoinv (_(" · "), (char **) parts->pdata);
}

/* The widgets of a row that show its risk, kept to update it in place. */
typedef struct
{
  GtkWidget *chip;
  const char *chip_style;   /* the chip's current band class (static), or NULL */
} RowParts;

#define ROW_PARTS_KEY "edaad-risk-row"

static const char *
row_id (GtkWidget *widget)
{
  GtkWidget *row = gtk_widget_get_ancestor (widget, EDAAD_TYPE_SECTION_ROW);

  return row != NULL ? edaad_section_row_get_id (EDAAD_SECTION_ROW (row)) : NULL;
}

static void
on_delete_clicked (GtkButton         *button,
                   EdaadRisksSection *self)
{
  g_autofree char *id = g_strdup (row_id (GTK_WIDGET (button)));

  edaad_risks_section_delete (self, id);
}

GtkWidget *
edaad_risks_section_create_row (gpointer user_data)
{
  EdaadRisksSection *self = user_data;
  GtkWidget *row = edaad_section_row_new ();
  RowParts *parts = g_new0 (RowParts, 1);
  GtkWidget *delete = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  edaad_widget_set_tooltip (row, _("Edit the risk (Enter)"));

  parts->chip = gtk_label_new (NULL);
  gtk_widget_set_valign (parts->chip, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (parts->chip, "edaad-chip");
  edaad_section_row_add_suffix (EDAAD_SECTION_ROW (row), parts->chip);

  gtk_widget_set_valign (delete, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (delete, "flat");
  edaad_widget_set_tooltip (delete, _("Delete Risk"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (delete), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Delete Risk"), -1);
  g_signal_connect_object (delete, "clicked", G_CALLBACK (on_delete_clicked), self, 0);
  edaad_section_row_add_suffix (EDAAD_SECTION_ROW (row), delete);

  g_object_set_data_full (G_OBJECT (row), ROW_PARTS_KEY, parts, g_free);
  return row;
}

void
edaad_risks_section_update_row (GtkWidget *row,
                                gpointer   item,
                                gpointer   user_data)
{
  EdaadRecord *record = item;
  RowParts *parts = g_object_get_data (G_OBJECT (row), ROW_PARTS_KEY);
  g_autofree char *title = edaad_record_dup_title (record);
  g_autofree char *subtitle = row_subtitle (record);
  int score = edaad_risk_score_for_record (record);
  EdaadRiskBand band = edaad_risk_band_for_score (score);
  const char *style = band_style (band);
  g_autofree char *score_text = edaad_ui_format_count (score);
  g_autofree char *chip_text = NULL;
  g_autofree char *chip_a11y = NULL;

  edaad_section_row_set_id (EDAAD_SECTION_ROW (row), edaad_record_get_id (record));
  edaad_section_row_set_title (EDAAD_SECTION_ROW (row), title);
  edaad_section_row_set_subtitle (EDAAD_SECTION_ROW (row), subtitle);

  /* Translators: a risk's chip: its score and band, e.g. "12 – High".  Avoid a middle dot
   * next to the number: in Arabic digits it reads as a zero (٠). */
  chip_text = g_strdup_printf (_("%1$s – %2$s"), score_text, edaad_risk_band_get_label (band));
  /* Translators: the accessible text of a risk's chip: score and band */
  chip_a11y = g_strdup_printf (_("Score %1$s, %2$s"), score_text, edaad_risk_band_get_label (band));
  if (g_strcmp0 (gtk_label_get_label (GTK_LABEL (parts->chip)), chip_text) != 0)
    gtk_label_set_label (GTK_LABEL (parts->chip), chip_text);
  if (style != parts->chip_style)
    {
      if (parts->chip_style != NULL)
        gtk_widget_remove_css_class (parts->chip, parts->chip_style);
      gtk_widget_add_css_class (parts->chip, style);
      parts->chip_style = style;
    }
  edaad_widget_set_tooltip (parts->chip, chip_a11y);
  gtk_accessible_update_property (GTK_ACCESSIBLE (parts->chip), GTK_ACCESSIBLE_PROPERTY_LABEL, chip_a11y, -1);
}
