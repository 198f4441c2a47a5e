/* edaad-plans-page.h — the change plans list (search, filters, SQL sorting, "ready plans"
 * header) with the selected plan's editor and sections beside it. */
#pragma once

#include <adwaita.h>

#include "edaad-plan-editor.h"
#include "edaad-plan-metrics.h"
#include "edaad-record-table.h"
#include "edaad-store.h"

G_BEGIN_DECLS

#define EDAAD_TYPE_PLANS_PAGE (edaad_plans_page_get_type ())
G_DECLARE_FINAL_TYPE (EdaadPlansPage, edaad_plans_page, EDAAD, PLANS_PAGE, AdwBin)

GtkWidget  *edaad_plans_page_new         (EdaadStore     *store);
EdaadStore *edaad_plans_page_get_store   (EdaadPlansPage *self);

/* Selects the plan and shows its details: `kind` "plan", or "milestone", "risk",
 * "stakeholder" or "kpi" (their parent plan is shown; a milestone is also highlighted).
 * Filters that would hide the plan are cleared. */
void        edaad_plans_page_show_record (EdaadPlansPage *self,
                                          const char     *kind,
                                          const char     *id);
/* Restricts the list: "status" sets the status drop-down, "text" the search entry, "id"
 * shows that plan (as show_record), any other plan field filters by equality (shown as a
 * removable filter button).  A NULL value clears that filter; a NULL field clears all. */
void        edaad_plans_page_set_filter  (EdaadPlansPage *self,
                                          const char     *field,
                                          const char     *value);

/* For tests and the window: the list model shown (a GtkSingleSelection over the plans),
 * the visible state ("list", "empty" or "no-results") and the plan shown in the side pane. */
GtkSingleSelection *edaad_plans_page_get_selection (EdaadPlansPage *self);
const char         *edaad_plans_page_get_state     (EdaadPlansPage *self);
EdaadRecord        *edaad_plans_page_get_shown     (EdaadPlansPage *self);

/* The editor in the side pane, built on first use (for tests and the window's actions). */
EdaadPlanEditor    *edaad_plans_page_get_editor     (EdaadPlansPage *self);
/* The list half (its filters, column view and search entry), for tests and benchmarks. */
EdaadRecordTable   *edaad_plans_page_get_table      (EdaadPlansPage *self);
/* The header's figures: ready plans of the current edition, and (`target`, may be NULL)
 * how many the edition expects; and the header's text ("Ready plans: 7 of 10"). */
guint               edaad_plans_page_get_ready_count (EdaadPlansPage *self,
                                                      guint          *target);
const char         *edaad_plans_page_get_ready_text  (EdaadPlansPage *self);

G_END_DECLS
