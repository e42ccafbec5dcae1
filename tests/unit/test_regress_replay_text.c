/* fuzz/fuzz_text.c run over its seed corpus and over every input that once
 * crashed it (tests/data/hostile/fuzz_text/); see regress_replay.h. */
#include "regress_replay.h"

#include "../../fuzz/fuzz_text.c"

static void test_replay_fuzz_text(void **state) {
    (void)state;
    size_t seeds = replay_dir("fuzz/corpus/fuzz_text", LLVMFuzzerTestOneInput);
    size_t crashes = replay_dir("tests/data/hostile/fuzz_text", LLVMFuzzerTestOneInput);
    print_message("fuzz_text: %zu seeds, %zu past crashes replayed\n", seeds, crashes);
    assert_true(seeds > 0);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_replay_fuzz_text),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
