/* edaad-adkar-bars.h — the five ADKAR elements (Awareness, Desire, Knowledge, Ability,
 * Reinforcement) as bars on the 1–5 scale, the barrier point (the first element at or
 * below 3) marked, and optionally the previous round beside each bar for the trend.
 * Bars grow towards the end side: right to left in right-to-left text. */
#pragma once

#include "edaad-chart.h"
#include "edaad-plan-metrics.h"
#include "edaad-record.h"

G_BEGIN_DECLS

#define EDAAD_TYPE_ADKAR_BARS (edaad_adkar_bars_get_type ())
G_DECLARE_FINAL_TYPE (EdaadAdkarBars, edaad_adkar_bars, EDAAD, ADKAR_BARS, EdaadChart)

GtkWidget        *edaad_adkar_bars_new             (void);
/* The scores of the round shown, in A-D-K-A-R order (NaN, or ≤ 0, for an element not
 * assessed); NULL for none. */
void              edaad_adkar_bars_set_scores      (EdaadAdkarBars *self,
                                                    const double    scores[EDAAD_ADKAR_N_ELEMENTS]);
/* The previous round's scores, drawn beside for the trend; NULL for none. */
void              edaad_adkar_bars_set_previous    (EdaadAdkarBars *self,
                                                    const double    previous[EDAAD_ADKAR_N_ELEMENTS]);
/* Both from "adkar_assessment" records (either may be NULL). */
void              edaad_adkar_bars_set_assessments (EdaadAdkarBars *self,
                                                    EdaadRecord    *current,
                                                    EdaadRecord    *previous);
/* The barrier point of the round shown (edaad_adkar_barrier_point()). */
EdaadAdkarElement edaad_adkar_bars_get_barrier     (EdaadAdkarBars *self);

G_END_DECLS
