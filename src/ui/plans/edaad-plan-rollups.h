/* edaad-plan-rollups.h — the plans list's cache of each plan's progress and RAG. */
#pragma once

#include <gtk/gtk.h>

#include "edaad-store.h"

G_BEGIN_DECLS

#define EDAAD_TYPE_PLAN_ROLLUPS (edaad_plan_rollups_get_type ())
G_DECLARE_FINAL_TYPE (EdaadPlanRollups, edaad_plan_rollups, EDAAD, PLAN_ROLLUPS, GObject)

/* Asks the store (edaad_store_plan_rollup) once per plan and keeps the answer until the
 * plan or one of its milestones changes (then it forgets that plan's and emits ::changed
 * with its id, and the cells showing it ask again), or until many records change at once
 * or the day does (RAG is judged on today): then it forgets them all. */
EdaadPlanRollups *edaad_plan_rollups_new    (EdaadStore       *store);

/* The plan's rollup; a missing plan (or a store error) gives progress 0 and RAG none. */
EdaadPlanRollup   edaad_plan_rollups_lookup (EdaadPlanRollups *self,
                                             const char       *plan_id);

G_END_DECLS
