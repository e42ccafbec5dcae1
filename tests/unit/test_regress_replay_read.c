/* fuzz/fuzz_read.c run over its seed corpus and over every input that once
 * crashed it (tests/data/hostile/fuzz_read/); see regress_replay.h. */
#include "regress_replay.h"

#include "../../fuzz/fuzz_read.c"

static void test_replay_fuzz_read(void **state) {
    (void)state;
    size_t seeds = replay_dir("fuzz/corpus/fuzz_read", LLVMFuzzerTestOneInput);
    size_t crashes = replay_dir("tests/data/hostile/fuzz_read", LLVMFuzzerTestOneInput);
    print_message("fuzz_read: %zu seeds, %zu past crashes replayed\n", seeds, crashes);
    assert_true(seeds > 0);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_replay_fuzz_read),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
