/* edaad-services-page.h — the institution's services on their way to the portal: list with
 * search, maturity and portal-stage filters, and a read-only detail pane. */
#pragma once

#include <adwaita.h>

#include "edaad-store.h"

G_BEGIN_DECLS

#define EDAAD_TYPE_SERVICES_PAGE (edaad_services_page_get_type ())
G_DECLARE_FINAL_TYPE (EdaadServicesPage, edaad_services_page, EDAAD, SERVICES_PAGE, AdwBin)

GtkWidget  *edaad_services_page_new         (EdaadStore        *store);
EdaadStore *edaad_services_page_get_store   (EdaadServicesPage *self);

/* Selects the service (`kind` "service") and shows its details, clearing filters that hide it. */
void        edaad_services_page_show_record (EdaadServicesPage *self,
                                             const char        *kind,
                                             const char        *id);
/* "maturity" and "portal_stage" set their drop-downs, "text" the search, "id" shows that
 * service; any other service field filters by equality (a removable filter button).
 * A NULL value clears that filter; a NULL field clears all. */
void        edaad_services_page_set_filter  (EdaadServicesPage *self,
                                             const char        *field,
                                             const char        *value);

GtkSingleSelection *edaad_services_page_get_selection (EdaadServicesPage *self);
const char         *edaad_services_page_get_state     (EdaadServicesPage *self);
EdaadRecord        *edaad_services_page_get_shown     (EdaadServicesPage *self);

G_END_DECLS
