/* edaad-risk-heat-map.h — the 5×5 likelihood (y) × impact (x) risk heat map: cells coloured
 * by risk band with the number of risks in each; a cell is selected by a click or from the
 * keyboard (arrows, Enter/Space), and selecting it again clears the selection. */
#pragma once

#include "edaad-chart.h"

G_BEGIN_DECLS

#define EDAAD_TYPE_RISK_HEAT_MAP (edaad_risk_heat_map_get_type ())
G_DECLARE_FINAL_TYPE (EdaadRiskHeatMap, edaad_risk_heat_map, EDAAD, RISK_HEAT_MAP, EdaadChart)

#define EDAAD_RISK_HEAT_MAP_SIZE 5

/* Signal "cell-activated" (int likelihood, int impact): the user selected a cell, or
 * (0, 0) when they cleared the selection. */

GtkWidget *edaad_risk_heat_map_new            (void);
/* `risks`: a GListModel of "risk" EdaadRecords.  Tombstones and risks whose likelihood or
 * impact is not 1–5 are not counted. */
void       edaad_risk_heat_map_set_risks      (EdaadRiskHeatMap *self,
                                               GListModel       *risks);
/* The number of risks in a cell (0 out of range). */
guint      edaad_risk_heat_map_get_count      (EdaadRiskHeatMap *self,
                                               int               likelihood,
                                               int               impact);
/* The selected cell: TRUE and its coordinates, or FALSE and (0, 0). */
gboolean   edaad_risk_heat_map_get_selected   (EdaadRiskHeatMap *self,
                                               int              *likelihood,
                                               int              *impact);
/* Selects a cell without emitting ::cell-activated ((0, 0) clears; out of range is an
 * error). */
void       edaad_risk_heat_map_set_selected   (EdaadRiskHeatMap *self,
                                               int               likelihood,
                                               int               impact);
/* What a click at (x, y) in widget coordinates does: selects the cell there and emits
 * ::cell-activated, or clears the selection and emits (0, 0) when that cell was
 * selected.  Outside the cells it does nothing and returns FALSE. */
gboolean   edaad_risk_heat_map_activate_at    (EdaadRiskHeatMap *self,
                                               double            x,
                                               double            y);
/* The cell under (x, y) as laid out at the widget's current size and direction. */
gboolean   edaad_risk_heat_map_cell_at        (EdaadRiskHeatMap *self,
                                               double            x,
                                               double            y,
                                               int              *likelihood,
                                               int              *impact);
/* Where a cell lies at the widget's current size and direction. */
gboolean   edaad_risk_heat_map_get_cell_rect  (EdaadRiskHeatMap *self,
                                               int               likelihood,
                                               int               impact,
                                               graphene_rect_t  *rect);

G_END_DECLS
