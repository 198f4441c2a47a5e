/* edaad-plan-metrics.h — computed values of change plans (DESIGN.md §3, "Computed").
 *
 * Pure functions: nothing is stored, nothing is read but the arguments.  Record arrays
 * are GPtrArrays of EdaadRecord*; tombstones (deleted records) in them are ignored.
 * Dates are "YYYY-MM-DD" strings; `today` is passed in so results are reproducible.
 */
#pragma once

#include <glib.h>

#include "edaad-record.h"

G_BEGIN_DECLS

/* ---- plan progress ---- */

/* Weighted share of milestones done, 0–100.  Weight is the milestone's `weight` (unset = 1,
 * 0 = counts for nothing); done = status "done"; "dropped" milestones are left out.
 * No milestones, or a total weight of 0, gives 0. */
double       edaad_plan_progress             (GPtrArray   *milestones);

/* ---- milestone RAG ---- */

typedef enum
{
  EDAAD_RAG_NONE,  /* dropped, or planned with no due date: nothing to judge */
  EDAAD_RAG_GREEN,
  EDAAD_RAG_AMBER,
  EDAAD_RAG_RED,
  EDAAD_RAG_DONE,
} EdaadRag;

/* Days before the due date from which an open milestone shows amber. */
#define EDAAD_RAG_AMBER_DAYS 7

/* In order: status done → DONE; dropped → NONE; late, or due_on before today → RED;
 * at_risk, or due within EDAAD_RAG_AMBER_DAYS days (today included) → AMBER;
 * otherwise GREEN, except a "planned" milestone without a due date → NONE.
 * `status` NULL means the schema default ("planned"); `due_on` may be NULL or invalid
 * (treated as no due date); `today` must be a valid date. */
EdaadRag     edaad_rag_compute               (const char  *status,
                                              const char  *due_on,
                                              const char  *today);
EdaadRag     edaad_milestone_rag             (EdaadRecord *milestone,
                                              const char  *today);
/* How bad a RAG is, in the order the plans list sorts by: none 0, done 1, green 2,
 * amber 3, red 4. */
int          edaad_rag_severity              (EdaadRag     rag);
/* The RAG of a plan: the worst RAG of its live `milestones` (red > amber > green > done;
 * dropped and undated planned ones do not count); with none that counts, the plan's own:
 * closed → done, cancelled → none, else its due_on against `today` as a planned
 * milestone's would be (none without a due date). */
EdaadRag     edaad_plan_rag                  (EdaadRecord *plan,
                                              GPtrArray   *milestones,
                                              const char  *today);
const char  *edaad_rag_to_string             (EdaadRag     rag); /* "green"… (CSS class) */
const char  *edaad_rag_get_label             (EdaadRag     rag); /* translated */

/* ---- risk ---- */

typedef enum
{
  EDAAD_RISK_BAND_NONE,     /* likelihood or impact unset / out of 1–5 */
  EDAAD_RISK_BAND_LOW,      /* score 1–4 */
  EDAAD_RISK_BAND_MEDIUM,   /* 5–9 */
  EDAAD_RISK_BAND_HIGH,     /* 10–15 */
  EDAAD_RISK_BAND_CRITICAL, /* 16–25 */
} EdaadRiskBand;

/* likelihood × impact (1–25), or 0 when either is outside 1–5. */
int            edaad_risk_score              (gint64        likelihood,
                                              gint64        impact);
int            edaad_risk_score_for_record   (EdaadRecord  *risk);
EdaadRiskBand  edaad_risk_band_for_score     (int           score);
const char    *edaad_risk_band_to_string     (EdaadRiskBand band); /* "low"… */
const char    *edaad_risk_band_get_label     (EdaadRiskBand band); /* translated */

/* ---- stakeholders ---- */

typedef enum
{
  EDAAD_QUADRANT_MONITOR,        /* low power, low interest */
  EDAAD_QUADRANT_KEEP_INFORMED,  /* low power, high interest */
  EDAAD_QUADRANT_KEEP_SATISFIED, /* high power, low interest */
  EDAAD_QUADRANT_MANAGE_CLOSELY, /* high power, high interest */
} EdaadQuadrant;

/* "High" is ≥ EDAAD_QUADRANT_THRESHOLD on the 1–5 scale. */
#define EDAAD_QUADRANT_THRESHOLD 3

EdaadQuadrant  edaad_stakeholder_quadrant    (gint64        power,
                                              gint64        interest);
/* Unset power/interest take the schema default (3). */
EdaadQuadrant  edaad_stakeholder_quadrant_for_record (EdaadRecord *stakeholder);
const char    *edaad_quadrant_to_string      (EdaadQuadrant quadrant); /* "manage_closely"… */
const char    *edaad_quadrant_get_label      (EdaadQuadrant quadrant); /* translated */

/* ---- ADKAR ---- */

typedef enum
{
  EDAAD_ADKAR_NONE = -1, /* no barrier */
  EDAAD_ADKAR_AWARENESS,
  EDAAD_ADKAR_DESIRE,
  EDAAD_ADKAR_KNOWLEDGE,
  EDAAD_ADKAR_ABILITY,
  EDAAD_ADKAR_REINFORCEMENT,
} EdaadAdkarElement;

#define EDAAD_ADKAR_N_ELEMENTS 5
/* A score at or below this is a barrier. */
#define EDAAD_ADKAR_BARRIER_THRESHOLD 3.0

/* The first element, in A-D-K-A-R order, whose score is ≤ 3 (the barrier point), or
 * EDAAD_ADKAR_NONE.  Scores that are not set are given as NaN (or ≤ 0) and skipped. */
EdaadAdkarElement edaad_adkar_barrier_point  (const double  scores[EDAAD_ADKAR_N_ELEMENTS]);
EdaadAdkarElement edaad_adkar_barrier_point_for_record (EdaadRecord *assessment);
const char    *edaad_adkar_element_field     (EdaadAdkarElement element); /* "awareness"… */
const char    *edaad_adkar_element_get_label (EdaadAdkarElement element); /* translated */

/* ---- KPIs ---- */

/* Progress from baseline towards target, 0–100 (clamped): (value − baseline) /
 * (target − baseline).  `lower_is_better` (direction "down") only decides the case
 * target == baseline: reached (100) when value is at or beyond the target in the better
 * direction, else 0.  Non-finite input gives -1 (unknown). */
double         edaad_kpi_progress            (gboolean      lower_is_better,
                                              double        baseline,
                                              double        target,
                                              double        value);

/* The same for a KPI record and its readings: the latest reading by measured_on (on a
 * tie, the later one in the array) among those whose kpi_id is the KPI's id.
 * (all of them while the KPI has no id yet).
 * -1 (unknown) when the KPI has no baseline or target, or there is no reading. */
double         edaad_kpi_progress_for_records (EdaadRecord *kpi,
                                               GPtrArray   *readings);

G_END_DECLS
