/* edaad-kpis-section.h — a plan's KPIs: baseline → target, readings with a sparkline and progress %, and their forms. */
#pragma once

#include <adwaita.h>

#include "edaad-plan-section.h"

G_BEGIN_DECLS

#define EDAAD_TYPE_KPIS_SECTION (edaad_kpis_section_get_type ())
G_DECLARE_FINAL_TYPE (EdaadKpisSection, edaad_kpis_section, EDAAD, KPIS_SECTION, EdaadPlanSection)

/* An EdaadPlanSection: the plan shown (edaad_plan_section_set_plan, property "plan-id"),
 * the store and the "toast" signal are the base's. */

GtkWidget *edaad_kpis_section_new      (EdaadStore       *store);

G_END_DECLS
