/* edaad-json-guard.c — the strict JSON scanner that runs before json-glib. */
#define G_LOG_DOMAIN "edaad-json-guard"

#include "config.h"

#include "edaad-json-guard.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

G_DEFINE_QUARK (edaad-json-error-quark, edaad_json_error)

typedef enum
{
  STATE_VALUE,              /* a value must come */
  STATE_VALUE_OR_CLOSE,     /* just after '[' */
  STATE_KEY,                /* after ',' in an object */
  STATE_KEY_OR_CLOSE,       /* just after '{' */
  STATE_COLON,              /* after a key */
  STATE_COMMA_OR_CLOSE,     /* after a value inside a container */
  STATE_END,                /* the document is complete */
} State;

typedef struct
{
  gboolean is_object;
  guint first_key;          /* index in Scanner.keys of this object's first key */
  gsize key_bytes_start;    /* length of Scanner.key_bytes when the object opened */
} Frame;

typedef struct
{
  gsize offset;             /* into Scanner.key_bytes */
  gsize len;
  const char *ptr;          /* filled in just before sorting */
} KeyRef;

typedef struct
{
  const guchar *data;
  gsize len;
  gsize pos;
  guint max_depth;
  gsize max_string_bytes;
  GArray *stack;            /* of Frame */
  GArray *keys;             /* of KeyRef, the keys of every open object */
  GString *key_bytes;       /* their unescaped bytes, back to back */
} Scanner;

static void
resolve_limits (const EdaadJsonLimits *limits,
                EdaadJsonLimits       *out)
{
  out->max_bytes = limits != NULL && limits->max_bytes > 0 ? limits->max_bytes : EDAAD_JSON_DEFAULT_MAX_BYTES;
  out->max_depth = limits != NULL && limits->max_depth > 0 ? limits->max_depth : EDAAD_JSON_DEFAULT_MAX_DEPTH;
  out->max_depth = MIN (out->max_depth, EDAAD_JSON_MAX_DEPTH_CEILING);
  out->max_string_bytes = limits != NULL && limits->max_string_bytes > 0
                            ? limits->max_string_bytes : EDAAD_JSON_DEFAULT_MAX_STRING_BYTES;
}

static gboolean
syntax_error (Scanner     *s,
              const char  *what,
              GError     **error)
{
  g_set_error (error, EDAAD_JSON_ERROR, EDAAD_JSON_ERROR_SYNTAX,
               /* Translators: the first placeholder is a byte offset, the second says what is wrong */
               _("Invalid JSON at byte %lu: %s"), (gulong) s->pos, what);
  return FALSE;
}

