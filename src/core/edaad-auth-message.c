/* edaad-auth-message.c — hello, login, refresh and error bodies of the sync protocol. */
#define G_LOG_DOMAIN "edaad-auth-message"

#include "config.h"

#include "edaad-auth-message.h"

#include "edaad-sync-message-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#define MAX_NAME_CHARS 500
#define MAX_CODE_CHARS 64

static gboolean
not_blank (const char  *key,
           const char  *text,
           GError     **error)
{
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return TRUE;
  /* Translators: %s is a JSON key, e.g. “username” */
  edaad_message_invalid (error, _("“%s” must not be empty"), key);
  return FALSE;
}

static gboolean
get_token (JsonObject  *object,
           const char  *key,
           const char **out,
           GError     **error)
{
  const char *token = NULL;

  if (!edaad_message_get_string (object, key, TRUE, EDAAD_AUTH_MAX_TOKEN_BYTES, &token, error))
    return FALSE;
  if (*token == '\0' || strlen (token) > EDAAD_AUTH_MAX_TOKEN_BYTES)
    {
      edaad_message_invalid (error, _("“%s” is not a valid token"), key);
      return FALSE;
    }
  for (const char *p = token; *p != '\0'; p++)
    if (*p <= ' ' || *p > '~')
      {
        edaad_message_invalid (error, _("“%s” is not a valid token"), key);
        return FALSE;
      }
  *out = token;
  return TRUE;
}

/* ---- hello ---- */

EdaadHelloAnswer *
edaad_hello_answer_parse (const char  *data,
                          gssize       length,
                          GError     **error)
{
  g_autoptr(JsonObject) object = edaad_message_parse_object (data, length, EDAAD_AUTH_MAX_BODY_BYTES, error);
  g_autoptr(EdaadHelloAnswer) hello = NULL;
  const char *version;

  if (object == NULL)
    return NULL;
  hello = g_new0 (EdaadHelloAnswer, 1);
  if (!edaad_message_get_int (object, "protocol_min", TRUE, 1, G_MAXINT32, &hello->protocol_min, error) ||
      !edaad_message_get_int (object, "protocol_max", TRUE, 1, G_MAXINT32, &hello->protocol_max, error) ||
      !edaad_message_get_string (object, "server_version", TRUE, MAX_CODE_CHARS, &version, error))
    return NULL;
  if (hello->protocol_max < hello->protocol_min)
    {
      edaad_message_invalid (error, "%s", _("“protocol_max” is below “protocol_min”"));
      return NULL;
    }
  hello->server_version = g_strdup (version);
  return g_steal_pointer (&hello);
}

char *
edaad_hello_answer_to_string (const EdaadHelloAnswer *hello)
{
  g_autoptr(JsonObject) object = json_object_new ();

  g_return_val_if_fail (hello != NULL, NULL);
  json_object_set_int_member (object, "protocol_min", hello->protocol_min);
  json_object_set_int_member (object, "protocol_max", hello->protocol_max);
  json_object_set_string_member (object, "server_version", hello->server_version);
  return edaad_message_object_to_string (object);
}

void
edaad_hello_answer_free (EdaadHelloAnswer *hello)
{
  if (hello == NULL)
    return;
  g_free (hello->server_version);
  g_free (hello);
}

/* ---- login ---- */

EdaadLoginRequest *
edaad_login_request_parse (const char  *data,
                           gssize       length,
                           GError     **error)
{
  g_autoptr(JsonObject) object = edaad_message_parse_object (data, length, EDAAD_AUTH_MAX_BODY_BYTES, error);
  g_autoptr(EdaadLoginRequest) login = NULL;
  const char *username, *password, *device_id, *device_name;

  if (object == NULL)
    return NULL;
  if (!edaad_message_get_string (object, "username", TRUE, EDAAD_AUTH_MAX_USERNAME_CHARS, &username, error) ||
      !not_blank ("username", username, error) ||
      !edaad_message_get_string (object, "password", TRUE, EDAAD_AUTH_MAX_PASSWORD_BYTES, &password, error) ||
      !edaad_message_get_uuid (object, "device_id", TRUE, &device_id, error) ||
      !edaad_message_get_string (object, "device_name", TRUE, MAX_NAME_CHARS, &device_name, error) ||
      !not_blank ("device_name", device_name, error))
    return NULL;
  if (*password == '\0' || strlen (password) > EDAAD_AUTH_MAX_PASSWORD_BYTES)
    {
      edaad_message_invalid (error, "%s", _("“password” must be between 1 and 1024 bytes"));
      return NULL;
    }

  login = g_new0 (EdaadLoginRequest, 1);
  login->username = g_strdup (username);
  login->password = g_strdup (password);
  login->device_id = g_strdup (device_id);
  login->device_name = g_strdup (device_name);
  return g_steal_pointer (&login);
}

