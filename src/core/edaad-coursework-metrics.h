/* edaad-coursework-metrics.h — computed values of the Edaad programme coursework.
 *
 * Pure functions over EdaadRecord arrays (GPtrArray of EdaadRecord*, tombstones ignored).
 * Percentages are 0–100; -1 means "unknown" (nothing to compute from).
 */
#pragma once

#include <glib.h>

#include "edaad-record.h"

G_BEGIN_DECLS

/* Attendance of one participant, from their attendance records: present and late count as
 * attended; excused is left out of the denominator (an excused absence neither helps nor
 * hurts); absent counts against.  Modules without an attendance record are not counted (the
 * office has not recorded them yet).  -1 when nothing counts (no records, or all excused). */
double   edaad_attendance_pct           (GPtrArray   *attendance);

/* Weighted average grade, 0–100.  Each graded assignment contributes its best grade's
 * score as a % of the assignment's max_score (unset max_score = 100; max_score 0 skips
 * the assignment), weighted by its `weight` (unset = 1; 0 counts for nothing).  A grade
 * belongs to an assignment through its submission.  -1 when no assignment counts. */
double   edaad_average_grade            (GPtrArray   *assignments,
                                         GPtrArray   *submissions,
                                         GPtrArray   *grades);

/* Plan statuses that count as "ready to implement": approved, implementing, sustaining,
 * closed. */
gboolean edaad_plan_status_is_ready     (const char  *status);

/* Plans counted toward an edition's target ("ready plans: 7 of 10"): plans whose status is
 * ready, that belong to `edition` (edition_id equals its id; with `edition` NULL every plan
 * counts).  The capstone flag is not required: every ready plan of the cohort counts.
 * `target` receives the edition's expected_plans (unset = 10; 10 when `edition` is NULL). */
guint    edaad_ready_plans_count        (EdaadRecord *edition,
                                         GPtrArray   *plans,
                                         guint       *target);

typedef struct
{
  /* the participant's records; any may be empty, none may be NULL */
  EdaadRecord *edition;     /* min_attendance_pct, min_average_grade (unset = no minimum) */
  GPtrArray   *attendance;
  GPtrArray   *assignments; /* the edition's assignments */
  GPtrArray   *submissions;
  GPtrArray   *grades;
  GPtrArray   *plans;       /* the participant's plans (for the capstone rule) */
} EdaadCoursework;

typedef struct
{
  gboolean   eligible;          /* TRUE exactly when reasons is empty */
  double     attendance_pct;    /* -1 unknown */
  double     average_grade;     /* -1 unknown */
  GPtrArray *reasons;           /* translated blocking reasons (char *), in the order:
                                 * attendance, average grade, each mandatory assignment
                                 * (schema order of the array), capstone plan */
} EdaadCertificateStatus;

/* Certificate eligibility and what stands in the way:
 * - attendance below min_attendance_pct (unknown attendance blocks when a minimum is set);
 * - average grade below min_average_grade (unknown blocks when a minimum is set);
 * - a mandatory assignment (mandatory unset = true) without a grade: not submitted,
 *   returned for rework, or waiting for a grade;
 * - no capstone plan (capstone = true) whose status is ready (see edaad_plan_status_is_ready). */
EdaadCertificateStatus *edaad_certificate_status_compute (const EdaadCoursework  *coursework);
void                    edaad_certificate_status_free    (EdaadCertificateStatus *status);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdaadCertificateStatus, edaad_certificate_status_free)

G_END_DECLS
