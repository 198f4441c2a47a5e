/* edaad-auth.c — argon2id passwords, hashed random tokens, rotating refresh tokens with
 * family revocation, and a login rate limit kept in PostgreSQL. */
#define G_LOG_DOMAIN "edaad-auth"

#include "config.h"

#include "edaad-auth.h"

#include "edaad-auth-message.h"
#include "edaad-uuid.h"

#include <argon2.h>
#include <errno.h>
#include <glib/gi18n-lib.h>
#include <string.h>
#include <sys/random.h>

/* OWASP's argon2id recommendation: 19 MiB, 2 passes, 1 lane. */
#define ARGON2_T_COST 2
#define ARGON2_M_COST (19 * 1024)
#define ARGON2_LANES 1
#define ARGON2_SALT_BYTES 16
#define ARGON2_HASH_BYTES 32
#define TOKEN_BYTES 32

/* Columns of a person, as read into an EdaadSession by session_from_row(). */
#define PERSON_COLUMNS \
  "p.id, p.username, p.name, p.role, p.scope_id, " \
  "(SELECT m.scope_id FROM membership m WHERE m.person_id = p.id ORDER BY m.scope_id LIMIT 1), " \
  "p.disabled"
#define PERSON_N_COLUMNS 7

/* A valid hash of a password nobody has, verified when the username is unknown so that
 * both answers take as long. */
static gpointer
make_dummy_hash (gpointer data)
{
  return edaad_auth_hash_password ("edaad-no-such-user", NULL);
}

static void
random_bytes (guint8 *buffer,
              gsize   length)
{
  gsize done = 0;

  while (done < length)
    {
      ssize_t n = getrandom (buffer + done, length - done, 0);
      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          g_error ("getrandom() failed: %s", g_strerror (errno));
        }
      done += (gsize) n;
    }
}

char *
edaad_auth_hash_password (const char  *password,
                          GError     **error)
{
  guint8 salt[ARGON2_SALT_BYTES];
  gsize length;
  g_autofree char *encoded = NULL;
  int rc;

  g_return_val_if_fail (password != NULL, NULL);

  random_bytes (salt, sizeof salt);
  length = argon2_encodedlen (ARGON2_T_COST, ARGON2_M_COST, ARGON2_LANES,
                              sizeof salt, ARGON2_HASH_BYTES, Argon2_id);
  encoded = g_malloc0 (length);
  rc = argon2id_hash_encoded (ARGON2_T_COST, ARGON2_M_COST, ARGON2_LANES,
                              password, strlen (password), salt, sizeof salt,
                              ARGON2_HASH_BYTES, encoded, length);
  if (rc != ARGON2_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Cannot hash the password: %s"), argon2_error_message (rc));
      return NULL;
    }
  return g_steal_pointer (&encoded);
}

gboolean
edaad_auth_verify_password (const char *encoded,
                            const char *password)
{
  g_return_val_if_fail (password != NULL, FALSE);

  if (encoded == NULL || !g_str_has_prefix (encoded, "$argon2id$"))
    return FALSE;
  return argon2id_verify (encoded, password, strlen (password)) == ARGON2_OK;
}

char *
edaad_auth_new_token (void)
{
  guint8 bytes[TOKEN_BYTES];
  g_autofree char *base64 = NULL;

  random_bytes (bytes, sizeof bytes);
  base64 = g_base64_encode (bytes, sizeof bytes);
  g_strdelimit (base64, "+", '-');
  g_strdelimit (base64, "/", '_');
  *strchr (base64, '=') = '\0';
  return g_steal_pointer (&base64);
}

char *
edaad_auth_token_hash (const char *token)
{
  g_return_val_if_fail (token != NULL, NULL);
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, token, -1);
}

static EdaadSession *
session_from_row (const PGresult *result,
                  int             row,
                  int             first)
{
  EdaadSession *session = g_new0 (EdaadSession, 1);

  session->person_id = g_strdup (edaad_pg_value (result, row, first));
  session->username = g_strdup (edaad_pg_value (result, row, first + 1));
  session->name = g_strdup (edaad_pg_value (result, row, first + 2));
  session->role = g_strdup (edaad_pg_value (result, row, first + 3));
  session->office = g_strcmp0 (session->role, "programme_office") == 0;
  session->person_scope = g_strdup (edaad_pg_value (result, row, first + 4));
  session->institution_scope = g_strdup (edaad_pg_value (result, row, first + 5));
  return session;
}

static const char *
body_data (EdaadServerRequest *req,
           gsize              *size)
{
  const char *data = req->body != NULL ? g_bytes_get_data (req->body, size) : NULL;

  if (data == NULL)
    {
      *size = 0;
      return "";
    }
  return data;
}

/* ---- sessions ---- */

typedef struct
{
  char *access_token;
  char *refresh_token;
} TokenPair;

