/* bundled.h - the bundled dictionary set as `khabar code` loads it: the
 * Phoenix files with Khabar's supplement read first (data/khabar). For
 * the tests that code articles. */
#ifndef KB_TEST_BUNDLED_H
#define KB_TEST_BUNDLED_H

#include <stdio.h>
#include <string.h>

#include "khabar.h"

#define BUNDLED_DICT KB_DATADIR "/dict/"
#define BUNDLED_OWN KB_DATADIR "/khabar/"

/* Loads the set into *d; prints the error and returns 0 on failure. */
static int load_bundled(const char *who, kb_dict **d)
{
    kb_dict_files f;
    memset(&f, 0, sizeof f);
    f.verbs = BUNDLED_DICT "CAMEO.2.0.txt";
    f.verbs_supplement = BUNDLED_OWN "Khabar.verbs.txt";
    f.actors[0] = BUNDLED_OWN "Khabar.actors.txt";
    f.actors[1] = BUNDLED_DICT "Phoenix.Countries.actors.txt";
    f.actors[2] = BUNDLED_DICT "Phoenix.International.actors.txt";
    f.actors[3] = BUNDLED_DICT "Phoenix.MilNonState.actors.txt";
    f.agents = BUNDLED_DICT "Phoenix.agents.txt";
    f.agents_supplement = BUNDLED_OWN "Khabar.agents.txt";
    f.discards = BUNDLED_DICT "Phoenix.discards.txt";
    kb_error err;
    if (kb_dict_load(&f, NULL, d, &err) == KB_OK)
        return 1;
    char buf[1024];
    fprintf(stderr, "%s: %s\n", who, kb_error_format(&err, buf, sizeof buf));
    return 0;
}

#endif
