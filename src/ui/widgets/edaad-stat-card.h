/* edaad-stat-card.h — an activatable dashboard card: a heading, one big figure, an optional
 * progress bar and a caption. Emits GtkButton::clicked when activated. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define EDAAD_TYPE_STAT_CARD (edaad_stat_card_get_type ())
G_DECLARE_FINAL_TYPE (EdaadStatCard, edaad_stat_card, EDAAD, STAT_CARD, GtkButton)

GtkWidget  *edaad_stat_card_new          (const char    *heading);
void        edaad_stat_card_set_heading  (EdaadStatCard *self,
                                          const char    *heading);
const char *edaad_stat_card_get_heading  (EdaadStatCard *self);
void        edaad_stat_card_set_figure   (EdaadStatCard *self,
                                          const char    *figure);
const char *edaad_stat_card_get_figure   (EdaadStatCard *self);
void        edaad_stat_card_set_caption  (EdaadStatCard *self,
                                          const char    *caption);
const char *edaad_stat_card_get_caption  (EdaadStatCard *self);
/* 0.0–1.0 shows a progress bar; a negative value hides it. */
void        edaad_stat_card_set_fraction (EdaadStatCard *self,
                                          double         fraction);

G_END_DECLS
