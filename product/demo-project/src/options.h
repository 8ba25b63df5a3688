#ifndef OPTIONS_H
#define OPTIONS_H

struct options {
    unsigned long top;
    int show_version;
};

/* Parses argv; returns 0, or prints a message naming the bad argument and returns -1. */
int parse_options(int argc, char **argv, struct options *options);

#endif
