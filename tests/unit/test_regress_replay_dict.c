/* fuzz/fuzz_dict.c run over its seed corpus and over every input that once
 * crashed it (tests/data/hostile/fuzz_dict/); see regress_replay.h. */
#include "regress_replay.h"

#include "../../fuzz/fuzz_dict.c"

static void test_replay_fuzz_dict(void **state) {
    (void)state;
    size_t seeds = replay_dir("fuzz/corpus/fuzz_dict", LLVMFuzzerTestOneInput);
    size_t crashes = replay_dir("tests/data/hostile/fuzz_dict", LLVMFuzzerTestOneInput);
    print_message("fuzz_dict: %zu seeds, %zu past crashes replayed\n", seeds, crashes);
    assert_true(seeds > 0);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_replay_fuzz_dict),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