static void
token_pair_clear (TokenPair *pair)
{
  g_clear_pointer (&pair->access_token, g_free);
  g_clear_pointer (&pair->refresh_token, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TokenPair, token_pair_clear)

static gboolean
issue_tokens (const EdaadServerConfig  *config,
              EdaadPg                  *pg,
              const char               *person_id,
              const char               *device_id,
              const char               *family,
              TokenPair                *pair,
              GError                  **error)
{
  g_autofree char *access_hash = NULL;
  g_autofree char *refresh_hash = NULL;
  g_autofree char *new_family = NULL;
  g_autofree char *access_ttl = g_strdup_printf ("%" G_GINT64_FORMAT, config->access_ttl);
  g_autofree char *refresh_ttl = g_strdup_printf ("%" G_GINT64_FORMAT, config->refresh_ttl);
  const char *params[7];

  pair->access_token = edaad_auth_new_token ();
  pair->refresh_token = edaad_auth_new_token ();
  access_hash = edaad_auth_token_hash (pair->access_token);
  refresh_hash = edaad_auth_token_hash (pair->refresh_token);
  if (family == NULL)
    family = new_family = edaad_uuid_new ();

  params[0] = family;
  params[1] = person_id;
  params[2] = device_id;
  params[3] = access_hash;
  params[4] = refresh_hash;
  params[5] = access_ttl;
  params[6] = refresh_ttl;
  return edaad_pg_run (pg, "INSERT INTO session (family, person_id, device_id, access_hash, refresh_hash, "
                           "access_expires_at, refresh_expires_at) VALUES ($1::uuid, $2::uuid, $3::uuid, $4, $5, "
                           "now () + make_interval (secs => $6::bigint), "
                           "now () + make_interval (secs => $7::bigint))",
                       7, params, error);
}

/* {access_token, refresh_token, expires_in, user:{id, username, name, role}, scopes:[…]} */
static gboolean
reply_tokens (const EdaadServerConfig *config,
              EdaadPg                 *pg,
              EdaadServerRequest      *req,
              const EdaadSession      *session,
              const TokenPair         *pair)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) scopes = edaad_access_list_scopes (pg, session, NULL, NULL, &error);
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *user;

  if (scopes == NULL)
    {
      g_warning ("Cannot list scopes: %s", error->message);
      edaad_server_request_unavailable (req);
      return FALSE;
    }

  object = json_object_new ();
  json_object_set_string_member (object, "access_token", pair->access_token);
  json_object_set_string_member (object, "refresh_token", pair->refresh_token);
  json_object_set_int_member (object, "expires_in", config->access_ttl);
  user = json_object_new ();
  json_object_set_string_member (user, "id", session->person_id);
  json_object_set_string_member (user, "username", session->username);
  json_object_set_string_member (user, "name", session->name);
  json_object_set_string_member (user, "role", session->role);
  json_object_set_object_member (object, "user", user);
  json_object_set_member (object, "scopes", edaad_access_scopes_to_json (scopes));
  node = json_node_init_object (json_node_alloc (), object);
  edaad_server_request_reply (req, 200, node);
  g_free (req->user_id);
  req->user_id = g_strdup (session->person_id);
  return TRUE;
}

EdaadSession *
edaad_auth_authenticate (EdaadPg            *pg,
                         EdaadServerRequest *req)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) result = NULL;
  g_autofree char *hash = NULL;
  const char *token;
  const char *params[1];
  EdaadSession *session;

  g_return_val_if_fail (req != NULL, NULL);

  if (req->authorization == NULL ||
      g_ascii_strncasecmp (req->authorization, "Bearer ", 7) != 0)
    {
      edaad_server_request_error (req, 401, "token_invalid", "A bearer token is required");
      return NULL;
    }
  token = req->authorization + 7;
  while (*token == ' ')
    token++;
  if (*token == '\0' || strlen (token) > 256)
    {
      edaad_server_request_error (req, 401, "token_invalid", "The token is not valid");
      return NULL;
    }

  hash = edaad_auth_token_hash (token);
  params[0] = hash;
  result = edaad_pg_query (pg, "SELECT s.revoked, s.access_expires_at > now (), s.family, s.device_id, "
                               PERSON_COLUMNS " FROM session s JOIN person p ON p.id = s.person_id "
                               "WHERE s.access_hash = $1", 1, params, &error);
  if (result == NULL)
    {
      g_warning ("Cannot check a token: %s", error->message);
      edaad_server_request_unavailable (req);
      return NULL;
    }
  if (PQntuples (result) == 0 || edaad_pg_value_bool (result, 0, 0) ||
      edaad_pg_value_bool (result, 0, 4 + PERSON_N_COLUMNS - 1))
    {
      edaad_server_request_error (req, 401, "token_invalid", "The token is not valid");
      return NULL;
    }
  if (!edaad_pg_value_bool (result, 0, 1))
    {
      edaad_server_request_error (req, 401, "token_expired", "The access token has expired");
      return NULL;
    }

  session = session_from_row (result, 0, 4);
  session->family = g_strdup (edaad_pg_value (result, 0, 2));
  session->device_id = g_strdup (edaad_pg_value (result, 0, 3));
  g_free (req->user_id);
  req->user_id = g_strdup (session->person_id);
  return session;
}

