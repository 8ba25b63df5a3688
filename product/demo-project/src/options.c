#include "options.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "wordfreq/config.h"

int parse_options(int argc, char **argv, struct options *options)
{
    options->top = WORDFREQ_DEFAULT_TOP;
    options->show_version = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--version") == 0) {
            options->show_version = 1;
        } else if (strcmp(argv[i], "-n") == 0 && i + 1 < argc) {
            char *end;
            options->top = strtoul(argv[++i], &end, 10);
            if (*end != '\0') {
                fprintf(stderr, "wordfreq: -n needs a number, got '%s'\n", argv[i]);
                return -1;
            }
        } else {
            fprintf(stderr, "wordfreq: unknown argument '%s'\n", argv[i]);
            return -1;
        }
    }
    return 0;
}
