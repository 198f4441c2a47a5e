/* edaad-adkar-section.h — a plan's ADKAR assessments by round: the latest round's bars with the barrier point and the previous round as the trend, and the assessment form. */
#pragma once

#include <adwaita.h>

#include "edaad-plan-section.h"

G_BEGIN_DECLS

#define EDAAD_TYPE_ADKAR_SECTION (edaad_adkar_section_get_type ())
G_DECLARE_FINAL_TYPE (EdaadAdkarSection, edaad_adkar_section, EDAAD, ADKAR_SECTION, EdaadPlanSection)

/* An EdaadPlanSection: the plan shown (edaad_plan_section_set_plan, property "plan-id"),
 * the store and the "toast" signal are the base's. */

GtkWidget *edaad_adkar_section_new      (EdaadStore        *store);

G_END_DECLS