/* Answers 429 and returns FALSE when `column` = `value` has had `limit` failed sign-ins
 * within the window. */
static gboolean
check_rate (const EdaadServerConfig *config,
            EdaadPg                 *pg,
            EdaadServerRequest      *req,
            const char              *column_sql,
            const char              *value,
            guint                    limit,
            gboolean                *ok)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) result = NULL;
  g_autofree char *window = g_strdup_printf ("%u", config->login_window);
  g_autofree char *offset = g_strdup_printf ("%u", limit - 1);
  const char *params[] = { value, window, offset };

  /* The limit-th most recent failure: once it leaves the window, one more attempt is allowed. */
  result = edaad_pg_query (pg, column_sql, 3, params, &error);
  if (result == NULL)
    {
      g_warning ("Cannot check the sign-in rate: %s", error->message);
      edaad_server_request_unavailable (req);
      return FALSE;
    }
  *ok = PQntuples (result) == 0;
  if (!*ok)
    {
      gint64 wait = MAX (1, edaad_pg_value_int (result, 0, 0));
      edaad_server_request_error (req, 429, "rate_limited",
                                  "Too many failed sign-ins; try again later");
      req->retry_after = (guint) MIN (wait, (gint64) config->login_window);
    }
  return TRUE;
}

#define RATE_SQL(column) \
  "SELECT ceil (extract (epoch FROM at + make_interval (secs => $2::int) - now ()))::bigint " \
  "FROM login_attempt WHERE " column " = $1 AND at > now () - make_interval (secs => $2::int) " \
  "ORDER BY at DESC OFFSET $3::int LIMIT 1"

void
edaad_auth_handle_login (const EdaadServerConfig *config,
                         EdaadPg                 *pg,
                         EdaadServerRequest      *req)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EdaadLoginRequest) login = NULL;
  g_autoptr(PGresult) person = NULL;
  g_autoptr(EdaadSession) session = NULL;
  g_auto(TokenPair) pair = { NULL, NULL };
  g_autofree char *device_id = NULL;
  const char *username, *password, *device_name;
  const char *hash = NULL;
  gboolean allowed = TRUE;
  gboolean verified;
  gsize size;
  const char *data = body_data (req, &size);

  login = edaad_login_request_parse (data, (gssize) size, &error);
  if (login == NULL)
    {
      edaad_server_request_error (req, 400, "invalid", error->message);
      return;
    }
  username = login->username;
  password = login->password;
  device_id = g_ascii_strdown (login->device_id, -1);
  device_name = login->device_name;

  if (!check_rate (config, pg, req, RATE_SQL ("username"), username,
                   config->login_limit_account, &allowed) || !allowed)
    return;
  if (!check_rate (config, pg, req, RATE_SQL ("address"), req->remote_address,
                   config->login_limit_address, &allowed) || !allowed)
    return;

  {
    const char *params[] = { username };
    person = edaad_pg_query (pg, "SELECT p.password_hash, " PERSON_COLUMNS
                                 " FROM person p WHERE p.username = $1", 1, params, &error);
  }
  if (person == NULL)
    {
      g_warning ("Cannot look up a user: %s", error->message);
      edaad_server_request_unavailable (req);
      return;
    }

  if (PQntuples (person) == 1)
    hash = edaad_pg_value (person, 0, 0);
  else
    {
      static GOnce dummy_once = G_ONCE_INIT;
      hash = g_once (&dummy_once, make_dummy_hash, NULL);
    }
  verified = edaad_auth_verify_password (hash, password) && PQntuples (person) == 1 &&
             !edaad_pg_value_bool (person, 0, PERSON_N_COLUMNS);

  if (!verified)
    {
      const char *params[] = { username, req->remote_address };
      if (!edaad_pg_run (pg, "INSERT INTO login_attempt (username, address) VALUES ($1, $2)",
                         2, params, &error))
        {
          g_warning ("Cannot record a failed sign-in: %s", error->message);
          edaad_server_request_unavailable (req);
          return;
        }
      edaad_server_request_error (req, 401, "invalid_credentials",
                                  "The username or password is not correct");
      return;
    }

  session = session_from_row (person, 0, 1);
  {
    const char *params[] = { session->person_id, device_id, device_name != NULL ? device_name : "", username };
    if (!edaad_pg_begin (pg, &error) ||
        !edaad_pg_run (pg, "DELETE FROM login_attempt WHERE username = $1", 1, params + 3, &error) ||
        !edaad_pg_run (pg, "INSERT INTO device (person_id, id, name) VALUES ($1::uuid, $2::uuid, $3) "
                           "ON CONFLICT (person_id, id) DO UPDATE SET name = EXCLUDED.name, last_seen_at = now ()",
                       3, params, &error) ||
        !issue_tokens (config, pg, session->person_id, device_id, NULL, &pair, &error) ||
        !edaad_pg_commit (pg, &error))
      {
        g_warning ("Cannot open a session: %s", error->message);
        edaad_pg_rollback (pg);
        edaad_server_request_unavailable (req);
        return;
      }
  }
  reply_tokens (config, pg, req, session, &pair);
}

