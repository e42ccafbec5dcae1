/* Replays files through a libFuzzer target's LLVMFuzzerTestOneInput without
 * libFuzzer: the unit test that includes this also #includes the target's
 * source, so the ordinary ASan+UBSan test build runs the fuzz target's own
 * checks on its seed corpus (fuzz/corpus/<target>/) and on every crash it
 * ever found (tests/data/hostile/<target>/). A new crash is kept by dropping
 * its minimised file into that folder. */
#ifndef REGRESS_REPLAY_H
#define REGRESS_REPLAY_H
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Calls fn on every regular file of DYAD_SRC/sub; returns how many. Each
 * file is handed over in a heap block of exactly its size. */
static size_t replay_dir(const char *sub, int (*fn)(const uint8_t *, size_t)) {
    const char *src = getenv("DYAD_SRC");
    if (!src) src = ".";
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/%s", src, sub);
    DIR *d = opendir(dir);
    if (!d) return 0;
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.') continue;
        char path[8192];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        FILE *f = fopen(path, "rb");
        if (!f) continue;
        fseek(f, 0, SEEK_END);
        long len = ftell(f);
        fseek(f, 0, SEEK_SET);
        if (len < 0) {
            fclose(f);
            continue;
        }
        uint8_t *buf = malloc(len ? (size_t)len : 1);
        assert_non_null(buf);
        size_t got = fread(buf, 1, (size_t)len, f);
        fclose(f);
        fn(buf, got);
        free(buf);
        n++;
    }
    closedir(d);
    return n;
}
#endif
