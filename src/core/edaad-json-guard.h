/* edaad-json-guard.h — strict, bounded JSON parsing in front of json-glib.
 *
 * json-glib 1.6 has no strict mode: it keeps the last of duplicate keys, cuts strings at
 * "\u0000", wraps integers beyond 64 bits (2^63 becomes -2^63), turns 1e400 into infinity,
 * accepts comments, single quotes, hexadecimal and leading-zero numbers, ignores text after
 * the first document, reads an empty text as a NULL root, and recurses once per nesting level
 * (a deep "[[[[…" crashes it).  edaad_json_check() is a single-pass, iterative, linear-time
 * scanner that accepts only strict RFC 8259 JSON within the given limits; edaad_json_parse()
 * runs it before json-glib.  Error messages are safe to show to a user or to send back to a
 * client: they name a byte offset and the rule broken, nothing internal.
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define EDAAD_JSON_ERROR (edaad_json_error_quark ())

typedef enum
{
  EDAAD_JSON_ERROR_SYNTAX,        /* not strict RFC 8259 JSON */
  EDAAD_JSON_ERROR_TOO_DEEP,      /* arrays/objects nested deeper than max_depth */
  EDAAD_JSON_ERROR_DUPLICATE_KEY, /* the same key twice in one object (after unescaping) */
  EDAAD_JSON_ERROR_NUL,           /* a raw NUL byte or a "\u0000" escape */
  EDAAD_JSON_ERROR_NUMBER_RANGE,  /* an integer outside gint64, or a number that is not finite */
  EDAAD_JSON_ERROR_TOO_LARGE,     /* the text over max_bytes, or one string over max_string_bytes */
  EDAAD_JSON_ERROR_NOT_UTF8,      /* the text is not valid UTF-8 */
} EdaadJsonError;

#define EDAAD_JSON_DEFAULT_MAX_BYTES (8 * 1024 * 1024)
#define EDAAD_JSON_DEFAULT_MAX_DEPTH 16
/* json-glib recurses once per level: deeper limits are lowered to this. */
#define EDAAD_JSON_MAX_DEPTH_CEILING 512
#define EDAAD_JSON_DEFAULT_MAX_STRING_BYTES (64 * 1024)

/* A zero member means its default; a NULL EdaadJsonLimits means all defaults. */
typedef struct
{
  gsize max_bytes;        /* whole text, in bytes (default 8 MiB) */
  guint max_depth;        /* nesting of arrays and objects; a scalar is depth 0 (default 16) */
  gsize max_string_bytes; /* each string and key, in bytes once unescaped (default 64 KiB) */
} EdaadJsonLimits;

GQuark    edaad_json_error_quark (void);

/* Checks `data` (`length` bytes, or NUL-terminated when `length` is negative) against the
 * strict grammar and the limits.  Exactly one value, surrounded by optional whitespace. */
gboolean  edaad_json_check       (const char            *data,
                                  gssize                 length,
                                  const EdaadJsonLimits *limits,
                                  GError               **error);

/* edaad_json_check() and then json-glib: a new root node (a JSON_NODE_NULL node for the text
 * "null"), or NULL with `error` set. */
JsonNode *edaad_json_parse       (const char            *data,
                                  gssize                 length,
                                  const EdaadJsonLimits *limits,
                                  GError               **error);

G_END_DECLS