void
edaad_auth_handle_refresh (const EdaadServerConfig *config,
                           EdaadPg                 *pg,
                           EdaadServerRequest      *req)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EdaadRefreshRequest) refresh = NULL;
  g_autoptr(PGresult) result = NULL;
  g_autoptr(EdaadSession) session = NULL;
  g_auto(TokenPair) pair = { NULL, NULL };
  g_autofree char *hash = NULL;
  const char *params[1];
  const char *row_id, *family;
  gsize size;
  const char *data = body_data (req, &size);

  refresh = edaad_refresh_request_parse (data, (gssize) size, &error);
  if (refresh == NULL)
    {
      edaad_server_request_error (req, 400, "invalid", error->message);
      return;
    }

  hash = edaad_auth_token_hash (refresh->refresh_token);
  params[0] = hash;
  if (!edaad_pg_begin (pg, &error))
    goto unavailable;
  result = edaad_pg_query (pg, "SELECT s.id, s.family, s.device_id, s.rotated, s.revoked, "
                               "s.refresh_expires_at > now (), " PERSON_COLUMNS
                               " FROM session s JOIN person p ON p.id = s.person_id "
                               "WHERE s.refresh_hash = $1 FOR UPDATE OF s", 1, params, &error);
  if (result == NULL)
    goto unavailable;

  if (PQntuples (result) == 0 || edaad_pg_value_bool (result, 0, 4) ||
      edaad_pg_value_bool (result, 0, 6 + PERSON_N_COLUMNS - 1))
    {
      edaad_pg_rollback (pg);
      edaad_server_request_error (req, 401, "token_invalid", "The refresh token is not valid");
      return;
    }
  row_id = edaad_pg_value (result, 0, 0);
  family = edaad_pg_value (result, 0, 1);

  if (edaad_pg_value_bool (result, 0, 3))
    {
      /* A refresh token used twice: someone holds a copy.  Revoke the whole family. */
      const char *revoke_params[] = { family };
      if (!edaad_pg_run (pg, "UPDATE session SET revoked = true WHERE family = $1::uuid",
                         1, revoke_params, &error) ||
          !edaad_pg_commit (pg, &error))
        goto unavailable;
      g_message ("Refresh token reused: revoked its session family");
      edaad_server_request_error (req, 401, "token_invalid", "The refresh token is not valid");
      return;
    }
  if (!edaad_pg_value_bool (result, 0, 5))
    {
      edaad_pg_rollback (pg);
      edaad_server_request_error (req, 401, "token_expired", "The refresh token has expired");
      return;
    }

  session = session_from_row (result, 0, 6);
  {
    const char *rotate_params[] = { row_id };
    if (!edaad_pg_run (pg, "UPDATE session SET rotated = true, "
                           "access_expires_at = least (access_expires_at, now ()) WHERE id = $1::bigint",
                       1, rotate_params, &error) ||
        !issue_tokens (config, pg, session->person_id, edaad_pg_value (result, 0, 2), family, &pair, &error) ||
        !edaad_pg_commit (pg, &error))
      goto unavailable;
  }
  reply_tokens (config, pg, req, session, &pair);
  return;

unavailable:
  g_warning ("Cannot refresh a session: %s", error->message);
  edaad_pg_rollback (pg);
  edaad_server_request_unavailable (req);
}

void
edaad_auth_handle_logout (const EdaadServerConfig *config,
                          EdaadPg                 *pg,
                          EdaadServerRequest      *req)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EdaadSession) session = edaad_auth_authenticate (pg, req);
  const char *params[1];

  if (session == NULL)
    return;
  params[0] = session->family;
  if (!edaad_pg_run (pg, "UPDATE session SET revoked = true WHERE family = $1::uuid", 1, params, &error))
    {
      g_warning ("Cannot revoke a session: %s", error->message);
      edaad_server_request_unavailable (req);
      return;
    }
  edaad_server_request_reply (req, 204, NULL);
}