char *
edaad_login_request_to_string (const EdaadLoginRequest *login)
{
  g_autoptr(JsonObject) object = json_object_new ();

  g_return_val_if_fail (login != NULL, NULL);
  json_object_set_string_member (object, "username", login->username);
  json_object_set_string_member (object, "password", login->password);
  json_object_set_string_member (object, "device_id", login->device_id);
  json_object_set_string_member (object, "device_name", login->device_name);
  return edaad_message_object_to_string (object);
}

void
edaad_login_request_free (EdaadLoginRequest *login)
{
  if (login == NULL)
    return;
  if (login->password != NULL)
    memset (login->password, 0, strlen (login->password));
  g_free (login->username);
  g_free (login->password);
  g_free (login->device_id);
  g_free (login->device_name);
  g_free (login);
}

/* ---- refresh ---- */

EdaadRefreshRequest *
edaad_refresh_request_parse (const char  *data,
                             gssize       length,
                             GError     **error)
{
  g_autoptr(JsonObject) object = edaad_message_parse_object (data, length, EDAAD_AUTH_MAX_BODY_BYTES, error);
  EdaadRefreshRequest *refresh;
  const char *token;

  if (object == NULL || !get_token (object, "refresh_token", &token, error))
    return NULL;
  refresh = g_new0 (EdaadRefreshRequest, 1);
  refresh->refresh_token = g_strdup (token);
  return refresh;
}

char *
edaad_refresh_request_to_string (const EdaadRefreshRequest *refresh)
{
  g_autoptr(JsonObject) object = json_object_new ();

  g_return_val_if_fail (refresh != NULL, NULL);
  json_object_set_string_member (object, "refresh_token", refresh->refresh_token);
  return edaad_message_object_to_string (object);
}

void
edaad_refresh_request_free (EdaadRefreshRequest *refresh)
{
  if (refresh == NULL)
    return;
  g_free (refresh->refresh_token);
  g_free (refresh);
}

/* ---- login / refresh answer ---- */

static void
auth_user_free (EdaadAuthUser *user)
{
  if (user == NULL)
    return;
  g_free (user->id);
  g_free (user->username);
  g_free (user->name);
  g_free (user->role);
  g_free (user);
}

EdaadAuthAnswer *
edaad_auth_answer_new (void)
{
  EdaadAuthAnswer *answer = g_new0 (EdaadAuthAnswer, 1);

  answer->scopes = g_ptr_array_new_with_free_func ((GDestroyNotify) edaad_sync_scope_free);
  return answer;
}

EdaadAuthAnswer *
edaad_auth_answer_parse (const char  *data,
                         gssize       length,
                         gboolean     require_user,
                         GError     **error)
{
  g_autoptr(JsonObject) object = edaad_message_parse_object (data, length, EDAAD_SYNC_MAX_REQUEST_BYTES, error);
  g_autoptr(EdaadAuthAnswer) answer = NULL;
  const char *access_token, *refresh_token;
  JsonObject *user = NULL;
  JsonArray *scopes = NULL;

  if (object == NULL)
    return NULL;
  answer = edaad_auth_answer_new ();
  if (!get_token (object, "access_token", &access_token, error) ||
      !get_token (object, "refresh_token", &refresh_token, error) ||
      !edaad_message_get_int (object, "expires_in", TRUE, 1, G_MAXINT32, &answer->expires_in, error) ||
      !edaad_message_get_object (object, "user", require_user, 16, &user, error) ||
      !edaad_message_get_array (object, "scopes", require_user, EDAAD_SYNC_MAX_SCOPES, &scopes, error))
    return NULL;
  answer->access_token = g_strdup (access_token);
  answer->refresh_token = g_strdup (refresh_token);

  if (user != NULL)
    {
      g_autoptr(GError) local_error = NULL;
      const char *id, *username, *name, *role;

      if (!edaad_message_get_uuid (user, "id", TRUE, &id, &local_error) ||
          !edaad_message_get_string (user, "username", TRUE, EDAAD_AUTH_MAX_USERNAME_CHARS, &username, &local_error) ||
          !edaad_message_get_string (user, "name", TRUE, MAX_NAME_CHARS, &name, &local_error) ||
          !edaad_message_get_string (user, "role", TRUE, MAX_CODE_CHARS, &role, &local_error))
        {
          edaad_message_invalid (error, "user: %s", local_error->message);
          return NULL;
        }
      answer->user = g_new0 (EdaadAuthUser, 1);
      answer->user->id = g_strdup (id);
      answer->user->username = g_strdup (username);
      answer->user->name = g_strdup (name);
      answer->user->role = g_strdup (role);
    }

  if (scopes != NULL)
    {
      GPtrArray *parsed = edaad_sync_scopes_from_json (scopes, error);

      if (parsed == NULL)
        return NULL;
      g_ptr_array_unref (answer->scopes);
      answer->scopes = parsed;
    }

  return g_steal_pointer (&answer);
}

