#include <stdio.h>
#include <string.h>

#include "text/counter.h"

int main(void)
{
    struct counter counter;
    int failures = 0;

    counter_init(&counter);
    counter_add(&counter, "b");
    counter_add(&counter, "a");
    counter_add(&counter, "b");
    counter_sort(&counter);
    if (counter.length != 2 || strcmp(counter.entries[0].word, "b") != 0 || counter.entries[0].count != 2) {
        fprintf(stderr, "test_counter: expected 'b' twice first\n");
        failures++;
    }
    counter_free(&counter);
    printf("%d failures\n", failures);
    return failures != 0;
}
