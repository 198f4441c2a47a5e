/* edaad-sparkline.h — a KPI's readings over time as a small line: the target as a dashed
 * line, the last reading emphasised and coloured by whether the last change went the
 * better way (up or down, by the KPI's direction).  Time runs towards the end side, so
 * right to left in right-to-left text. */
#pragma once

#include "edaad-chart.h"
#include "edaad-record.h"

G_BEGIN_DECLS

#define EDAAD_TYPE_SPARKLINE (edaad_sparkline_get_type ())
G_DECLARE_FINAL_TYPE (EdaadSparkline, edaad_sparkline, EDAAD, SPARKLINE, EdaadChart)

GtkWidget *edaad_sparkline_new           (void);
/* The KPI: its target, direction, unit, and id (only readings whose kpi_id is that id are
 * shown; all of them while the KPI has no id).  NULL for none. */
void       edaad_sparkline_set_kpi       (EdaadSparkline *self,
                                          EdaadRecord    *kpi);
/* `readings`: a GListModel of "kpi_reading" EdaadRecords, in any order (they are drawn by
 * measured_on; tombstones and readings without a valid date or value are left out). */
void       edaad_sparkline_set_readings  (EdaadSparkline *self,
                                          GListModel     *readings);
/* The number of readings drawn. */
guint      edaad_sparkline_get_n_points  (EdaadSparkline *self);

G_END_DECLS