char *
edaad_auth_answer_to_string (const EdaadAuthAnswer *answer)
{
  g_autoptr(JsonObject) object = json_object_new ();

  g_return_val_if_fail (answer != NULL, NULL);
  json_object_set_string_member (object, "access_token", answer->access_token);
  json_object_set_string_member (object, "refresh_token", answer->refresh_token);
  json_object_set_int_member (object, "expires_in", answer->expires_in);
  if (answer->user != NULL)
    {
      JsonObject *user = json_object_new ();

      json_object_set_string_member (user, "id", answer->user->id);
      json_object_set_string_member (user, "username", answer->user->username);
      json_object_set_string_member (user, "name", answer->user->name);
      json_object_set_string_member (user, "role", answer->user->role);
      json_object_set_object_member (object, "user", user);
      json_object_set_array_member (object, "scopes", edaad_sync_scopes_to_json (answer->scopes));
    }
  return edaad_message_object_to_string (object);
}

void
edaad_auth_answer_free (EdaadAuthAnswer *answer)
{
  if (answer == NULL)
    return;
  g_free (answer->access_token);
  g_free (answer->refresh_token);
  g_clear_pointer (&answer->user, auth_user_free);
  g_clear_pointer (&answer->scopes, g_ptr_array_unref);
  g_free (answer);
}

/* ---- error body ---- */

EdaadErrorBody *
edaad_error_body_new (const char *error_code,
                      const char *reason)
{
  EdaadErrorBody *body = g_new0 (EdaadErrorBody, 1);

  body->error = g_strdup (error_code);
  body->reason = g_strdup (reason);
  body->last_seq = -1;
  return body;
}

EdaadErrorBody *
edaad_error_body_parse (const char  *data,
                        gssize       length,
                        GError     **error)
{
  g_autoptr(JsonObject) object = edaad_message_parse_object (data, length, EDAAD_AUTH_MAX_BODY_BYTES, error);
  g_autoptr(EdaadErrorBody) body = NULL;
  const char *code, *reason = NULL;

  if (object == NULL)
    return NULL;
  body = edaad_error_body_new (NULL, NULL);
  if (!edaad_message_get_string (object, "error", TRUE, MAX_CODE_CHARS, &code, error) ||
      !edaad_message_get_string (object, "reason", FALSE, 2000, &reason, error) ||
      !edaad_message_get_int (object, "last_seq", FALSE, 0, G_MAXINT64, &body->last_seq, error))
    return NULL;
  if (*code == '\0' || strspn (code, "abcdefghijklmnopqrstuvwxyz_0123456789") != strlen (code))
    {
      edaad_message_invalid (error, "%s", _("“error” must be a lowercase code"));
      return NULL;
    }
  body->error = g_strdup (code);
  body->reason = g_strdup (reason);
  return g_steal_pointer (&body);
}

char *
edaad_error_body_to_string (const EdaadErrorBody *body)
{
  g_autoptr(JsonObject) object = json_object_new ();

  g_return_val_if_fail (body != NULL && body->error != NULL, NULL);
  json_object_set_string_member (object, "error", body->error);
  if (body->reason != NULL)
    json_object_set_string_member (object, "reason", body->reason);
  if (body->last_seq >= 0)
    json_object_set_int_member (object, "last_seq", body->last_seq);
  return edaad_message_object_to_string (object);
}

void
edaad_error_body_free (EdaadErrorBody *body)
{
  if (body == NULL)
    return;
  g_free (body->error);
  g_free (body->reason);
  g_free (body);
}
