/* edaad-server-main.c — the edaad-server command line. */
#define G_LOG_DOMAIN "edaad-server"

#include "config.h"

#include "edaad-admin.h"
#include "edaad-http.h"
#include "edaad-pg.h"
#include "edaad-server-config.h"
#include "edaad-server-migrations.h"

#include <glib-unix.h>
#include <glib/gi18n-lib.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

static char *opt_db;
static char *opt_name_en;
static char *opt_name_ar;
static char *opt_short_name;
static char *opt_username;
static char *opt_name;
static char *opt_role;
static char *opt_institution;
static char *opt_listen;
static char *opt_tls_cert;
static char *opt_tls_key;

static const GOptionEntry entries[] = {
  { "db", 0, 0, G_OPTION_ARG_STRING, &opt_db, N_("libpq connection string (default: $EDAAD_DATABASE_URL)"), N_("CONNINFO") },
  { "name-en", 0, 0, G_OPTION_ARG_STRING, &opt_name_en, N_("institution add: English name"), N_("NAME") },
  { "name-ar", 0, 0, G_OPTION_ARG_STRING, &opt_name_ar, N_("institution add: Arabic name"), N_("NAME") },
  { "short-name", 0, 0, G_OPTION_ARG_STRING, &opt_short_name, N_("institution add: short name"), N_("S") },
  { "username", 0, 0, G_OPTION_ARG_STRING, &opt_username, N_("user add/disable: the username"), N_("U") },
  { "name", 0, 0, G_OPTION_ARG_STRING, &opt_name, N_("user add: the user’s name"), N_("N") },
  { "role", 0, 0, G_OPTION_ARG_STRING, &opt_role, N_("user add: leader or programme_office"), N_("ROLE") },
  { "institution", 0, 0, G_OPTION_ARG_STRING, &opt_institution, N_("user add: a leader’s institution scope id"), N_("SCOPE_ID") },
  { "listen", 0, 0, G_OPTION_ARG_STRING, &opt_listen, N_("serve: address and port"), N_("ADDR:PORT") },
  { "tls-cert", 0, 0, G_OPTION_ARG_FILENAME, &opt_tls_cert, N_("serve: TLS certificate (PEM)"), N_("FILE") },
  { "tls-key", 0, 0, G_OPTION_ARG_FILENAME, &opt_tls_key, N_("serve: TLS private key (PEM)"), N_("FILE") },
  { NULL }
};

static const char summary[] = N_(
  "Commands:\n"
  "  migrate\n"
  "  institution add --name-en NAME [--name-ar NAME] [--short-name S]\n"
  "  user add --username U --name N --role leader|programme_office [--institution SCOPE_ID]\n"
  "      (the password is read from standard input)\n"
  "  user disable --username U\n"
  "  programme import FILE.json\n"
  "  serve --listen ADDR:PORT [--tls-cert FILE --tls-key FILE]");

static int
usage (const char *message)
{
  g_printerr ("edaad-server: %s\n%s\n", message, _(summary));
  return 2;
}

/* Options that a command does not take are an error, not silently ignored. */
static gboolean
only_options (const char *command,
              ...)
{
  struct { const char *name; char *value; } all[] = {
    { "name-en", opt_name_en }, { "name-ar", opt_name_ar }, { "short-name", opt_short_name },
    { "username", opt_username }, { "name", opt_name }, { "role", opt_role },
    { "institution", opt_institution }, { "listen", opt_listen }, { "tls-cert", opt_tls_cert },
    { "tls-key", opt_tls_key },
  };

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    {
      gboolean allowed = FALSE;
      va_list args;
      const char *name;

      if (all[i].value == NULL)
        continue;
      va_start (args, command);
      while ((name = va_arg (args, const char *)) != NULL)
        if (strcmp (name, all[i].name) == 0)
          allowed = TRUE;
      va_end (args);
      if (!allowed)
        {
          g_printerr (_("edaad-server: “%s” does not take --%s\n"), command, all[i].name);
          return FALSE;
        }
    }
  return TRUE;
}

