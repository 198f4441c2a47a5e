/* edaad-sync-message-private.h — strict member access shared by the protocol messages. */
#pragma once

#include <json-glib/json-glib.h>

#include "edaad-sync-message.h"

G_BEGIN_DECLS

/* The guard, then json-glib; the root must be an object.  Every error becomes
 * EDAAD_SYNC_MESSAGE_ERROR_INVALID with a client-safe message. */
JsonObject *edaad_message_parse_object (const char  *data,
                                        gssize       length,
                                        gsize        max_bytes,
                                        GError     **error);

void        edaad_message_invalid      (GError     **error,
                                        const char  *format,
                                        ...) G_GNUC_PRINTF (2, 3);

/* Each getter: a missing key or a JSON null is "absent"; absent and `required` is an error,
 * absent and optional leaves *out untouched and returns TRUE. */
gboolean    edaad_message_get_string   (JsonObject  *object,
                                        const char  *key,
                                        gboolean     required,
                                        glong        max_chars,
                                        const char **out,
                                        GError     **error);
gboolean    edaad_message_get_uuid     (JsonObject  *object,
                                        const char  *key,
                                        gboolean     required,
                                        const char **out,
                                        GError     **error);
gboolean    edaad_message_get_int      (JsonObject  *object,
                                        const char  *key,
                                        gboolean     required,
                                        gint64       min,
                                        gint64       max,
                                        gint64      *out,
                                        GError     **error);
gboolean    edaad_message_get_bool     (JsonObject  *object,
                                        const char  *key,
                                        gboolean     required,
                                        gboolean    *out,
                                        GError     **error);
gboolean    edaad_message_get_array    (JsonObject  *object,
                                        const char  *key,
                                        gboolean     required,
                                        guint        max_length,
                                        JsonArray  **out,
                                        GError     **error);
gboolean    edaad_message_get_object   (JsonObject  *object,
                                        const char  *key,
                                        gboolean     required,
                                        guint        max_members,
                                        JsonObject **out,
                                        GError     **error);

/* A JSON node for `object` serialised with edaad_json_to_string(). */
char       *edaad_message_object_to_string (JsonObject *object);

G_END_DECLS
