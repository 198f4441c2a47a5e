/* edaad-demo.h — the realistic sample data of demo mode (`edaad --demo`). */
#pragma once

#include <glib.h>

#include "edaad-store.h"

G_BEGIN_DECLS

#define EDAAD_DEMO_ERROR (edaad_demo_error_quark ())

typedef enum
{
  EDAAD_DEMO_ERROR_NOT_EMPTY, /* the store already holds change plans: nothing was written */
} EdaadDemoError;

GQuark   edaad_demo_error_quark (void);

/* Fills an empty store with one institution, the Edaad 2nd edition (five modules,
 * assignments, submissions, grades, attendance), 12 change plans with their milestones,
 * stakeholders, risks, KPIs and ADKAR assessments, and 40 services with their history and
 * readiness surveys — all dated relative to today, in one transaction, as synced records
 * (no outbox entries).  Refuses with EDAAD_DEMO_ERROR_NOT_EMPTY when the store already
 * holds a change plan; on any error nothing is written. */
gboolean edaad_demo_seed        (EdaadStore  *store,
                                 GError     **error);

G_END_DECLS
