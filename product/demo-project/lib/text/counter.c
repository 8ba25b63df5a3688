#include "counter.h"

#include <stdlib.h>
#include <string.h>

void counter_init(struct counter *counter)
{
    counter->entries = NULL;
    counter->length = 0;
    counter->capacity = 0;
}

int counter_add(struct counter *counter, const char *word)
{
    for (size_t i = 0; i < counter->length; i++) {
        if (strcmp(counter->entries[i].word, word) == 0) {
            counter->entries[i].count++;
            return 0;
        }
    }
    if (counter->length == counter->capacity) {
        size_t capacity = counter->capacity ? counter->capacity * 2 : 64;
        struct word_count *grown = realloc(counter->entries, capacity * sizeof *grown);
        if (grown == NULL)
            return -1;
        counter->entries = grown;
        counter->capacity = capacity;
    }
    struct word_count *entry = &counter->entries[counter->length++];
    strncpy(entry->word, word, sizeof entry->word - 1);
    entry->word[sizeof entry->word - 1] = '\0';
    entry->count = 1;
    return 0;
}

static int by_count_then_word(const void *a, const void *b)
{
    const struct word_count *x = a, *y = b;
    if (x->count != y->count)
        return x->count < y->count ? 1 : -1;
    return strcmp(x->word, y->word);
}

void counter_sort(struct counter *counter)
{
    qsort(counter->entries, counter->length, sizeof *counter->entries, by_count_then_word);
}

void counter_free(struct counter *counter)
{
    free(counter->entries);
    counter_init(counter);
}
