/* khabar.c - the command-line client of libkhabar (placeholder main). */
#include <stdio.h>
#include <string.h>

#include "khabar.h"

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "--version") == 0) {
        printf("khabar %s\n", KB_VERSION);
        return 0;
    }
    fprintf(stderr, "usage: khabar COMMAND ...\n");
    return 2;
}
