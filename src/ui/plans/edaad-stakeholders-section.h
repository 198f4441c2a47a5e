/* edaad-stakeholders-section.h — a plan's stakeholders: the power/interest grid, the list with attitude now → target, and their form. */
#pragma once

#include <adwaita.h>

#include "edaad-store.h"

G_BEGIN_DECLS

#define EDAAD_TYPE_STAKEHOLDERS_SECTION (edaad_stakeholders_section_get_type ())
G_DECLARE_FINAL_TYPE (EdaadStakeholdersSection, edaad_stakeholders_section, EDAAD, STAKEHOLDERS_SECTION, AdwBin)

/* Signal "toast" (AdwToast *toast): a message to show, e.g. "… deleted" with "Undo";
 * the page around the section puts it in its AdwToastOverlay. */

GtkWidget  *edaad_stakeholders_section_new      (EdaadStore         *store);
/* Shows the records of plan `plan_id`, or the empty state for NULL.  Property "plan-id". */
void        edaad_stakeholders_section_set_plan (EdaadStakeholdersSection *self,
                                         const char         *plan_id);
const char *edaad_stakeholders_section_get_plan (EdaadStakeholdersSection *self);

G_END_DECLS
