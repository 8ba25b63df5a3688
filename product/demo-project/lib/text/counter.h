#ifndef TEXT_COUNTER_H
#define TEXT_COUNTER_H

#include <stddef.h>
#include "wordfreq/config.h"

struct word_count {
    char word[WORDFREQ_MAX_WORD];
    unsigned long count;
};

struct counter {
    struct word_count *entries;
    size_t length;
    size_t capacity;
};

void counter_init(struct counter *counter);
int counter_add(struct counter *counter, const char *word);
void counter_sort(struct counter *counter);
void counter_free(struct counter *counter);

#endif
