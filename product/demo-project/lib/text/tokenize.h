#ifndef TEXT_TOKENIZE_H
#define TEXT_TOKENIZE_H

#include <stddef.h>
#include <stdio.h>

/* Reads the next word (letters and digits, folded to lower case) from in into word.
   Returns its length, or 0 at end of input. Longer words are cut at size - 1. */
size_t next_word(FILE *in, char *word, size_t size);

#endif
