/* edaad-service-detail.h — the read-only side pane of the services page: one service, its
 * latest readiness survey and how much digitisation shortens it. */
#pragma once

#include <adwaita.h>

#include "edaad-store.h"

G_BEGIN_DECLS

#define EDAAD_TYPE_SERVICE_DETAIL (edaad_service_detail_get_type ())
G_DECLARE_FINAL_TYPE (EdaadServiceDetail, edaad_service_detail, EDAAD, SERVICE_DETAIL, AdwBin)

GtkWidget   *edaad_service_detail_new         (EdaadStore         *store);
/* The service shown (NULL shows nothing). Property "service". */
void         edaad_service_detail_set_service (EdaadServiceDetail *self,
                                               EdaadRecord        *service);
EdaadRecord *edaad_service_detail_get_service (EdaadServiceDetail *self);
/* Business and technical readiness (0–100) of the latest survey, -1 when unknown. */
double       edaad_service_detail_get_business_readiness  (EdaadServiceDetail *self);
double       edaad_service_detail_get_technical_readiness (EdaadServiceDetail *self);

G_END_DECLS
