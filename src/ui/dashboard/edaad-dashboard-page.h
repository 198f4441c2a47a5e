/* edaad-dashboard-page.h — the change leader's overview: plans by status, ready plans toward
 * the edition's target, services by maturity, and the coming deadlines. Every card and row
 * leads to the filtered list behind it through ::open-page. */
#pragma once

#include <adwaita.h>

#include "edaad-store.h"

G_BEGIN_DECLS

#define EDAAD_TYPE_DASHBOARD_PAGE (edaad_dashboard_page_get_type ())
G_DECLARE_FINAL_TYPE (EdaadDashboardPage, edaad_dashboard_page, EDAAD, DASHBOARD_PAGE, AdwBin)

/* Signal ::open-page (const char *page_name, const char *filter_field, const char *filter_value):
 * page_name is "plans", "services" or "coursework"; the filter may be NULL.  A deadline row
 * asks for its record with filter_field "id" (a milestone: its plan). */
GtkWidget  *edaad_dashboard_page_new       (EdaadStore         *store);
EdaadStore *edaad_dashboard_page_get_store (EdaadDashboardPage *self);

/* Recomputes every figure now (it also happens by itself, once per main-loop turn, after
 * the store changes or the deadline-days setting does). */
void        edaad_dashboard_page_refresh   (EdaadDashboardPage *self);

/* The activatable card or row called `name` — "card-plans", "card-ready", "card-electronic",
 * "plans-status-<nick>", "services-maturity-<nick>", "deadline-<record id>" — or NULL. */
GtkWidget  *edaad_dashboard_page_get_item  (EdaadDashboardPage *self,
                                            const char         *name);
/* The figure an item shows (a stat card's figure, a row's count), or NULL. */
const char *edaad_dashboard_page_get_figure (EdaadDashboardPage *self,
                                             const char         *name);

G_END_DECLS
