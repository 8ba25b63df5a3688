#include "tokenize.h"

#include <ctype.h>

size_t next_word(FILE *in, char *word, size_t size)
{
    int c;
    size_t length = 0;

    while ((c = fgetc(in)) != EOF && !isalnum(c))
        ;
    while (c != EOF && isalnum(c)) {
        if (length + 1 < size)
            word[length++] = (char)tolower(c);
        c = fgetc(in);
    }
    if (size > 0)
        word[length] = '\0';
    return length;
}