/* The password: typed twice at a terminal without echo, or the whole of standard input
 * (one trailing newline removed).  Never from argv. */
static char *
read_password (GError **error)
{
  if (isatty (STDIN_FILENO))
    {
      struct termios saved, quiet;
      char first[1100] = "", second[1100] = "";
      gboolean ok;

      tcgetattr (STDIN_FILENO, &saved);
      quiet = saved;
      quiet.c_lflag &= ~(tcflag_t) ECHO;
      tcsetattr (STDIN_FILENO, TCSAFLUSH, &quiet);
      g_printerr ("%s", _("Password: "));
      ok = fgets (first, sizeof first, stdin) != NULL;
      g_printerr ("\n%s", _("Password again: "));
      ok = ok && fgets (second, sizeof second, stdin) != NULL;
      g_printerr ("\n");
      tcsetattr (STDIN_FILENO, TCSAFLUSH, &saved);
      first[strcspn (first, "\r\n")] = '\0';
      second[strcspn (second, "\r\n")] = '\0';
      if (!ok || strcmp (first, second) != 0)
        {
          memset (first, 0, sizeof first);
          memset (second, 0, sizeof second);
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("The passwords do not match"));
          return NULL;
        }
      memset (second, 0, sizeof second);
      return g_strdup (first);
    }
  else
    {
      g_autoptr(GString) text = g_string_new (NULL);
      char buffer[512];
      size_t n;

      while ((n = fread (buffer, 1, sizeof buffer, stdin)) > 0)
        {
          g_string_append_len (text, buffer, (gssize) n);
          if (text->len > 4096)
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("The password is too long"));
              return NULL;
            }
        }
      if (text->len > 0 && text->str[text->len - 1] == '\n')
        g_string_truncate (text, text->len - 1);
      if (text->len > 0 && text->str[text->len - 1] == '\r')
        g_string_truncate (text, text->len - 1);
      if (strlen (text->str) != text->len || !g_utf8_validate (text->str, -1, NULL))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("The password is not valid text"));
          return NULL;
        }
      return g_string_free (g_steal_pointer (&text), FALSE);
    }
}

static gboolean
on_quit_signal (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

static int
serve (const char *conninfo)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EdaadPg) pg = NULL;
  g_autoptr(EdaadHttpServer) server = NULL;
  g_autoptr(GMainLoop) loop = NULL;

  if (opt_listen == NULL)
    return usage (_("serve needs --listen ADDR:PORT"));

  pg = edaad_pg_connect (conninfo, &error);
  if (pg == NULL || !edaad_server_check_schema (pg, &error))
    {
      g_printerr ("edaad-server: %s\n", error->message);
      return 1;
    }
  g_clear_pointer (&pg, edaad_pg_free);

  server = edaad_http_server_new (edaad_server_config_new (conninfo), &error);
  if (server == NULL || !edaad_http_server_listen (server, opt_listen, opt_tls_cert, opt_tls_key, &error))
    {
      g_printerr ("edaad-server: %s\n", error->message);
      return 1;
    }

  loop = g_main_loop_new (NULL, FALSE);
  g_unix_signal_add (SIGINT, on_quit_signal, loop);
  g_unix_signal_add (SIGTERM, on_quit_signal, loop);
  g_main_loop_run (loop);
  return 0;
}

