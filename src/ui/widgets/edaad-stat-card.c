/* edaad-stat-card.c — an activatable dashboard card with one big figure. */
#define G_LOG_DOMAIN "edaad-stat-card"

#include "config.h"

#include "edaad-stat-card.h"

struct _EdaadStatCard
{
  GtkButton parent_instance;

  GtkLabel *heading_label;
  GtkLabel *figure_label;
  GtkLabel *caption_label;
  GtkProgressBar *progress_bar;
};

G_DEFINE_FINAL_TYPE (EdaadStatCard, edaad_stat_card, GTK_TYPE_BUTTON)

static void
update_accessible_label (EdaadStatCard *self)
{
  g_autofree char *text = NULL;

  text = g_strjoin (" ", gtk_label_get_text (self->heading_label),
                    gtk_label_get_text (self->figure_label),
                    gtk_label_get_text (self->caption_label), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
}

static void
edaad_stat_card_class_init (EdaadStatCardClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/edaad-stat-card.ui");
  gtk_widget_class_bind_template_child (widget_class, EdaadStatCard, heading_label);
  gtk_widget_class_bind_template_child (widget_class, EdaadStatCard, figure_label);
  gtk_widget_class_bind_template_child (widget_class, EdaadStatCard, caption_label);
  gtk_widget_class_bind_template_child (widget_class, EdaadStatCard, progress_bar);
}

static void
edaad_stat_card_init (EdaadStatCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
edaad_stat_card_new (const char *heading)
{
  EdaadStatCard *self = g_object_new (EDAAD_TYPE_STAT_CARD, NULL);

  edaad_stat_card_set_heading (self, heading);
  return GTK_WIDGET (self);
}

void
edaad_stat_card_set_heading (EdaadStatCard *self,
                             const char    *heading)
{
  g_return_if_fail (EDAAD_IS_STAT_CARD (self));
  gtk_label_set_text (self->heading_label, heading != NULL ? heading : "");
  update_accessible_label (self);
}

const char *
edaad_stat_card_get_heading (EdaadStatCard *self)
{
  g_return_val_if_fail (EDAAD_IS_STAT_CARD (self), NULL);
  return gtk_label_get_text (self->heading_label);
}

void
edaad_stat_card_set_figure (EdaadStatCard *self,
                            const char    *figure)
{
  g_return_if_fail (EDAAD_IS_STAT_CARD (self));
  gtk_label_set_text (self->figure_label, figure != NULL ? figure : "");
  update_accessible_label (self);
}

const char *
edaad_stat_card_get_figure (EdaadStatCard *self)
{
  g_return_val_if_fail (EDAAD_IS_STAT_CARD (self), NULL);
  return gtk_label_get_text (self->figure_label);
}

void
edaad_stat_card_set_caption (EdaadStatCard *self,
                             const char    *caption)
{
  g_return_if_fail (EDAAD_IS_STAT_CARD (self));
  gtk_label_set_text (self->caption_label, caption != NULL ? caption : "");
  gtk_widget_set_visible (GTK_WIDGET (self->caption_label), caption != NULL && *caption != '\0');
  update_accessible_label (self);
}

const char *
edaad_stat_card_get_caption (EdaadStatCard *self)
{
  g_return_val_if_fail (EDAAD_IS_STAT_CARD (self), NULL);
  return gtk_label_get_text (self->caption_label);
}

void
edaad_stat_card_set_fraction (EdaadStatCard *self,
                              double         fraction)
{
  g_return_if_fail (EDAAD_IS_STAT_CARD (self));
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), fraction >= 0.0);
  if (fraction >= 0.0)
    gtk_progress_bar_set_fraction (self->progress_bar, CLAMP (fraction, 0.0, 1.0));
}
