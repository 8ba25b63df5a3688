#include <stdio.h>

#include "options.h"
#include "text/counter.h"
#include "text/tokenize.h"
#include "wordfreq/config.h"

int main(int argc, char **argv)
{
    struct options options;
    struct counter counter;
    char word[WORDFREQ_MAX_WORD];

    if (parse_options(argc, argv, &options) != 0)
        return 2;
    if (options.show_version) {
        printf("wordfreq %s\n", WORDFREQ_VERSION);
        return 0;
    }
    counter_init(&counter);
    while (next_word(stdin, word, sizeof word) > 0) {
        if (counter_add(&counter, word) != 0) {
            fprintf(stderr, "wordfreq: out of memory\n");
            counter_free(&counter);
            return 1;
        }
    }
    counter_sort(&counter);
    for (size_t i = 0; i < counter.length && i < options.top; i++)
        printf("%7lu %s\n", counter.entries[i].count, counter.entries[i].word);
    counter_free(&counter);
    return 0;
}
