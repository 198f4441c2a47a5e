#!/usr/bin/env python3
# check-potfiles.py — keeps po/POTFILES.in complete, existing and sorted.
#
# Fails when
#   - a file under src/ or resources/ with translatable strings (_("…"), N_("…"), C_(…), NC_(…),
#     ngettext, translatable="yes") is not listed in po/POTFILES.in;
#   - a data/ file with translatable content (desktop entry keys, AppStream text, GSettings
#     summaries) is not listed;
#   - POTFILES.in lists a file that does not exist, lists one twice, or is not sorted.
#
# Usage: check-potfiles.py SOURCE_ROOT [POTFILES]     (POTFILES defaults to SOURCE_ROOT/po/POTFILES.in)
#        check-potfiles.py --self-test               (proves each failure above is detected)
# Output: TAP.

import os
import re
import sys
import tempfile

SOURCE_DIRS = ('src', 'resources')
SOURCE_SUFFIXES = ('.c', '.h', '.ui', '.xml')

C_MARKERS = re.compile(r'(?<![A-Za-z0-9_])(?:_|N_|Q_)\s*\(\s*"'
                       r'|(?<![A-Za-z0-9_])N?C_\s*\('
                       r'|(?<![A-Za-z0-9_])(?:g_d?ngettext|ngettext|g_dpgettext2?)\s*\(')
# Comments are dropped before C files are searched; string and character literals are kept whole
# so that "/*" inside a string does not start a comment.
C_COMMENTS = re.compile(r'("(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\')|/\*.*?\*/|//[^\n]*', re.S)
UI_MARKERS = re.compile(r'translatable\s*=\s*["\']yes["\']')

DESKTOP_MARKERS = re.compile(r'^(?:Name|GenericName|Comment|Keywords|X-GNOME-FullName)\s*=', re.M)
METAINFO_MARKERS = re.compile(r'<(?:name|summary|description|caption|developer_name|p|li)[\s>]')
GSCHEMA_MARKERS = re.compile(r'<(?:summary|description)[\s>]')


class Tap:
    def __init__(self, out=sys.stdout):
        self.count = 0
        self.failed = 0
        self.out = out

    def check(self, passed, description, details=()):
        self.count += 1
        if passed:
            print(f'ok {self.count} - {description}', file=self.out)
        else:
            self.failed += 1
            print(f'not ok {self.count} - {description}', file=self.out)
            for line in details:
                print(f'# {line}', file=self.out)


def read(path):
    with open(path, encoding='utf-8', errors='replace') as f:
        return f.read()


def translatable_source(path):
    text = read(path)
    if path.endswith(('.ui', '.xml')):
        return UI_MARKERS.search(text) is not None
    code = C_COMMENTS.sub(lambda m: m.group(1) or ' ', text)
    return C_MARKERS.search(code) is not None


def translatable_data(path):
    name = os.path.basename(path)
    text = read(path)
    if '.desktop' in name:
        return DESKTOP_MARKERS.search(text) is not None
    if '.metainfo.xml' in name or '.appdata.xml' in name:
        return METAINFO_MARKERS.search(text) is not None
    if name.endswith('.gschema.xml'):
        return 'gettext-domain' in text and GSCHEMA_MARKERS.search(text) is not None
    if name.endswith('.ui'):
        return UI_MARKERS.search(text) is not None
    return False


def files_needing_translation(root):
    needed = []
    for top in SOURCE_DIRS:
        for dirpath, dirnames, filenames in os.walk(os.path.join(root, top)):
            dirnames.sort()
            for name in sorted(filenames):
                if not name.endswith(SOURCE_SUFFIXES):
                    continue
                path = os.path.join(dirpath, name)
                if translatable_source(path):
                    needed.append(os.path.relpath(path, root).replace(os.sep, '/'))
    data = os.path.join(root, 'data')
    if os.path.isdir(data):
        for name in sorted(os.listdir(data)):
            path = os.path.join(data, name)
            if not os.path.isfile(path):
                continue
            if (name.endswith('.in') or name.endswith('.gschema.xml')) and translatable_data(path):
                needed.append(f'data/{name}')
    return needed


def read_potfiles(path):
    entries = []
    for line in read(path).splitlines():
        line = line.strip()
        if line and not line.startswith('#'):
            entries.append(line)
    return entries


