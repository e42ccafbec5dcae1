/* The automatic dictionary cache: `dyad code` and `dyad ingest` keep the
 * compiled form of a dictionary set (the `dyad dict compile` image) in a
 * cache folder and map it on the next run instead of parsing the text
 * again (PETRARCH-2's set: ~90 ms from text, ~18 ms mapped; a tenth of a
 * Reuters-sized coding run).
 *
 * Beside each image sits a manifest naming every source file with its
 * size and modification time, and the image's own size and time. A run
 * uses the image only when every one of those still holds, so an edited,
 * added or removed dictionary file (an edited .ini or .project names its
 * files) is read from text again and the cache rewritten. Only sets that
 * loaded without an error or a warning are cached, so a run from the
 * cache reports exactly what a run from text would (notes are not shown
 * by these commands).
 *
 * Where: $DYAD_CACHE_DIR, else $XDG_CACHE_HOME/dyad, else ~/.cache/dyad;
 * DYAD_CACHE_DIR=off (or empty) turns it off. Any failure to read or
 * write the cache is silent: the text load is always the fallback. */
#include "dict/dict_impl.h"
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

enum { MANIFEST_MAX = 1 << 20 };

static uint64_t fnv(uint64_t h, const void *p, size_t n) {
    const unsigned char *s = p;
    for (size_t i = 0; i < n; i++) {
        h ^= s[i];
        h *= 0x100000001b3ull;
    }
    return h;
}

/* The cache folder (created), or 0 when caching is off or impossible. */
static int cache_dir(char *out, size_t cap) {
    const char *env = getenv("DYAD_CACHE_DIR");
    int n;
    if (env) {
        if (!*env || !strcmp(env, "off")) return 0;
        n = snprintf(out, cap, "%s", env);
    } else if ((env = getenv("XDG_CACHE_HOME")) && *env) {
        n = snprintf(out, cap, "%s/dyad", env);
    } else if ((env = getenv("HOME")) && *env) {
        n = snprintf(out, cap, "%s/.cache/dyad", env);
    } else {
        return 0;
    }
    if (n <= 0 || (size_t)n >= cap) return 0;
    /* make each missing level; an existing folder is fine */
    for (char *p = out + 1; *p; p++) {
        if (*p != '/') continue;
        *p = 0;
        if (mkdir(out, 0700) && errno != EEXIST) return 0;
        *p = '/';
    }
    if (mkdir(out, 0700) && errno != EEXIST) return 0;
    return 1;
}

/* The key of a SPEC: its real path (or "builtin" with a fingerprint of the
 * embedded files), with the cache format version. */
static int spec_key(const char *spec, char key[17]) {
    uint64_t h = fnv(0xcbf29ce484222325ull, "dyad-cache-", 11);
    unsigned version = dy_dict_cache_version();
    h = fnv(h, &version, sizeof version);
    if (!strcmp(spec, "builtin")) {
        uint64_t b = dy_builtin_fingerprint();
        h = fnv(h, "builtin", 7);
        h = fnv(h, &b, sizeof b);
    } else {
        char real[PATH_MAX];
        if (!realpath(spec, real)) return 0;
        h = fnv(h, real, strlen(real));
    }
    snprintf(key, 17, "%016llx", (unsigned long long)h);
    return 1;
}

/* "size mtime_sec mtime_nsec" of a file, 0 when it cannot be read. With
 * settled_only, also 0 for a file changed in the last two seconds: a
 * rewrite within the file system's timestamp granularity could leave size
 * and time as they were (git's "racily clean" entries), so such a set is
 * not cached until its files have settled. */
static int stamp_ex(const char *path, char *out, size_t cap, int settled_only) {
    struct stat st;
    if (stat(path, &st) || !S_ISREG(st.st_mode)) return 0;
    if (settled_only && (long long)time(NULL) - (long long)st.st_mtim.tv_sec < 2) return 0;
    int n = snprintf(out, cap, "%lld %lld %ld", (long long)st.st_size, (long long)st.st_mtim.tv_sec,
                     (long)st.st_mtim.tv_nsec);
    return n > 0 && (size_t)n < cap;
}

static int stamp(const char *path, char *out, size_t cap) { return stamp_ex(path, out, cap, 0); }

/* Does every line of the manifest still hold? Its first line stamps the
 * image ("STAMP\timage"), each other one a source file ("STAMP\tPATH"). */
