/* edaad-plan-section.h — the base of the sections beside a plan (milestones, risks,
 * stakeholders, KPIs, ADKAR): told a plan, following the store, raising toasts. */
#pragma once

#include <adwaita.h>

#include "edaad-store.h"

G_BEGIN_DECLS

#define EDAAD_TYPE_PLAN_SECTION (edaad_plan_section_get_type ())
G_DECLARE_DERIVABLE_TYPE (EdaadPlanSection, edaad_plan_section, EDAAD, PLAN_SECTION, AdwBin)

/* Property "store" (construct-only): where the section reads and writes.
 * Property "plan-id": the plan shown, NULL for none (the section's empty state).
 *
 * Signal "toast" (AdwToast *toast): a message to show, e.g. "Milestone deleted" with Undo.
 * The section keeps its reference: a handler that shows the toast adds its own
 * (adw_toast_overlay_add_toast (overlay, g_object_ref (toast))).
 *
 * A subclass is a composite template whose parent is EdaadPlanSection; the base's dispose
 * removes the child and disposes the template (after the subclass's dispose has let go of
 * its record lists), then drops the store. */
struct _EdaadPlanSectionClass
{
  AdwBinClass parent_class;

  /* Called by edaad_plan_section_set_plan() when the plan changes, after
   * edaad_plan_section_get_plan_id() returns the new one (`plan_id`, maybe NULL) and
   * before "plan-id" is notified. */
  void (*plan_changed) (EdaadPlanSection *self,
                        const char       *plan_id);
};

EdaadStore *edaad_plan_section_get_store   (EdaadPlanSection *self);
/* Shows the records of plan `plan_id`, or the empty state for NULL; nothing happens when
 * it is the plan already shown. */
void        edaad_plan_section_set_plan    (EdaadPlanSection *self,
                                            const char       *plan_id);
const char *edaad_plan_section_get_plan_id (EdaadPlanSection *self);

/* Emits "toast" with `toast`. */
void        edaad_plan_section_toast       (EdaadPlanSection *self,
                                            AdwToast         *toast);
/* Emits "toast" with a plain toast showing `error`'s message (a store call that failed). */
void        edaad_plan_section_toast_error (EdaadPlanSection *self,
                                            const GError     *error);

G_END_DECLS
