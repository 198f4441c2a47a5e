/* edaad-risks-section-private.h — shared between edaad-risks-section.c and its rows
 * (edaad-risks-section-rows.c). */
#pragma once

#include "edaad-record-form.h"
#include "edaad-record-list.h"
#include "edaad-risks-section.h"

G_BEGIN_DECLS

#define RISK_KIND "risk"

struct _EdaadRisksSection
{
  EdaadPlanSection parent_instance;

  GtkStack *stack;
  EdaadRiskHeatMap *heat_map;
  GtkRevealer *filter_revealer;
  GtkLabel *filter_label;
  GtkStack *list_stack;
  GtkListBox *list;
  AdwStatusPage *empty_page;
  GtkLabel *form_heading;
  GtkListBox *form_list;
  GtkLabel *form_status;

  EdaadRecordList *all;       /* the plan's risks: the heat map */
  EdaadRecordList *filtered;  /* the same, restricted to the selected cell */
  GtkSortListModel *sorted;   /* `filtered` by score: the register */
  int filter_likelihood;      /* 0: no filter */
  int filter_impact;
  EdaadRecordForm *form;
  gboolean editing;           /* the form is shown */
  char *editing_id;           /* the risk in the form; NULL for a new one */
};

/* ---- edaad-risks-section.c ---- */
/* Deletes risk `id` with an Undo toast, keeping the keyboard on the next row. */
void       edaad_risks_section_delete     (EdaadRisksSection *self,
                                           const char        *id);

/* ---- edaad-risks-section-rows.c ---- */
/* EdaadSectionRowCreate and EdaadSectionRowUpdate for edaad_section_row_sync(); the user
 * data is the section. */
GtkWidget *edaad_risks_section_create_row (gpointer           user_data);
void       edaad_risks_section_update_row (GtkWidget         *row,
                                           gpointer           item,
                                           gpointer           user_data);

G_END_DECLS