def check(root, potfiles, out=sys.stdout):
    """Runs every check on one tree; returns the number of failed checks."""
    tap = Tap(out)
    try:
        listed = read_potfiles(potfiles)
    except OSError as e:
        tap.check(False, 'po/POTFILES.in can be read', [str(e)])
        print(f'1..{tap.count}', file=out)
        return tap.failed

    missing_files = [f for f in listed if not os.path.isfile(os.path.join(root, f))]
    tap.check(not missing_files, 'every file listed in POTFILES.in exists',
              [f'{f} does not exist' for f in missing_files])

    duplicates = sorted({f for f in listed if listed.count(f) > 1})
    tap.check(not duplicates, 'POTFILES.in lists each file once',
              [f'{f} is listed more than once' for f in duplicates])

    # Byte order (LC_ALL=C sort), which is what `sort` gives in CI and what keeps diffs stable.
    expected = sorted(listed, key=lambda s: s.encode('utf-8'))
    first_wrong = next((i for i, (a, b) in enumerate(zip(listed, expected)) if a != b), None)
    tap.check(first_wrong is None, 'POTFILES.in is sorted',
              [] if first_wrong is None else
              [f'line for {listed[first_wrong]} should be {expected[first_wrong]}',
               'fix with: LC_ALL=C sort'])

    needed = files_needing_translation(root)
    listed_set = set(listed)
    for prefix, what in (('src/', 'src/'), ('resources/', 'resources/'), ('data/', 'data/')):
        unlisted = [f for f in needed if f.startswith(prefix) and f not in listed_set]
        tap.check(not unlisted, f'every file in {what} with translatable strings is in POTFILES.in',
                  [f'{f} has translatable strings but is not listed' for f in unlisted])

    print(f'1..{tap.count}', file=out)
    return tap.failed


# --- self-test: each defect the check exists for must be detected --------------------------

SELF_TEST_TREE = {
    'src/core/edaad-good.c': '#include <glib/gi18n-lib.h>\nconst char *a (void) { return _("Plans"); }\n',
    'src/core/edaad-gnu.c': 'const char *b (void) { return _ ("Services"); }\n',
    'src/core/edaad-noop.c': 'static const char *k[] = { N_("Draft"), N_ ("Closed") };\n',
    'src/core/edaad-context.c': 'const char *c (void) { return C_("status", "Open"); }\n',
    'src/core/edaad-plural.c': 'const char *d (int n) { return ngettext ("%d plan", "%d plans", n); }\n',
    'src/core/edaad-plain.c': 'int e (void) { return my_func_("x") + g_(1); }\n',
    'src/core/edaad-comment.h': '/* N_("Change plan") */\nconst char *l; // _("label")\n'
                                'const char *s = "/* not a comment */";\n',
    'src/core/edaad-after-string.c': 'const char *u = "/*"; const char *v = N_("Risk"); /* */\n',
    'resources/ui/edaad-page.ui': '<interface><object class="GtkLabel">'
                                  '<property name="label" translatable="yes">Dashboard</property>'
                                  '</object></interface>\n',
    'resources/ui/edaad-icon.ui': '<interface><object class="GtkImage"/></interface>\n',
    'data/app.desktop.in.in': '[Desktop Entry]\nName=Edaad\nExec=edaad\n',
    'data/app.metainfo.xml.in.in': '<component><name>Edaad</name><summary>S</summary></component>\n',
    'data/app.service.in': '[D-BUS Service]\nName=app\n',
    'data/app.gschema.xml': '<schemalist gettext-domain="x"><schema id="a">'
                            '<key name="k" type="b"><default>true</default><summary>K</summary></key>'
                            '</schema></schemalist>\n',
}

SELF_TEST_COMPLETE = [
    'data/app.desktop.in.in',
    'data/app.gschema.xml',
    'data/app.metainfo.xml.in.in',
    'resources/ui/edaad-page.ui',
    'src/core/edaad-after-string.c',
    'src/core/edaad-context.c',
    'src/core/edaad-gnu.c',
    'src/core/edaad-good.c',
    'src/core/edaad-noop.c',
    'src/core/edaad-plural.c',
]