static int
run (int    argc,
     char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EdaadPg) pg = NULL;
  const char *conninfo;
  const char *command;
  const char *sub;

  if (argc < 2)
    return usage (_("no command given"));
  command = argv[1];
  sub = argc > 2 ? argv[2] : NULL;

  conninfo = opt_db != NULL ? opt_db : g_getenv ("EDAAD_DATABASE_URL");
  if (conninfo == NULL)
    conninfo = "";

  if (strcmp (command, "serve") == 0 && argc == 2)
    return only_options ("serve", "listen", "tls-cert", "tls-key", NULL) ? serve (conninfo) : 2;

  if (strcmp (command, "migrate") == 0 && argc == 2)
    {
      guint applied = 0;
      if (!only_options ("migrate", NULL))
        return 2;
      pg = edaad_pg_connect (conninfo, &error);
      if (pg == NULL || !edaad_server_migrate (pg, &applied, &error))
        goto fail;
      g_print (g_dngettext (GETTEXT_PACKAGE, "Applied %u migration; the database is at version %d\n",
                            "Applied %u migrations; the database is at version %d\n", applied),
               applied, edaad_server_migrations_latest ());
      return 0;
    }

  if (strcmp (command, "institution") == 0 && g_strcmp0 (sub, "add") == 0 && argc == 3)
    {
      g_autofree char *id = NULL;
      if (!only_options ("institution add", "name-en", "name-ar", "short-name", NULL))
        return 2;
      if (opt_name_en == NULL)
        return usage (_("institution add needs --name-en NAME"));
      pg = edaad_pg_connect (conninfo, &error);
      if (pg == NULL || !edaad_server_check_schema (pg, &error))
        goto fail;
      id = edaad_admin_institution_add (pg, opt_name_en, opt_name_ar, opt_short_name, &error);
      if (id == NULL)
        goto fail;
      g_print ("%s\n", id);
      return 0;
    }

  if (strcmp (command, "user") == 0 && g_strcmp0 (sub, "add") == 0 && argc == 3)
    {
      g_autofree char *password = NULL;
      g_autofree char *id = NULL;
      if (!only_options ("user add", "username", "name", "role", "institution", NULL))
        return 2;
      if (opt_username == NULL || opt_name == NULL || opt_role == NULL)
        return usage (_("user add needs --username, --name and --role"));
      pg = edaad_pg_connect (conninfo, &error);
      if (pg == NULL || !edaad_server_check_schema (pg, &error))
        goto fail;
      password = read_password (&error);
      if (password == NULL)
        goto fail;
      id = edaad_admin_user_add (pg, opt_username, opt_name, opt_role, opt_institution, password, &error);
      memset (password, 0, strlen (password));
      if (id == NULL)
        goto fail;
      g_print ("%s\n", id);
      return 0;
    }

  if (strcmp (command, "user") == 0 && g_strcmp0 (sub, "disable") == 0 && argc == 3)
    {
      if (!only_options ("user disable", "username", NULL))
        return 2;
      if (opt_username == NULL)
        return usage (_("user disable needs --username U"));
      pg = edaad_pg_connect (conninfo, &error);
      if (pg == NULL || !edaad_server_check_schema (pg, &error) ||
          !edaad_admin_user_disable (pg, opt_username, &error))
        goto fail;
      return 0;
    }

  if (strcmp (command, "programme") == 0 && g_strcmp0 (sub, "import") == 0 && argc == 4)
    {
      guint written = 0;
      if (!only_options ("programme import", NULL))
        return 2;
      pg = edaad_pg_connect (conninfo, &error);
      if (pg == NULL || !edaad_server_check_schema (pg, &error) ||
          !edaad_admin_programme_import (pg, argv[3], &written, &error))
        goto fail;
      g_print (g_dngettext (GETTEXT_PACKAGE, "Imported %u record\n", "Imported %u records\n", written), written);
      return 0;
    }

  return usage (_("unknown command"));

fail:
  g_printerr ("edaad-server: %s\n", error->message);
  return 1;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  context = g_option_context_new (_("COMMAND — the Edaad central server"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context, _(summary));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage (error->message);

  status = run (argc, argv);

  g_free (opt_db);
  g_free (opt_name_en);
  g_free (opt_name_ar);
  g_free (opt_short_name);
  g_free (opt_username);
  g_free (opt_name);
  g_free (opt_role);
  g_free (opt_institution);
  g_free (opt_listen);
  g_free (opt_tls_cert);
  g_free (opt_tls_key);
  return status;
}