static inline gboolean
is_ws (guchar c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static inline void
skip_ws (Scanner *s)
{
  while (s->pos < s->len && is_ws (s->data[s->pos]))
    s->pos++;
}

static int
hex_value (guchar c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* Reads the four hex digits after "\u" at s->pos. */
static gboolean
read_hex4 (Scanner  *s,
           gunichar *out)
{
  gunichar v = 0;

  if (s->len - s->pos < 4)
    return FALSE;
  for (guint i = 0; i < 4; i++)
    {
      int h = hex_value (s->data[s->pos + i]);
      if (h < 0)
        return FALSE;
      v = (v << 4) | (gunichar) h;
    }
  s->pos += 4;
  *out = v;
  return TRUE;
}

/* Scans the string starting at the '"' at s->pos; appends its unescaped bytes to `out`
 * when not NULL.  The whole text is already known to be valid UTF-8 without NUL bytes. */
static gboolean
scan_string (Scanner  *s,
             GString  *out,
             GError  **error)
{
  gsize start = s->pos;
  gsize decoded = 0;

  g_assert (s->data[s->pos] == '"');
  s->pos++;

  for (;;)
    {
      guchar c;

      if (s->pos >= s->len)
        {
          s->pos = start;
          return syntax_error (s, _("unterminated string"), error);
        }

      c = s->data[s->pos];
      if (c == '"')
        {
          s->pos++;
          break;
        }
      else if (c < 0x20)
        {
          return syntax_error (s, _("control characters in strings must be escaped"), error);
        }
      else if (c == '\\')
        {
          gsize escape_at = s->pos;
          guchar e;

          s->pos++;
          if (s->pos >= s->len)
            {
              s->pos = escape_at;
              return syntax_error (s, _("unterminated string"), error);
            }
          e = s->data[s->pos++];
          if (e == 'u')
            {
              gunichar cp;
              char utf8[6];
              int n;

              if (!read_hex4 (s, &cp))
                {
                  s->pos = escape_at;
                  return syntax_error (s, _("“\\u” must be followed by four hexadecimal digits"), error);
                }
              if (cp == 0)
                {
                  g_set_error (error, EDAAD_JSON_ERROR, EDAAD_JSON_ERROR_NUL,
                               _("JSON text contains a NUL character (“\\u0000”) at byte %lu"),
                               (gulong) escape_at);
                  return FALSE;
                }
              if (cp >= 0xDC00 && cp <= 0xDFFF)
                {
                  s->pos = escape_at;
                  return syntax_error (s, _("unpaired surrogate escape"), error);
                }
              if (cp >= 0xD800 && cp <= 0xDBFF)
                {
                  gunichar low;

                  if (s->len - s->pos < 2 || s->data[s->pos] != '\\' || s->data[s->pos + 1] != 'u')
                    {
                      s->pos = escape_at;
                      return syntax_error (s, _("unpaired surrogate escape"), error);
                    }
                  s->pos += 2;
                  if (!read_hex4 (s, &low) || low < 0xDC00 || low > 0xDFFF)
                    {
                      s->pos = escape_at;
                      return syntax_error (s, _("unpaired surrogate escape"), error);
                    }
                  cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                }
              n = g_unichar_to_utf8 (cp, utf8);
              decoded += (gsize) n;
              if (out != NULL)
                g_string_append_len (out, utf8, n);
            }
          else
            {
              char plain;

              switch (e)
                {
                case '"': plain = '"'; break;
                case '\\': plain = '\\'; break;
                case '/': plain = '/'; break;
                case 'b': plain = '\b'; break;
                case 'f': plain = '\f'; break;
                case 'n': plain = '\n'; break;
                case 'r': plain = '\r'; break;
                case 't': plain = '\t'; break;
                default:
                  s->pos = escape_at;
                  return syntax_error (s, _("unknown escape sequence"), error);
                }
              decoded++;
              if (out != NULL)
                g_string_append_c (out, plain);
            }
        }
      else
        {
          /* A run of plain bytes. */
          gsize run = s->pos;

          while (run < s->len && s->data[run] >= 0x20 && s->data[run] != '"' && s->data[run] != '\\')
            run++;
          decoded += run - s->pos;
          if (out != NULL)
            g_string_append_len (out, (const char *) s->data + s->pos, (gssize) (run - s->pos));
          s->pos = run;
        }

      if (decoded > s->max_string_bytes)
        {
          g_set_error (error, EDAAD_JSON_ERROR, EDAAD_JSON_ERROR_TOO_LARGE,
                       _("The string at byte %lu is longer than %lu bytes"),
                       (gulong) start, (gulong) s->max_string_bytes);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
scan_number (Scanner  *s,
             GError  **error)
{
  static const char int64_max[] = "9223372036854775807";
  static const char int64_min_digits[] = "9223372036854775808";
  gsize start = s->pos;
  gsize digits_start, digits_len;
  gboolean negative = FALSE;
  gboolean integral = TRUE;

  if (s->data[s->pos] == '-')
    {
      negative = TRUE;
      s->pos++;
    }

  digits_start = s->pos;
  if (s->pos >= s->len || !g_ascii_isdigit (s->data[s->pos]))
    return syntax_error (s, _("a digit must follow “-”"), error);
  if (s->data[s->pos] == '0')
    {
      s->pos++;
      if (s->pos < s->len && g_ascii_isdigit (s->data[s->pos]))
        return syntax_error (s, _("numbers must not have leading zeros"), error);
    }
  else
    {
      while (s->pos < s->len && g_ascii_isdigit (s->data[s->pos]))
        s->pos++;
    }
  digits_len = s->pos - digits_start;

  if (s->pos < s->len && s->data[s->pos] == '.')
    {
      integral = FALSE;
      s->pos++;
      if (s->pos >= s->len || !g_ascii_isdigit (s->data[s->pos]))
        return syntax_error (s, _("a digit must follow the decimal point"), error);
      while (s->pos < s->len && g_ascii_isdigit (s->data[s->pos]))
        s->pos++;
    }

  if (s->pos < s->len && (s->data[s->pos] == 'e' || s->data[s->pos] == 'E'))
    {
      integral = FALSE;
      s->pos++;
      if (s->pos < s->len && (s->data[s->pos] == '+' || s->data[s->pos] == '-'))
        s->pos++;
      if (s->pos >= s->len || !g_ascii_isdigit (s->data[s->pos]))
        return syntax_error (s, _("a digit must follow the exponent mark"), error);
      while (s->pos < s->len && g_ascii_isdigit (s->data[s->pos]))
        s->pos++;
    }

  if (integral)
    {
      const char *limit = negative ? int64_min_digits : int64_max;

      if (digits_len > 19 ||
          (digits_len == 19 && memcmp (s->data + digits_start, limit, 19) > 0))
        {
          g_set_error (error, EDAAD_JSON_ERROR, EDAAD_JSON_ERROR_NUMBER_RANGE,
                       _("The integer at byte %lu does not fit in 64 bits"), (gulong) start);
          return FALSE;
        }
    }
  else
    {
      g_autofree char *text = g_strndup ((const char *) s->data + start, s->pos - start);
      double value = g_ascii_strtod (text, NULL);

      if (!isfinite (value))
        {
          g_set_error (error, EDAAD_JSON_ERROR, EDAAD_JSON_ERROR_NUMBER_RANGE,
                       _("The number at byte %lu is too large"), (gulong) start);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
scan_literal (Scanner  *s,
              GError  **error)
{
  static const char * const literals[] = { "true", "false", "null" };

  for (guint i = 0; i < G_N_ELEMENTS (literals); i++)
    {
      gsize n = strlen (literals[i]);

      if (s->len - s->pos >= n && memcmp (s->data + s->pos, literals[i], n) == 0)
        {
          s->pos += n;
          return TRUE;
        }
    }

  return syntax_error (s, _("expected a value"), error);
}

static int
compare_keys (const void *a,
              const void *b)
{
  const KeyRef *ka = a;
  const KeyRef *kb = b;
  int c = memcmp (ka->ptr, kb->ptr, MIN (ka->len, kb->len));

  if (c != 0)
    return c;
  return ka->len < kb->len ? -1 : ka->len > kb->len ? 1 : 0;
}

/* Up to 40 characters of a key for an error message, control characters replaced. */
static char *
describe_key (const KeyRef *key)
{
  g_autofree char *text = g_strndup (key->ptr, key->len);
  GString *out = g_string_new (NULL);
  guint n = 0;

  for (const char *p = text; *p != '\0' && n < 40; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_iscntrl (c))
        g_string_append_c (out, '?');
      else
        g_string_append_unichar (out, c);
    }
  if (*g_utf8_offset_to_pointer (text, n) != '\0')
    g_string_append (out, "…");

  return g_string_free (out, FALSE);
}

/* Closes the object on top of the stack: sorting its keys finds any duplicate in
 * O(k log k) whatever the keys are (no hash table to flood). */
static gboolean
close_object (Scanner  *s,
              GError  **error)
{
  Frame *frame = &g_array_index (s->stack, Frame, s->stack->len - 1);
  guint n = s->keys->len - frame->first_key;

  g_assert (frame->is_object);

  if (n > 1)
    {
      KeyRef *keys = &g_array_index (s->keys, KeyRef, frame->first_key);

      for (guint i = 0; i < n; i++)
        keys[i].ptr = s->key_bytes->str + keys[i].offset;
      qsort (keys, n, sizeof (KeyRef), compare_keys);
      for (guint i = 1; i < n; i++)
        if (compare_keys (&keys[i - 1], &keys[i]) == 0)
          {
            g_autofree char *name = describe_key (&keys[i]);
            g_set_error (error, EDAAD_JSON_ERROR, EDAAD_JSON_ERROR_DUPLICATE_KEY,
                         _("The key “%s” appears twice in the object ending at byte %lu"),
                         name, (gulong) s->pos);
            return FALSE;
          }
    }

  g_array_set_size (s->keys, frame->first_key);
  g_string_truncate (s->key_bytes, frame->key_bytes_start);
  g_array_set_size (s->stack, s->stack->len - 1);
  return TRUE;
}

static gboolean
open_container (Scanner   *s,
                gboolean   is_object,
                GError   **error)
{
  Frame frame = { is_object, s->keys->len, s->key_bytes->len };

  if (s->stack->len >= s->max_depth)
    {
      g_set_error (error, EDAAD_JSON_ERROR, EDAAD_JSON_ERROR_TOO_DEEP,
                   _("JSON is nested deeper than %u levels (at byte %lu)"),
                   s->max_depth, (gulong) s->pos);
      return FALSE;
    }
  g_array_append_val (s->stack, frame);
  s->pos++;
  return TRUE;
}

static State
state_after_value (Scanner *s)
{
  return s->stack->len == 0 ? STATE_END : STATE_COMMA_OR_CLOSE;
}

static gboolean
scan_document (Scanner  *s,
               GError  **error)
{
  State state = STATE_VALUE;

  for (;;)
    {
      guchar c;

      skip_ws (s);
      if (state == STATE_END)
        {
          if (s->pos < s->len)
            return syntax_error (s, _("unexpected text after the end of the document"), error);
          return TRUE;
        }
      if (s->pos >= s->len)
        return syntax_error (s, _("unexpected end of the text"), error);

      c = s->data[s->pos];
      switch (state)
        {
        case STATE_VALUE_OR_CLOSE:
          if (c == ']')
            {
              s->pos++;
              g_array_set_size (s->stack, s->stack->len - 1);
              state = state_after_value (s);
              break;
            }
          G_GNUC_FALLTHROUGH;
        case STATE_VALUE:
          if (c == '{' || c == '[')
            {
              if (!open_container (s, c == '{', error))
                return FALSE;
              state = c == '{' ? STATE_KEY_OR_CLOSE : STATE_VALUE_OR_CLOSE;
              break;
            }
          if (c == '"')
            {
              if (!scan_string (s, NULL, error))
                return FALSE;
            }
          else if (c == '-' || g_ascii_isdigit (c))
            {
              if (!scan_number (s, error))
                return FALSE;
            }
          else if (!scan_literal (s, error))
            return FALSE;
          state = state_after_value (s);
          break;

        case STATE_KEY_OR_CLOSE:
          if (c == '}')
            {
              s->pos++;
              if (!close_object (s, error))
                return FALSE;
              state = state_after_value (s);
              break;
            }
          G_GNUC_FALLTHROUGH;
        case STATE_KEY:
          {
            KeyRef key;

            if (c != '"')
              return syntax_error (s, _("expected a key in double quotes"), error);
            key.offset = s->key_bytes->len;
            if (!scan_string (s, s->key_bytes, error))
              return FALSE;
            key.len = s->key_bytes->len - key.offset;
            key.ptr = NULL;
            g_array_append_val (s->keys, key);
            state = STATE_COLON;
          }
          break;

        case STATE_COLON:
          if (c != ':')
            return syntax_error (s, _("expected “:” after a key"), error);
          s->pos++;
          state = STATE_VALUE;
          break;

        case STATE_COMMA_OR_CLOSE:
          {
            gboolean in_object = g_array_index (s->stack, Frame, s->stack->len - 1).is_object;

            if (c == ',')
              {
                s->pos++;
                state = in_object ? STATE_KEY : STATE_VALUE;
              }
            else if (in_object && c == '}')
              {
                s->pos++;
                if (!close_object (s, error))
                  return FALSE;
                state = state_after_value (s);
              }
            else if (!in_object && c == ']')
              {
                s->pos++;
                g_array_set_size (s->stack, s->stack->len - 1);
                state = state_after_value (s);
              }
            else
              {
                return syntax_error (s, in_object ? _("expected “,” or “}”") : _("expected “,” or “]”"),
                                     error);
              }
          }
          break;

        case STATE_END:
        default:
          g_assert_not_reached ();
        }
    }
}

gboolean
edaad_json_check (const char            *data,
                  gssize                 length,
                  const EdaadJsonLimits *limits,
                  GError               **error)
{
  EdaadJsonLimits resolved;
  Scanner s = { 0 };
  const char *nul;
  gboolean ok;
  gsize len;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  resolve_limits (limits, &resolved);

  /* Size first, without reading past the limit. */
  len = length >= 0 ? (gsize) length : strnlen (data, resolved.max_bytes + 1);
  if (len > resolved.max_bytes)
    {
      g_set_error (error, EDAAD_JSON_ERROR, EDAAD_JSON_ERROR_TOO_LARGE,
                   _("The JSON text is larger than %lu bytes"), (gulong) resolved.max_bytes);
      return FALSE;
    }

  nul = len > 0 ? memchr (data, '\0', len) : NULL;
  if (nul != NULL)
    {
      g_set_error (error, EDAAD_JSON_ERROR, EDAAD_JSON_ERROR_NUL,
                   _("JSON text contains a NUL character at byte %lu"), (gulong) (nul - data));
      return FALSE;
    }

  if (len > 0 && !g_utf8_validate_len (data, len, NULL))
    {
      g_set_error_literal (error, EDAAD_JSON_ERROR, EDAAD_JSON_ERROR_NOT_UTF8,
                           _("The JSON text is not valid UTF-8"));
      return FALSE;
    }

  s.data = (const guchar *) data;
  s.len = len;
  s.max_depth = resolved.max_depth;
  s.max_string_bytes = resolved.max_string_bytes;
  s.stack = g_array_new (FALSE, FALSE, sizeof (Frame));
  s.keys = g_array_new (FALSE, FALSE, sizeof (KeyRef));
  s.key_bytes = g_string_new (NULL);

  ok = scan_document (&s, error);

  g_array_unref (s.stack);
  g_array_unref (s.keys);
  g_string_free (s.key_bytes, TRUE);
  return ok;
}

JsonNode *
edaad_json_parse (const char            *data,
                  gssize                 length,
                  const EdaadJsonLimits *limits,
                  GError               **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!edaad_json_check (data, length, limits, error))
    return NULL;

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, data != NULL ? data : "", length, &local_error))
    {
      /* The guard accepts a subset of what json-glib reads, so this is not expected;
       * the detail stays in the debug log. */
      g_debug ("json-glib refused text the guard accepted: %s", local_error->message);
      g_set_error_literal (error, EDAAD_JSON_ERROR, EDAAD_JSON_ERROR_SYNTAX,
                           _("The JSON text could not be read"));
      return NULL;
    }

  root = json_parser_steal_root (parser);
  if (root == NULL)
    {
      g_set_error_literal (error, EDAAD_JSON_ERROR, EDAAD_JSON_ERROR_SYNTAX,
                           _("The JSON text could not be read"));
      return NULL;
    }

  return root;
}