def self_test():
    cases = {
        # name → (POTFILES.in lines, the failing check expected, or None when all must pass)
        'complete': (SELF_TEST_COMPLETE, None),
        'missing C file': ([f for f in SELF_TEST_COMPLETE if f != 'src/core/edaad-gnu.c'],
                           'src/core/edaad-gnu.c has translatable strings but is not listed'),
        'missing N_ file': ([f for f in SELF_TEST_COMPLETE if f != 'src/core/edaad-noop.c'],
                            'src/core/edaad-noop.c has translatable strings but is not listed'),
        'missing C_ file': ([f for f in SELF_TEST_COMPLETE if f != 'src/core/edaad-context.c'],
                            'src/core/edaad-context.c has translatable strings but is not listed'),
        'missing file whose string follows "/*" in a literal': (
            [f for f in SELF_TEST_COMPLETE if f != 'src/core/edaad-after-string.c'],
            'src/core/edaad-after-string.c has translatable strings but is not listed'),
        'missing ngettext file': ([f for f in SELF_TEST_COMPLETE if f != 'src/core/edaad-plural.c'],
                                  'src/core/edaad-plural.c has translatable strings but is not listed'),
        'missing .ui file': ([f for f in SELF_TEST_COMPLETE if f != 'resources/ui/edaad-page.ui'],
                             'resources/ui/edaad-page.ui has translatable strings but is not listed'),
        'missing desktop file': ([f for f in SELF_TEST_COMPLETE if f != 'data/app.desktop.in.in'],
                                 'data/app.desktop.in.in has translatable strings but is not listed'),
        'missing metainfo': ([f for f in SELF_TEST_COMPLETE if f != 'data/app.metainfo.xml.in.in'],
                             'data/app.metainfo.xml.in.in has translatable strings but is not listed'),
        'missing gschema': ([f for f in SELF_TEST_COMPLETE if f != 'data/app.gschema.xml'],
                            'data/app.gschema.xml has translatable strings but is not listed'),
        'nonexistent file': (SELF_TEST_COMPLETE + ['src/ui/edaad-gone.c'],
                             'src/ui/edaad-gone.c does not exist'),
        'unsorted': (SELF_TEST_COMPLETE[1:2] + SELF_TEST_COMPLETE[:1] + SELF_TEST_COMPLETE[2:],
                     'line for data/app.gschema.xml should be data/app.desktop.in.in'),
        'duplicate': (sorted(SELF_TEST_COMPLETE + ['src/core/edaad-good.c']),
                      'src/core/edaad-good.c is listed more than once'),
        'extra files without strings are tolerated': (
            sorted(SELF_TEST_COMPLETE + ['src/core/edaad-plain.c', 'data/app.service.in']), None),
    }

    tap = Tap()
    with tempfile.TemporaryDirectory(prefix='edaad-potfiles-') as root:
        for rel, text in SELF_TEST_TREE.items():
            path = os.path.join(root, rel)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, 'w', encoding='utf-8') as f:
                f.write(text)
        os.makedirs(os.path.join(root, 'po'))
        potfiles = os.path.join(root, 'po', 'POTFILES.in')

        for name, (lines, expected) in cases.items():
            with open(potfiles, 'w', encoding='utf-8') as f:
                f.write('# Files with translatable strings, sorted.\n' + ''.join(l + '\n' for l in lines))
            with tempfile.TemporaryFile('w+', encoding='utf-8') as out:
                failures = check(root, potfiles, out)
                out.seek(0)
                report = out.read()
            if expected is None:
                tap.check(failures == 0, f'{name}: every check passes', report.splitlines())
            else:
                tap.check(failures == 1 and f'# {expected}' in report,
                          f'{name}: exactly one check fails, saying "{expected}"', report.splitlines())

        tap.check(check(root, os.path.join(root, 'po', 'NO-SUCH-FILE'), open(os.devnull, 'w')) == 1,
                  'an unreadable POTFILES.in fails')
    print(f'1..{tap.count}')
    return tap.failed


def main(argv):
    if argv[1:] == ['--self-test']:
        return 1 if self_test() else 0
    if len(argv) not in (2, 3):
        print(f'usage: {argv[0]} SOURCE_ROOT [POTFILES] | --self-test', file=sys.stderr)
        return 2
    root = argv[1]
    potfiles = argv[2] if len(argv) == 3 else os.path.join(root, 'po', 'POTFILES.in')
    return 1 if check(root, potfiles) else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
