/* edaad-milestones-section.h — a plan's milestones: ordered, added, edited, reordered, done. */
#pragma once

#include <adwaita.h>

#include "edaad-plan-section.h"

G_BEGIN_DECLS

#define EDAAD_TYPE_MILESTONES_SECTION (edaad_milestones_section_get_type ())
G_DECLARE_FINAL_TYPE (EdaadMilestonesSection, edaad_milestones_section, EDAAD, MILESTONES_SECTION, EdaadPlanSection)

/* An EdaadPlanSection: the plan shown (edaad_plan_section_set_plan, property "plan-id"),
 * the store and the "toast" signal (e.g. "Milestone deleted" with Undo) are the base's.
 *
 * Actions (group "milestones"): add (focus the "New milestone" row), edit, delete,
 * toggle-done, move-up (Alt+Up), move-down (Alt+Down) — edit, delete, toggle-done and the
 * moves act on the milestone whose row has the focus. */

GtkWidget   *edaad_milestones_section_new          (EdaadStore             *store);

/* The plan's weighted progress (0–100) as shown at the top. */
double       edaad_milestones_section_get_progress (EdaadMilestonesSection *self);
/* The milestones shown, in order (a GListModel of EdaadRecord). */
GListModel  *edaad_milestones_section_get_model    (EdaadMilestonesSection *self);

/* Gives the keyboard focus to the row of milestone `id` (FALSE when it is not shown). */
gboolean     edaad_milestones_section_focus_milestone (EdaadMilestonesSection *self,
                                                       const char             *id);
/* Adds a milestone titled `title` at the end, as the "New milestone" row does.  FALSE
 * (and the message shown under the row) when the title is not valid. */
gboolean     edaad_milestones_section_add          (EdaadMilestonesSection *self,
                                                    const char             *title);
/* Opens the edit form of milestone `id`. */
void         edaad_milestones_section_edit         (EdaadMilestonesSection *self,
                                                    const char             *id);
/* The edit form, for keyboard handling and tests: the widget editing `field` (an
 * AdwEntryRow or AdwComboRow) and the label showing its message. */
GtkWidget   *edaad_milestones_section_get_form_widget  (EdaadMilestonesSection *self,
                                                        const char             *field);
GtkLabel    *edaad_milestones_section_get_form_message (EdaadMilestonesSection *self,
                                                        const char             *field);
/* Saves the edit form: TRUE and back to the list when valid and stored; otherwise FALSE,
 * the messages shown and nothing stored. */
gboolean     edaad_milestones_section_save_form    (EdaadMilestonesSection *self);
/* The message under the "New milestone" row ("" when none). */
const char  *edaad_milestones_section_get_add_message (EdaadMilestonesSection *self);

G_END_DECLS
