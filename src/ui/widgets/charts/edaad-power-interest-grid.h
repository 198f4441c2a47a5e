/* edaad-power-interest-grid.h — the stakeholder power (y) × interest (x) grid: the 5×5
 * scale in four quadrants (manage closely, keep satisfied, keep informed, monitor) with each
 * stakeholder as a dot with their initials.
 *
 * Dragging a dot, Shift (or Ctrl) + arrow keys on the selected stakeholder, or the action
 * `grid.move` ("(sii)": id, power, interest) ask for a move: the grid emits
 * ::stakeholder-moved and shows the new place once the record itself changes — it never
 * writes to the store. */
#pragma once

#include "edaad-chart.h"

G_BEGIN_DECLS

#define EDAAD_TYPE_POWER_INTEREST_GRID (edaad_power_interest_grid_get_type ())
G_DECLARE_FINAL_TYPE (EdaadPowerInterestGrid, edaad_power_interest_grid, EDAAD, POWER_INTEREST_GRID, EdaadChart)

#define EDAAD_POWER_INTEREST_GRID_SIZE 5

/* Signal "stakeholder-moved" (const char *id, int power, int interest): the user moved a
 * stakeholder; power and interest are within 1–5 and differ from the record's. */

GtkWidget  *edaad_power_interest_grid_new              (void);
/* `stakeholders`: a GListModel of "stakeholder" EdaadRecords (tombstones are left out;
 * unset power or interest count as 3, the schema's default). */
void        edaad_power_interest_grid_set_stakeholders (EdaadPowerInterestGrid *self,
                                                        GListModel             *stakeholders);
/* The id of the selected stakeholder, or NULL. */
const char *edaad_power_interest_grid_get_selected     (EdaadPowerInterestGrid *self);
/* Selects a stakeholder by id (NULL clears); FALSE when there is none with that id. */
gboolean    edaad_power_interest_grid_set_selected     (EdaadPowerInterestGrid *self,
                                                        const char             *id);
/* What `grid.move` does: power and interest clamped to 1–5; emits ::stakeholder-moved
 * when they differ from the stakeholder's.  FALSE when there is no stakeholder `id`. */
gboolean    edaad_power_interest_grid_move             (EdaadPowerInterestGrid *self,
                                                        const char             *id,
                                                        int                     power,
                                                        int                     interest);
/* Where stakeholder `id`'s dot is drawn at the widget's current size and direction. */
gboolean    edaad_power_interest_grid_get_dot_center   (EdaadPowerInterestGrid *self,
                                                        const char             *id,
                                                        graphene_point_t       *center);
/* The cell under (x, y): power (row) and interest (column). */
gboolean    edaad_power_interest_grid_cell_at          (EdaadPowerInterestGrid *self,
                                                        double                  x,
                                                        double                  y,
                                                        int                    *power,
                                                        int                    *interest);

G_END_DECLS
