/* edaad-test-dir.h — throw-away folders for the tests' real files (SQLite databases, their
 * WAL and stamps): made fresh per test, removed with everything in them afterwards. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *edaad_test_dir_new    (const char *name);
void  edaad_test_dir_remove (char       *dir);

/* A folder removed with its contents when the variable goes out of scope, after every
 * g_autoptr declared below it (a store still open in it is closed first):
 *   g_auto(EdaadTestDir) dir = edaad_test_dir_new ("store"); */
typedef char *EdaadTestDir;
G_DEFINE_AUTO_CLEANUP_FREE_FUNC (EdaadTestDir, edaad_test_dir_remove, NULL)

G_END_DECLS
