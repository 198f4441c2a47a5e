/* edaad-adkar-section.h — a plan's ADKAR assessments by round: the latest round's bars with the barrier point and the previous round as the trend, and the assessment form. */
#pragma once

#include <adwaita.h>

#include "edaad-store.h"

G_BEGIN_DECLS

#define EDAAD_TYPE_ADKAR_SECTION (edaad_adkar_section_get_type ())
G_DECLARE_FINAL_TYPE (EdaadAdkarSection, edaad_adkar_section, EDAAD, ADKAR_SECTION, AdwBin)

/* Signal "toast" (AdwToast *toast): a message to show, e.g. "… deleted" with "Undo";
 * the page around the section puts it in its AdwToastOverlay. */

GtkWidget  *edaad_adkar_section_new      (EdaadStore         *store);
/* Shows the records of plan `plan_id`, or the empty state for NULL.  Property "plan-id". */
void        edaad_adkar_section_set_plan (EdaadAdkarSection *self,
                                         const char         *plan_id);
const char *edaad_adkar_section_get_plan (EdaadAdkarSection *self);

G_END_DECLS
