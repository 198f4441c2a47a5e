/* edaad-stakeholders-section.h — a plan's stakeholders: the power/interest grid, the list with attitude now → target, and their form. */
#pragma once

#include <adwaita.h>

#include "edaad-plan-section.h"

G_BEGIN_DECLS

#define EDAAD_TYPE_STAKEHOLDERS_SECTION (edaad_stakeholders_section_get_type ())
G_DECLARE_FINAL_TYPE (EdaadStakeholdersSection, edaad_stakeholders_section, EDAAD, STAKEHOLDERS_SECTION, EdaadPlanSection)

/* An EdaadPlanSection: the plan shown (edaad_plan_section_set_plan, property "plan-id"),
 * the store and the "toast" signal are the base's. */

GtkWidget *edaad_stakeholders_section_new      (EdaadStore               *store);

G_END_DECLS
