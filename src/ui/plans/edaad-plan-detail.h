/* edaad-plan-detail.h — the read-only side pane of the plans page: one plan and its milestones. */
#pragma once

#include <adwaita.h>

#include "edaad-store.h"

G_BEGIN_DECLS

#define EDAAD_TYPE_PLAN_DETAIL (edaad_plan_detail_get_type ())
G_DECLARE_FINAL_TYPE (EdaadPlanDetail, edaad_plan_detail, EDAAD, PLAN_DETAIL, AdwBin)

GtkWidget   *edaad_plan_detail_new            (EdaadStore      *store);
/* The plan shown (NULL shows nothing). Property "plan". */
void         edaad_plan_detail_set_plan       (EdaadPlanDetail *self,
                                               EdaadRecord     *plan);
EdaadRecord *edaad_plan_detail_get_plan       (EdaadPlanDetail *self);
/* The plan's milestones, in position order (a live EdaadRecordList), or NULL. */
GListModel  *edaad_plan_detail_get_milestones (EdaadPlanDetail *self);
/* Selects and scrolls to the milestone row with `id`; FALSE when it is not listed. */
gboolean     edaad_plan_detail_reveal_milestone (EdaadPlanDetail *self,
                                                 const char      *id);

G_END_DECLS