static int manifest_holds(const char *manifest_path, const char *image_path) {
    FILE *f = fopen(manifest_path, "r");
    if (!f) return 0;
    char line[PATH_MAX + 128], now[96];
    int ok = 1, lines = 0;
    while (ok && fgets(line, sizeof line, f)) {
        size_t n = strlen(line);
        char *tab = strchr(line, '\t');
        if (!n || line[n - 1] != '\n' || !tab) {
            ok = 0;
            break;
        }
        line[n - 1] = 0;
        *tab = 0;
        if (lines == 0 && strcmp(tab + 1, "image")) ok = 0;
        else if (!stamp(lines == 0 ? image_path : tab + 1, now, sizeof now) || strcmp(now, line)) ok = 0;
        lines++;
    }
    fclose(f);
    return ok && lines >= 1;
}

/* The manifest, written beside and after the image it stamps. */
static int write_manifest(const dyad_dict *d, int builtin, const char *image_path, const char *path) {
    char tmp[PATH_MAX + 32], st[96], real[PATH_MAX];
    snprintf(tmp, sizeof tmp, "%s.%ld.tmp", path, (long)getpid());
    FILE *f = fopen(tmp, "w");
    if (!f) return -1;
    int ok = stamp(image_path, st, sizeof st) && fprintf(f, "%s\timage\n", st) > 0;
    for (size_t i = 0; ok && i < dy_dict_file_count(d); i++) {
        const char *name = dy_dict_file_name(d, i);
        if (builtin && !strncmp(name, "builtin:", 8)) continue; /* in the key's fingerprint */
        if (!realpath(name, real) || !stamp_ex(real, st, sizeof st, 1) || fprintf(f, "%s\t%s\n", st, real) <= 0)
            ok = 0;
    }
    if (fclose(f) || !ok || rename(tmp, path)) {
        unlink(tmp);
        return -1;
    }
    return 0;
}

/* Can every source file be stamped, and has each settled? */
static int sources_settled(const dyad_dict *d, int builtin) {
    char real[PATH_MAX], st[96];
    for (size_t i = 0; i < dy_dict_file_count(d); i++) {
        const char *name = dy_dict_file_name(d, i);
        if (builtin && !strncmp(name, "builtin:", 8)) continue;
        if (!realpath(name, real) || !stamp_ex(real, st, sizeof st, 1)) return 0;
    }
    return 1;
}

static void silent(const dyad_diagnostic *dg, void *user) {
    (void)dg;
    (void)user;
}

static int is_image(const char *spec) {
    size_t n = strlen(spec);
    return n > 5 && !strcmp(spec + n - 5, ".dydc");
}

dyad_dict *dy_dict_load_cached(const char *spec, dyad_diag *diag) {
    if (!spec || !*spec) spec = "builtin";
    char dir[PATH_MAX], key[17];
    if (is_image(spec) || !cache_dir(dir, sizeof dir) || !spec_key(spec, key)) return dyad_dict_load(spec, diag);
    char image[PATH_MAX + 32], manifest[PATH_MAX + 32];
    snprintf(image, sizeof image, "%s/%s.dydc", dir, key);
    snprintf(manifest, sizeof manifest, "%s/%s.files", dir, key);
    if (manifest_holds(manifest, image)) {
        /* a bad image is no error of the user's: the text is read instead */
        dyad_diag sink;
        dyad_diag_init(&sink, silent, NULL);
        dyad_dict *d = dy_dict_cache_load(image, &sink);
        if (d && !sink.errors) return d;
        dyad_dict_free(d);
    }
    dyad_diag counted;
    if (!diag) {
        dyad_diag_init(&counted, silent, NULL);
        diag = &counted;
    }
    long errors = diag->errors, warnings = diag->warnings;
    dyad_dict *d = dyad_dict_load(spec, diag);
    int builtin = !strcmp(spec, "builtin");
    if (!d || diag->errors != errors || diag->warnings != warnings || !sources_settled(d, builtin))
        return d;
    char tmp[PATH_MAX + 64];
    snprintf(tmp, sizeof tmp, "%s.%ld.tmp", image, (long)getpid());
    if (dy_dict_cache_write(d, tmp) == 0 && rename(tmp, image) == 0)
        write_manifest(d, builtin, image, manifest);
    else
        unlink(tmp);
    return d;
}
