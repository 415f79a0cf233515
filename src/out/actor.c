/* actor.c - CAMEO actor codes split into the parts GDELT, Phoenix and
 * PLOVER name: country, known group, ethnicity, religion, role/type.
 *
 * A CAMEO actor code is a run of 3-letter blocks. The first is usually a
 * country or region (IRQ, USA, AFR) or a transnational type (IGO, NGO, IMG,
 * MNC); roles and types follow (GOV, MIL, REB, OPP ...), and religion
 * (MUS, CHR, then a subcode: CHRCTH), ethnicity (KUR) and known groups
 * (IGOUNO: the United Nations) take blocks of their own. Each block goes
 * to the first slot whose list holds it: country (first block only, or a
 * later one while no country is set), type (3 slots), religion (2),
 * ethnicity (1); a block of none of these kinds is the known group (the
 * first such) or, after that, an extra. A "---" block (no country, as
 * in "---GOV") is skipped. */
#include <string.h>

#include "../base/util.h"
#include "out.h"

/* The role/type codes of the CAMEO codebook (as GDELT lists them), plus
 * PTY (party) and PPL (people), which the Phoenix agents use. */
static const char *const types[] = {
    "AGR", "BUS", "COP", "CRM", "CVL", "DEV", "EDU", "ELI", "ENV", "GOV",
    "HLH", "HRI", "IGO", "IMG", "INS", "INT", "JUD", "LAB", "LEG", "MED",
    "MIL", "MNC", "MOD", "NGM", "NGO", "OPP", "PKO", "PPL", "PTY", "RAD",
    "REB", "REF", "SEP", "SET", "SPY", "UAF", "UIS", NULL};

/* Religions and their subcodes (CAMEO/GDELT), plus REL (generic
 * religious) and MOS, both used by the Phoenix dictionaries. MAR
 * (Maronite) is a religion only after another religion block: alone it is
 * Morocco. */
static const char *const religions[] = {
    "ADR", "ALE", "ATH", "BAH", "BUD", "CHR", "CON", "CPT", "CTH", "DOX",
    "DRZ", "HIN", "HSD", "ITR", "JAN", "JEW", "JHW", "LDS", "MOS", "MUS",
    "NRM", "PAG", "PRO", "REL", "SFI", "SHI", "SIK", "SUN", "TAO", "UDX",
    "ZRO", NULL};

/* Ethnic blocks the Phoenix dictionaries use. */
static const char *const ethnic[] = {"ARB", "KUR", "TAM", "UIG", NULL};

static int in(const char *const *list, const char *b)
{
    for (; *list; list++)
        if (strcmp(*list, b) == 0)
            return 1;
    return 0;
}

static void set(char dst[4], const char *b) { memcpy(dst, b, 4); }

int kbi_actor_split(const char *code, kbi_actor *a)
{
    memset(a, 0, sizeof *a);
    if (!code)
        return 0;
    size_t n = strlen(code);
    int any = 0, prev_religion = 0, ntype = 0, nrel = 0;
    for (size_t i = 0; i + 3 <= n; i += 3) {
        char b[4];
        int ok = 1;
        for (int k = 0; k < 3; k++) {
            int c = kbi_toupper((unsigned char)code[i + (size_t)k]);
            ok = ok && ((c >= 'A' && c <= 'Z') || kbi_isdigit(c));
            b[k] = (char)c;
        }
        b[3] = '\0';
        if (!ok && strcmp(b, "---") == 0)
            continue; /* "---GOV": no country, then a role */
        if (!ok)
            break;
        any = 1;
        int religion = 0;
        if (i == 0 && kbi_country_by_cameo(b)) {
            set(a->country, b);
        } else if (in(types, b) && ntype < 3) {
            set(a->type[ntype++], b);
        } else if ((in(religions, b) || (prev_religion && !strcmp(b, "MAR"))) &&
                   nrel < 2) {
            set(a->religion[nrel++], b);
            religion = 1;
        } else if (in(ethnic, b) && !a->ethnic[0]) {
            set(a->ethnic, b);
        } else if (!a->country[0] && kbi_country_by_cameo(b)) {
            set(a->country, b);
        } else if (!a->group[0] && !in(types, b) && !in(religions, b)) {
            set(a->group, b);
        } else if (strlen(a->extra) + 3 < sizeof a->extra) {
            strcat(a->extra, b);
        }
        prev_religion = religion;
    }
    return any;
}
