/* edaad-service-metrics.h — computed values of services on the way to the portal.
 *
 * Pure functions over plain values or EdaadRecords; tombstones are ignored.
 * Percentages are 0–100; -1 means "unknown" (not enough data), never 0.
 */
#pragma once

#include <glib.h>

#include "edaad-record.h"

G_BEGIN_DECLS

#define EDAAD_READINESS_N_ITEMS 6
#define EDAAD_READINESS_ITEM_MAX 4

/* Field names of the readiness survey's items (EDAAD_READINESS_N_ITEMS each). */
const char * const *edaad_readiness_business_items  (void);
const char * const *edaad_readiness_technical_items (void);

/* Mean of the items that are set (each 0–4) ÷ 4 × 100.  Items < 0 are unset and left
 * out (so are items above 4, which validation rejects); none set → -1. */
double  edaad_readiness_pct             (const gint64 *items,
                                         guint         n_items);
double  edaad_readiness_business_pct    (EdaadRecord  *survey);
double  edaad_readiness_technical_pct   (EdaadRecord  *survey);

/* How much smaller `after` is than `before`, in % of before: (before − after) ÷ before
 * × 100, stored in `pct`.  Negative when it grew, at most 100.  Since a reduction can
 * itself be negative, "unknown" is the return value FALSE (before ≤ 0, after < 0, or a
 * value that is not finite), and `pct` is then left alone. */
gboolean edaad_reduction_pct            (double        before,
                                         double        after,
                                         double       *pct);
/* From the service's steps_before/steps_after and days_before/days_after; FALSE when
 * either value is unset or "before" is 0. */
gboolean edaad_service_step_reduction_pct (EdaadRecord *service,
                                           double      *pct);
gboolean edaad_service_time_reduction_pct (EdaadRecord *service,
                                           double      *pct);

/* Share of services whose maturity is "electronic", 0–100; -1 for no services. */
double  edaad_services_electronic_pct   (GPtrArray    *services);

G_END_DECLS
