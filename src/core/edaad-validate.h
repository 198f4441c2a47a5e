/* edaad-validate.h — record validation against the schema, with messages for editors. */
#pragma once

#include <glib.h>

#include "edaad-record.h"

G_BEGIN_DECLS

#define EDAAD_VALIDATION_ERROR (edaad_validation_error_quark ())

typedef enum
{
  EDAAD_VALIDATION_ERROR_REQUIRED,  /* a required field (or every field of a one-of group) is unset or blank */
  EDAAD_VALIDATION_ERROR_RANGE,     /* INT/REAL outside [min, max], or a REAL that is not a finite number */
  EDAAD_VALIDATION_ERROR_TOO_LONG,  /* STRING longer than max_len characters */
  EDAAD_VALIDATION_ERROR_BAD_ENUM,  /* ENUM value that is not one of the kind's nicks */
  EDAAD_VALIDATION_ERROR_BAD_DATE,  /* DATE or INSTANT that is malformed, not a real day, or out of range */
  EDAAD_VALIDATION_ERROR_BAD_UUID,  /* UUID field, id or scope that is not canonical UUID text */
  EDAAD_VALIDATION_ERROR_BAD_ORDER, /* cross-field order (start ≤ go-live ≤ due, starts ≤ ends) */
  EDAAD_VALIDATION_ERROR_NUL,       /* text with a NUL character or invalid UTF-8 */
} EdaadValidationError;

GQuark edaad_validation_error_quark (void);

/* One problem, attached to the field an editor should show it next to. */
typedef struct
{
  char                 *field;   /* field name ("id"/"scope" for the record's identity) */
  char                 *message; /* translated, names the field by its translated label */
  EdaadValidationError  code;
} EdaadFieldProblem;

void edaad_field_problem_free (EdaadFieldProblem *problem);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EdaadFieldProblem, edaad_field_problem_free)

/* Checks one field on its own: required, then its type (range for INT/REAL, length in
 * characters, UTF-8 and NUL for STRING, enum membership, date/instant/UUID syntax).
 * One-of groups and cross-field rules are not checked here. */
gboolean   edaad_validate_field  (EdaadRecord  *record,
                                  const char   *field,
                                  GError      **error);

/* Checks the whole record: id and scope when set, every field, every one-of group
 * ("Enter a name in English or in Arabic") and cross-field order.  The error is the
 * first problem edaad_validate_all() would report.  `deleted` is not considered. */
gboolean   edaad_validate_record (EdaadRecord  *record,
                                  GError      **error);

/* Every problem of the record, in order: identity, fields in schema order (at most one
 * each), one-of groups (attached to the group's first field), cross-field rules
 * (attached to the later field).  An empty array means the record is valid.
 * Element type: EdaadFieldProblem, freed with the array. */
GPtrArray *edaad_validate_all    (EdaadRecord  *record);

G_END_DECLS
