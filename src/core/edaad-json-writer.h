/* edaad-json-writer.h — JSON text that strict readers (ours included) accept.
 *
 * json-glib 1.6's generator appends ".0" to every double printed without a decimal point,
 * so 1e-300 comes out as "1e-300.0", which is not JSON.  Serialise with this instead of
 * json_to_string() or JsonGenerator whenever a tree may hold doubles.
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Compact text for `node`: object members in insertion order, doubles in their shortest
 * round-tripping form (always with a "." or an exponent, so they read back as doubles),
 * non-finite doubles as null, control characters escaped, other UTF-8 left as is. */
char *edaad_json_to_string (JsonNode *node);

/* Appends the text for `node` to `out`. */
void  edaad_json_append    (GString  *out,
                            JsonNode *node);

G_END_DECLS
