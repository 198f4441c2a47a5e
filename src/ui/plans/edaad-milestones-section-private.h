/* edaad-milestones-section-private.h — shared between edaad-milestones-section.c, its rows
 * (edaad-milestones-section-rows.c) and its reordering (edaad-milestones-section-reorder.c). */
#pragma once

#include "edaad-milestones-section.h"
#include "edaad-record-form.h"
#include "edaad-record-list.h"

G_BEGIN_DECLS

#define MILESTONE_KIND "milestone"

struct _EdaadMilestonesSection
{
  EdaadPlanSection parent_instance;

  GtkStack *stack;
  GtkLabel *progress_label;
  GtkProgressBar *progress_bar;
  GtkLabel *progress_caption;
  AdwEntryRow *add_row;
  GtkLabel *add_message;
  GtkStack *list_stack;
  GtkListBox *list;
  GtkLabel *form_heading;
  GtkListBox *form_list;
  GtkLabel *form_status;

  EdaadRecordList *milestones;  /* NULL while no plan is shown */
  double progress;
  EdaadRecordForm *form;
  char *editing_id;   /* the milestone in the form, NULL when the list is shown */
  char *today;        /* the day the rows' RAG lights were judged on */
};

/* ---- edaad-milestones-section.c ---- */
/* The position of milestone `id` in the list, or -1. */
int        edaad_milestones_section_index_of   (EdaadMilestonesSection *self,
                                                const char             *id);
/* Marks milestone `id` done today, or planned again; a failure is a toast. */
void       edaad_milestones_section_set_done   (EdaadMilestonesSection *self,
                                                const char             *id,
                                                gboolean                done);
/* Deletes milestone `id` with an Undo toast, keeping the keyboard on the next row. */
void       edaad_milestones_section_delete     (EdaadMilestonesSection *self,
                                                const char             *id);

/* ---- edaad-milestones-section-rows.c ---- */
/* EdaadSectionRowCreate and EdaadSectionRowUpdate for edaad_section_row_sync(); the
 * user data is the section. */
GtkWidget *edaad_milestones_section_create_row (gpointer                user_data);
void       edaad_milestones_section_update_row (GtkWidget              *row,
                                                gpointer                item,
                                                gpointer                user_data);

/* ---- edaad-milestones-section-reorder.c ---- */
/* Moves milestone `id` to position `to`, renumbering in one store batch every milestone
 * whose position changes; FALSE when nothing moved. */
gboolean   edaad_milestones_section_move       (EdaadMilestonesSection *self,
                                                const char             *id,
                                                guint                   to);
/* Lets `row` be dragged onto another row to move its milestone there. */
void       edaad_milestones_section_add_drag   (EdaadMilestonesSection *self,
                                                GtkWidget              *row);

G_END_DECLS
