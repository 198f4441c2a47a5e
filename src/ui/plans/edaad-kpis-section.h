/* edaad-kpis-section.h — a plan's KPIs: baseline → target, readings with a sparkline and progress %, and their forms. */
#pragma once

#include <adwaita.h>

#include "edaad-store.h"

G_BEGIN_DECLS

#define EDAAD_TYPE_KPIS_SECTION (edaad_kpis_section_get_type ())
G_DECLARE_FINAL_TYPE (EdaadKpisSection, edaad_kpis_section, EDAAD, KPIS_SECTION, AdwBin)

/* Signal "toast" (AdwToast *toast): a message to show, e.g. "… deleted" with "Undo";
 * the page around the section puts it in its AdwToastOverlay. */

GtkWidget  *edaad_kpis_section_new      (EdaadStore         *store);
/* Shows the records of plan `plan_id`, or the empty state for NULL.  Property "plan-id". */
void        edaad_kpis_section_set_plan (EdaadKpisSection *self,
                                         const char         *plan_id);
const char *edaad_kpis_section_get_plan (EdaadKpisSection *self);

G_END_DECLS
