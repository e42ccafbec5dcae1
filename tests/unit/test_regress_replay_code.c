/* fuzz/fuzz_code.c run over its seed corpus and over every input that once
 * crashed it (tests/data/hostile/fuzz_code/); see regress_replay.h. */
#include "regress_replay.h"

#include "../../fuzz/fuzz_code.c"

static void test_replay_fuzz_code(void **state) {
    (void)state;
    LLVMFuzzerInitialize(NULL, NULL);
    size_t seeds = replay_dir("fuzz/corpus/fuzz_code", LLVMFuzzerTestOneInput);
    size_t crashes = replay_dir("tests/data/hostile/fuzz_code", LLVMFuzzerTestOneInput);
    print_message("fuzz_code: %zu seeds, %zu past crashes replayed\n", seeds, crashes);
    assert_true(seeds > 0);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_replay_fuzz_code),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
