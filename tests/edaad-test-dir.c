/* edaad-test-dir.c — throw-away folders for the tests' real files. */
#define G_LOG_DOMAIN "edaad-test-dir"

#include "config.h"

#include "edaad-test-dir.h"

#include <errno.h>
#include <glib/gstdio.h>

/* A new empty folder, $TMPDIR/edaad-<name>-XXXXXX; the test fails if it cannot be made. */
char *
edaad_test_dir_new (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *template = g_strdup_printf ("edaad-%s-XXXXXX", name);
  char *dir = g_dir_make_tmp (template, &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) d = g_dir_open (dir, 0, &error);
  const char *name;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      /* Not through a link: only what the test made in here is removed. */
      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        remove_tree (path);
      else
        g_assert_no_errno (g_unlink (path));
    }
  g_assert_no_errno (g_rmdir (dir));
}

/* Removes @dir with everything in it, and frees @dir.  A file left behind that cannot be
 * removed fails the test: it means something still writes there after the test is done. */
void
edaad_test_dir_remove (char *dir)
{
  if (dir == NULL)
    return;
  remove_tree (dir);
  g_free (dir);
}
