/* edaad-plan-columns.h — the plans list's own columns: progress, RAG and capstone. */
#pragma once

#include <gtk/gtk.h>

#include "edaad-plan-rollups.h"

G_BEGIN_DECLS

/* A bar and percentage of the plan's progress, sorted by the store's "progress" key. */
GtkColumnViewColumn *edaad_plan_column_new_progress (EdaadPlanRollups *rollups);

/* The plan's RAG as a coloured label, sorted by the store's "rag" key. */
GtkColumnViewColumn *edaad_plan_column_new_rag      (EdaadPlanRollups *rollups);

/* A check mark on capstone plans. */
GtkColumnViewColumn *edaad_plan_column_new_capstone (void);

G_END_DECLS
