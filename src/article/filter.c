/* filter.c - what is not political news, and what did not happen.
 *
 * Event coders over-generate: sports, markets and technology stories come
 * out as wars and visits ("the Patriots beat the Cardinals": force), and
 * plans, denials and conditionals as deeds. Three checks keep them out:
 *
 *   - the topic of the article: words that only sports, markets,
 *     technology or entertainment stories use, counted against words of
 *     politics and conflict, over the title and the body; a story whose
 *     other topic clearly outweighs politics is not coded at all, and a
 *     sentence full of sports words is not coded in any story;
 *   - the lead credit: "Reuters - ", "AP - ", "SPACE.com - TORONTO,
 *     Canada -- " before the first sentence is a source and a place, not
 *     an actor: it is split off as a paragraph of its own;
 *   - the mood of the event's verb, read from the dependency tree: a
 *     modal or future auxiliary (may, could, would, will, should, must,
 *     can), a negation (not, never), a condition (if, unless, whether), a
 *     question, or a verb that is only the complement of wanting,
 *     planning, threatening, denying, refusing, failing, trying ("vowed to
 *     attack") did not happen as told.
 *
 * The word lists are deliberately specific: "win", "defeat", "team" and
 * "attack" belong to war as much as to sport and count for neither. */
#include <pthread.h>
#include <stdint.h>
#include <string.h>

#include "../base/util.h"
#include "article.h"

/* ---- topics ------------------------------------------------------------- */

enum { T_POLITICS, T_SPORTS, T_MARKETS, T_TECH, T_SHOW, T_WEATHER, NTOPICS };

typedef struct topic_word {
    const char *w;   /* lower case; a word or a phrase of words */
    int topic;
} topic_word;

static const topic_word topic_words[] = {
    /* politics and conflict */
    {"government", T_POLITICS}, {"minister", T_POLITICS},
    {"president", T_POLITICS}, {"parliament", T_POLITICS},
    {"election", T_POLITICS}, {"elections", T_POLITICS},
    {"troops", T_POLITICS}, {"army", T_POLITICS}, {"military", T_POLITICS},
    {"police", T_POLITICS}, {"rebels", T_POLITICS}, {"rebel", T_POLITICS},
    {"militants", T_POLITICS}, {"insurgents", T_POLITICS},
    {"war", T_POLITICS}, {"killed", T_POLITICS}, {"bomb", T_POLITICS},
    {"bombing", T_POLITICS}, {"sanctions", T_POLITICS},
    {"embassy", T_POLITICS}, {"diplomat", T_POLITICS},
    {"diplomats", T_POLITICS}, {"treaty", T_POLITICS},
    {"ceasefire", T_POLITICS}, {"cease-fire", T_POLITICS},
    {"protesters", T_POLITICS}, {"opposition", T_POLITICS},
    {"senate", T_POLITICS}, {"congress", T_POLITICS},
    {"lawmakers", T_POLITICS}, {"ambassador", T_POLITICS},
    {"summit", T_POLITICS}, {"nuclear", T_POLITICS},
    {"terrorism", T_POLITICS}, {"terrorist", T_POLITICS},
    {"terrorists", T_POLITICS}, {"hostage", T_POLITICS},
    {"hostages", T_POLITICS}, {"refugees", T_POLITICS},
    {"united nations", T_POLITICS}, {"nato", T_POLITICS},
    {"prime minister", T_POLITICS}, {"foreign minister", T_POLITICS},
    {"embargo", T_POLITICS}, {"weapons", T_POLITICS},
    {"soldiers", T_POLITICS}, {"guerrillas", T_POLITICS},
    {"peace", T_POLITICS}, {"coup", T_POLITICS}, {"regime", T_POLITICS},
    /* sports */
    {"olympic", T_SPORTS}, {"olympics", T_SPORTS}, {"olympian", T_SPORTS},
    {"athlete", T_SPORTS}, {"athletes", T_SPORTS}, {"medal", T_SPORTS},
    {"medals", T_SPORTS}, {"championship", T_SPORTS},
    {"championships", T_SPORTS}, {"tournament", T_SPORTS},
    {"league", T_SPORTS}, {"coach", T_SPORTS}, {"striker", T_SPORTS},
    {"midfielder", T_SPORTS}, {"goalkeeper", T_SPORTS},
    {"quarterback", T_SPORTS}, {"touchdown", T_SPORTS},
    {"touchdowns", T_SPORTS}, {"inning", T_SPORTS}, {"innings", T_SPORTS},
    {"homer", T_SPORTS}, {"homers", T_SPORTS}, {"pitcher", T_SPORTS},
    {"pitched", T_SPORTS}, {"rookie", T_SPORTS}, {"playoff", T_SPORTS},
    {"playoffs", T_SPORTS}, {"semifinal", T_SPORTS},
    {"semifinals", T_SPORTS}, {"quarterfinal", T_SPORTS},
    {"quarterfinals", T_SPORTS}, {"football", T_SPORTS},
    {"soccer", T_SPORTS}, {"baseball", T_SPORTS}, {"basketball", T_SPORTS},
    {"hockey", T_SPORTS}, {"tennis", T_SPORTS}, {"golf", T_SPORTS},
    {"cricket", T_SPORTS}, {"rugby", T_SPORTS}, {"cycling", T_SPORTS},
    {"marathon", T_SPORTS}, {"wimbledon", T_SPORTS}, {"nfl", T_SPORTS},
    {"nba", T_SPORTS}, {"nhl", T_SPORTS}, {"mlb", T_SPORTS},
    {"nascar", T_SPORTS}, {"fifa", T_SPORTS}, {"uefa", T_SPORTS},
    {"grand prix", T_SPORTS}, {"formula one", T_SPORTS},
    {"motogp", T_SPORTS}, {"wicket", T_SPORTS}, {"wickets", T_SPORTS},
    {"batsman", T_SPORTS}, {"seeded", T_SPORTS}, {"top-seeded", T_SPORTS},
    {"world cup", T_SPORTS}, {"super bowl", T_SPORTS},
    {"world series", T_SPORTS}, {"stadium", T_SPORTS},
    {"season", T_SPORTS}, {"match", T_SPORTS}, {"matches", T_SPORTS},
    {"scored", T_SPORTS}, {"goals", T_SPORTS}, {"points", T_SPORTS},
    {"victory over", T_SPORTS}, {"teammate", T_SPORTS},
    {"teammates", T_SPORTS}, {"defender", T_SPORTS}, {"pole", T_SPORTS},
    {"lap", T_SPORTS}, {"racing", T_SPORTS}, {"sprinter", T_SPORTS},
    {"swimmer", T_SPORTS}, {"cyclist", T_SPORTS}, {"doping", T_SPORTS},
    {"jockey", T_SPORTS}, {"jockeys", T_SPORTS}, {"test match", T_SPORTS},
    {"one-day", T_SPORTS}, {"runs", T_SPORTS}, {"draw", T_SPORTS},
    {"cup", T_SPORTS}, {"fans", T_SPORTS}, {"players", T_SPORTS},
    {"player", T_SPORTS}, {"game", T_SPORTS}, {"games", T_SPORTS},
    {"gold", T_SPORTS}, {"bronze", T_SPORTS}, {"world record", T_SPORTS},
    {"vuelta", T_SPORTS}, {"tour de france", T_SPORTS}, {"giro", T_SPORTS},
    {"kickoff", T_SPORTS}, {"sideline", T_SPORTS}, {"hat-trick", T_SPORTS},
    {"friendly", T_SPORTS}, {"club", T_SPORTS}, {"skipper", T_SPORTS},
    {"batting", T_SPORTS}, {"bowled", T_SPORTS}, {"pacemen", T_SPORTS},
    {"all-rounder", T_SPORTS}, {"all-rounders", T_SPORTS},
    {"teams", T_SPORTS}, {"masters", T_SPORTS}, {"qualifier", T_SPORTS},
    {"finish line", T_SPORTS}, {"champion", T_SPORTS},
    {"home side", T_SPORTS}, {"top order", T_SPORTS},
    {"seed", T_SPORTS},
    /* markets and business */
    {"shares", T_MARKETS}, {"stock", T_MARKETS}, {"stocks", T_MARKETS},
    {"investors", T_MARKETS}, {"earnings", T_MARKETS},
    {"profit", T_MARKETS}, {"profits", T_MARKETS}, {"revenue", T_MARKETS},
    {"revenues", T_MARKETS}, {"quarterly", T_MARKETS},
    {"nasdaq", T_MARKETS}, {"dow", T_MARKETS}, {"dividend", T_MARKETS},
    {"ipo", T_MARKETS}, {"merger", T_MARKETS}, {"acquisition", T_MARKETS},
    {"takeover", T_MARKETS}, {"analysts", T_MARKETS},
    {"wall street", T_MARKETS}, {"ceo", T_MARKETS},
    {"chief executive", T_MARKETS}, {"shareholders", T_MARKETS},
    {"bankruptcy", T_MARKETS}, {"retailer", T_MARKETS},
    {"inc", T_MARKETS}, {"corp", T_MARKETS}, {"ltd", T_MARKETS},
    {"plc", T_MARKETS}, {"sales", T_MARKETS}, {"customers", T_MARKETS},
    {"prices", T_MARKETS}, {"crude", T_MARKETS},
    {"barrel", T_MARKETS}, {"airline", T_MARKETS}, {"automaker", T_MARKETS},
    {"company", T_MARKETS}, {"companies", T_MARKETS}, {"firm", T_MARKETS},
    {"billion", T_MARKETS}, {"million", T_MARKETS},
    /* technology and science */
    {"software", T_TECH}, {"internet", T_TECH}, {"online", T_TECH},
    {"computer", T_TECH}, {"computers", T_TECH}, {"chip", T_TECH},
    {"chips", T_TECH}, {"microsoft", T_TECH}, {"google", T_TECH},
    {"apple", T_TECH}, {"ibm", T_TECH}, {"intel", T_TECH},
    {"linux", T_TECH}, {"windows", T_TECH}, {"broadband", T_TECH},
    {"wireless", T_TECH}, {"handset", T_TECH}, {"spacecraft", T_TECH},
    {"nasa", T_TECH}, {"space station", T_TECH}, {"astronaut", T_TECH},
    {"astronauts", T_TECH}, {"scientists", T_TECH}, {"researchers", T_TECH},
    {"species", T_TECH}, {"genome", T_TECH}, {"spam", T_TECH},
    {"spyware", T_TECH}, {"hacker", T_TECH}, {"hackers", T_TECH},
    {"download", T_TECH}, {"browser", T_TECH}, {"e-mail", T_TECH},
    {"email", T_TECH}, {"website", T_TECH}, {"web site", T_TECH},
    {"web", T_TECH}, {"search engine", T_TECH}, {"telescope", T_TECH},
    {"planet", T_TECH}, {"robot", T_TECH}, {"video game", T_TECH},
    {"console", T_TECH}, {"playstation", T_TECH}, {"xbox", T_TECH},
    {"ipod", T_TECH}, {"digital", T_TECH}, {"technology", T_TECH},
    {"users", T_TECH}, {"server", T_TECH}, {"servers", T_TECH},
    {"network", T_TECH}, {"mobile", T_TECH}, {"phone", T_TECH},
    {"phones", T_TECH}, {"virus", T_TECH}, {"worm", T_TECH},
    {"study", T_TECH}, {"research", T_TECH}, {"orbit", T_TECH},
    {"satellite", T_TECH}, {"dinosaur", T_TECH}, {"fossil", T_TECH},
    {"desktop", T_TECH}, {"laptop", T_TECH}, {"processor", T_TECH},
    {"storage", T_TECH}, {"sun microsystems", T_TECH}, {"oracle", T_TECH},
    {"peoplesoft", T_TECH}, {"yahoo", T_TECH}, {"amazon.com", T_TECH},
    {"ebay", T_TECH}, {"nokia", T_TECH}, {"sony", T_TECH},
    {"supercomputer", T_TECH}, {"supercomputing", T_TECH},
    {"anti-spam", T_TECH}, {"space agency", T_TECH}, {"mars", T_TECH},
    {"probe", T_TECH}, {"cloning", T_TECH}, {"telecom", T_TECH},
    {"telecommunications", T_TECH}, {"ethernet", T_TECH},
    {"products", T_TECH}, {"scientific", T_TECH}, {"biotech", T_TECH},
    /* weather and nature */
    {"hurricane", T_WEATHER}, {"storm", T_WEATHER}, {"tropical", T_WEATHER},
    {"winds", T_WEATHER}, {"rain", T_WEATHER},
    {"forecasters", T_WEATHER}, {"mph", T_WEATHER}, {"typhoon", T_WEATHER},
    {"flooding", T_WEATHER}, {"climate", T_WEATHER},
    {"earthquake", T_WEATHER}, {"earthquakes", T_WEATHER},
    {"quake", T_WEATHER}, {"quakes", T_WEATHER}, {"aftershock", T_WEATHER},
    {"aftershocks", T_WEATHER}, {"tsunami", T_WEATHER},
    {"cyclone", T_WEATHER}, {"tornado", T_WEATHER},
    {"landslide", T_WEATHER}, {"mudslide", T_WEATHER},
    {"avalanche", T_WEATHER}, {"wildfire", T_WEATHER},
    /* entertainment */
    {"film", T_SHOW}, {"movie", T_SHOW}, {"actor", T_SHOW},
    {"actress", T_SHOW}, {"singer", T_SHOW}, {"album", T_SHOW},
    {"box office", T_SHOW}, {"hollywood", T_SHOW}, {"oscar", T_SHOW},
    {"celebrity", T_SHOW}, {"concert", T_SHOW}, {"band", T_SHOW},
};

static int word_char(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9') || c == '-' || c == '.' || c >= 0x80;
}

/* The topic words by their first word: a hash table built once, on first
 * use, and only read afterwards (any number of threads). */
enum { SLOTS = 1024, SLOT_ENTRIES = 6 };

typedef struct slot {
    const char *w;        /* the first word (points into topic_words) */
    size_t len;
    int n;
    uint16_t e[SLOT_ENTRIES]; /* entries starting with it */
} slot;

static slot slots[SLOTS];
static pthread_once_t slots_once = PTHREAD_ONCE_INIT;

static size_t slot_of(const char *w, size_t n)
{
    uint64_t h = kbi_hash(w, n);
    return (size_t)(h & (SLOTS - 1));
}

static void build_slots(void)
{
    for (size_t t = 0; t < sizeof topic_words / sizeof *topic_words; t++) {
        const char *w = topic_words[t].w;
        const char *sp = strchr(w, ' ');
        size_t fl = sp ? (size_t)(sp - w) : strlen(w);
        size_t h = slot_of(w, fl);
        while (slots[h].w && !(slots[h].len == fl &&
                               memcmp(slots[h].w, w, fl) == 0))
            h = (h + 1) & (SLOTS - 1);
        slots[h].w = w;
        slots[h].len = fl;
        int seen = 0; /* a word listed twice counts once */
        for (int k = 0; k < slots[h].n; k++)
            seen |= strcmp(topic_words[slots[h].e[k]].w, w) == 0;
        if (!seen && slots[h].n < SLOT_ENTRIES)
            slots[h].e[slots[h].n++] = (uint16_t)t;
    }
}

static const slot *find_slot(const char *w, size_t n)
{
    pthread_once(&slots_once, build_slots);
    for (size_t h = slot_of(w, n);; h = (h + 1) & (SLOTS - 1)) {
        if (!slots[h].w)
            return NULL;
        if (slots[h].len == n && memcmp(slots[h].w, w, n) == 0)
            return &slots[h];
    }
}

/* A score: "42-17", "6-3", "1-0" (two numbers of at most three digits). */
static int score(const char *w, size_t n)
{
    size_t i = 0, a = 0, b = 0;
    while (i < n && w[i] >= '0' && w[i] <= '9')
        i++, a++;
    if (a == 0 || a > 3 || i >= n || w[i] != '-')
        return 0;
    for (i++; i < n && w[i] >= '0' && w[i] <= '9'; i++)
        b++;
    return b > 0 && b <= 3 && i == n;
}

/* "14th-ranked", "top-ranked", "No.1-ranked" */
static int ranked(const char *w, size_t n)
{
    return n > 7 && memcmp(w + n - 7, "-ranked", 7) == 0;
}

/* Counts topic words in s[0, n) into count[]. */
static void count_topics(const char *s, size_t n, int *count)
{
    char low[64];
    size_t i = 0;
    while (i < n) {
        while (i < n && !word_char((unsigned char)s[i]))
            i++;
        size_t b = i;
        while (i < n && word_char((unsigned char)s[i]))
            i++;
        size_t wl = i - b;
        while (wl > 0 && s[b + wl - 1] == '.')
            wl--; /* "Corp." */
        if (wl == 0 || wl >= sizeof low)
            continue;
        for (size_t k = 0; k < wl; k++) {
            int c = (unsigned char)s[b + k];
            low[k] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
        }
        low[wl] = '\0';
        if (score(low, wl) || ranked(low, wl)) {
            count[T_SPORTS]++;
            continue;
        }
        const slot *sl = find_slot(low, wl);
        for (int k = 0; sl && k < sl->n; k++) {
            const topic_word *tw = &topic_words[sl->e[k]];
            const char *w = tw->w;
            size_t l = strlen(w);
            if (l == wl) {
                count[tw->topic]++;
                continue;
            }
            /* a phrase: the rest after one blank */
            if (i + (l - wl) > n)
                continue;
            int same = 1;
            for (size_t q = wl; q < l && same; q++) {
                int c = (unsigned char)s[i + (q - wl)];
                c = c >= 'A' && c <= 'Z' ? c + 32 : c;
                same = c == (unsigned char)w[q];
            }
            if (same && (i + (l - wl) == n ||
                         !word_char((unsigned char)s[i + (l - wl)])))
                count[tw->topic]++;
        }
    }
}

static const char *const topic_names[NTOPICS] = {
    "politics", "sports", "markets", "technology", "entertainment",
    "weather"};

/* The other topic that outweighs politics in count[], or NULL. */
static const char *judge(const int *count, int need)
{
    int best = -1;
    for (int t = T_SPORTS; t < NTOPICS; t++)
        if (best < 0 || count[t] > count[best])
            best = t;
    if (count[best] >= need && 2 * count[best] > 3 * count[T_POLITICS])
        return topic_names[best];
    return NULL;
}

const char *kbi_topic_other(const char *s, size_t n, int sentence)
{
    int count[NTOPICS] = {0};
    count_topics(s, n, count);
    /* a sentence about a quake or a storm: what it kills is not an actor's
     * deed, whatever the story is about */
    if (sentence && count[T_WEATHER] > 0 && count[T_POLITICS] <= 2)
        return topic_names[T_WEATHER];
    return judge(count, sentence ? 3 : 2);
}

const char *kbi_topic_article(const char *title, size_t tl, const char *body,
                              size_t bl)
{
    int count[NTOPICS] = {0};
    /* a headline says what the story is about: its words count twice */
    for (int k = 0; k < 2 && title; k++)
        count_topics(title, tl, count);
    count_topics(body, bl, count);
    return judge(count, 2);
}

/* ---- the lead credit ---------------------------------------------------- */

/* Length of a separator " - ", " -- ", " \u2013 ", " \u2014 " at s, or 0. */
static size_t separator(const char *s, size_t n)
{
    if (n < 3 || s[0] != ' ')
        return 0;
    size_t k = 1;
    if (s[k] == '-') {
        k++;
        if (k < n && s[k] == '-')
            k++;
    } else if (n >= 5 && (unsigned char)s[1] == 0xE2 &&
               (unsigned char)s[2] == 0x80 &&
               ((unsigned char)s[3] == 0x93 || (unsigned char)s[3] == 0x94)) {
        k = 4;
    } else {
        return 0;
    }
    return k < n && s[k] == ' ' ? k + 1 : 0;
}

size_t kbi_lead_credit(char *s, size_t n)
{
    size_t at = 0;
    for (int round = 0; round < 2; round++) {
        size_t i = at, words = 0;
        while (i < n && s[i] == ' ')
            i++;
        size_t b = i;
        if (i >= n || !((s[i] >= 'A' && s[i] <= 'Z') ||
                        (s[i] >= 'a' && s[i] <= 'z')))
            break;
        size_t sep = 0;
        while (i < n && i - b <= 40) {
            if ((sep = separator(s + i, n - i)) != 0)
                break;
            int c = (unsigned char)s[i];
            if (c == ' ')
                words++;
            else if (!word_char(c) && c != '&' && c != '\'' && c != ',')
                break;
            i++;
        }
        if (!sep || words > 5 || i - b > 40)
            break;
        size_t next = i + sep;
        if (next >= n || !((s[next] >= 'A' && s[next] <= 'Z') ||
                           (s[next] >= '0' && s[next] <= '9') ||
                           s[next] == '"'))
            break;
        /* the separator becomes a paragraph break */
        s[i] = '\n';
        s[i + 1] = '\n';
        for (size_t k = i + 2; k < next; k++)
            s[k] = ' ';
        at = next;
    }
    return at;
}

/* ---- the mood of a verb ------------------------------------------------- */

static const char *const modals[] = {
    "WILL", "WOULD", "COULD", "MAY", "MIGHT", "SHOULD", "SHALL", "MUST",
    "CAN", "CA", "WO", "'LL", "'D", "OUGHT", NULL};
static const char *const negations[] = {"NOT", "N'T", "NEVER", NULL};
static const char *const conditions[] = {"IF", "UNLESS", "WHETHER", NULL};
static const char *const unreal_heads[] = {
    "WANT", "WANTS", "WANTED", "HOPE", "HOPES", "HOPED", "PLAN", "PLANS",
    "PLANNED", "PLANNING", "AIM", "AIMS", "AIMED", "INTEND", "INTENDS",
    "INTENDED", "THREATEN", "THREATENS", "THREATENED", "VOW", "VOWS",
    "VOWED", "PROMISE", "PROMISES", "PROMISED", "REFUSE", "REFUSES",
    "REFUSED", "FAIL", "FAILS", "FAILED", "TRY", "TRIES", "TRIED",
    "SEEK", "SEEKS", "SOUGHT", "DENY", "DENIES", "DENIED", "AGREE",
    "AGREES", "AGREED", "DECIDE", "DECIDES", "DECIDED", "EXPECT",
    "EXPECTS", "EXPECTED", "PREPARE", "PREPARES", "PREPARED", "PLEDGE",
    "PLEDGED", "OFFER", "OFFERED", "URGE", "URGED", "ASK", "ASKED",
    "CALL", "CALLED", "NEED", "NEEDS", "NEEDED", "WISH", "WISHED", "CLOSE",
    "READY", "SET", "LIKELY", "UNLIKELY", "UNABLE", "EAGER",
    "WILLING", "UNWILLING", "POISED", "DUE", "ABOUT", "GOING", "SCHEDULED",
    "SLATED", "WANTING", "HOPING", "AIMING", "INTENDING", "THREATENING",
    "VOWING", "PROMISING", "REFUSING", "FAILING", "TRYING", "SEEKING",
    "DENYING", "AGREEING", "DECIDING", "EXPECTING", "PREPARING", "PLEDGING",
    "OFFERING", "URGING", "ASKING", "CALLING", "NEEDING", "WISHING", "PLOT",
    "PLOTS", "PLOTTED", "PLOTTING", "CONSPIRE", "CONSPIRES", "CONSPIRED",
    "CONSPIRING", "PROPOSE", "PROPOSES", "PROPOSED", "PROPOSING", "DEMAND",
    "DEMANDS", "DEMANDED", "DEMANDING", "ORDER", "ORDERS", "ORDERED",
    "ORDERING", "PLEDGES", "OFFERS", "URGES", "ASKS", "CALLS", "WISHES",
    NULL};
static const char *const be_forms[] = {"IS", "ARE", "WAS", "WERE", "AM",
                                       "'S", "'RE", "BE", NULL};

/* Verbs whose infinitive complement happened: "began to withdraw",
 * "managed to escape", "forced the plane to land". */
static const char *const implicative[] = {
    "BEGIN", "BEGINS", "BEGAN", "BEGUN", "BEGINNING", "START", "STARTS",
    "STARTED", "STARTING", "CONTINUE", "CONTINUES", "CONTINUED",
    "CONTINUING", "MANAGE", "MANAGES", "MANAGED", "MANAGING", "FORCE",
    "FORCES", "FORCED", "FORCING", "COMPEL", "COMPELS", "COMPELLED",
    "HELP", "HELPS", "HELPED", "HELPING", "PROCEED", "PROCEEDS",
    "PROCEEDED", "WENT", "GOES", "MOVED", "MOVES", "RUSHED", "RUSH",
    "ACTED", "STEPPED", "HAPPENED", "GOT", "CAME", "COMES", NULL};

/* Does token v have "to" as its marker? */
static int has_to(const kbi_sentence *s, int32_t v)
{
    for (int32_t k = 0; k < v; k++)
        if (s->toks[k].head == v && kbi_rel_is(&s->toks[k], "mark") &&
            s->toks[k].upper && !strcmp(s->toks[k].upper, "TO"))
            return 1;
    return 0;
}

/* Is token k an object that is nothing ("no evidence", "nothing")? */
static int no_object(const kbi_sentence *s, int32_t k)
{
    if (s->toks[k].upper && !strcmp(s->toks[k].upper, "NOTHING"))
        return 1;
    for (int32_t i = 0; i < k; i++)
        if (s->toks[i].head == k && kbi_rel_is(&s->toks[i], "det") &&
            s->toks[i].upper && !strcmp(s->toks[i].upper, "NO"))
            return 1;
    return 0;
}

static int is_noun_tag(const kbi_token *t)
{
    return t->xpos && t->xpos[0] == 'N' && t->xpos[1] == 'N';
}

static int past_tag(const kbi_token *t)
{
    return t->xpos && (!strcmp(t->xpos, "VBD") || !strcmp(t->xpos, "VBN"));
}

/* A conjunct verb v with no "and" or "or" of its own and no subject. */
static int bare_conjunct(const kbi_sentence *s, int32_t v)
{
    if (!kbi_rel_is(&s->toks[v], "conj"))
        return 0;
    for (int32_t k = 0; k < s->ntoks; k++)
        if (s->toks[k].head == v &&
            (kbi_rel_is(&s->toks[k], "cc") || kbi_rel_is(&s->toks[k], "nsubj")))
            return 0;
    return 1;
}

/* Is past-tense verb v a participle after a noun that the parser took
 * for a main verb? The greedy parser reads "two Malaysian fugitives ...
 * believed to be responsible" as a second verb of the sentence, joined
 * without "and", and "A defense lawyer for one of three Americans accused
 * of torturing ... showed a video" with "accused" as the main verb and
 * "showed" joined to it without "and": a finite verb right after a noun
 * that is not its subject, with a subjectless conjunct of its own or
 * being one, in a sentence where English would need "and". */
static int reduced_relative(const kbi_sentence *s, int32_t v)
{
    if (v < 1 || !past_tag(&s->toks[v]) || !is_noun_tag(&s->toks[v - 1]))
        return 0;
    if (bare_conjunct(s, v) && s->toks[v].head >= 0 && s->toks[v].head < v)
        return 1;
    /* the noun before v ends a phrase inside v's subject ("for one of
     * three Americans"; not a name's last word: "Jacques Chirac"), and a
     * later verb hangs on v as a bare conjunct */
    int32_t subj = -1;
    for (int32_t k = 0; k < v; k++)
        if (s->toks[k].head == v && kbi_rel_is(&s->toks[k], "nsubj"))
            subj = k;
    if (subj < 0 || subj == v - 1 || !kbi_tok_below(s, v - 1, subj))
        return 0;
    int inner = 0;
    for (int32_t h = v - 1, steps = 0; h != subj && h >= 0 && steps < 64;
         steps++, h = s->toks[h].head)
        inner |= kbi_rel_is(&s->toks[h], "nmod") || kbi_rel_is(&s->toks[h], "acl");
    if (!inner)
        return 0;
    for (int32_t k = v + 1; k < s->ntoks; k++)
        if (s->toks[k].head == v && past_tag(&s->toks[k]) &&
            bare_conjunct(s, k))
            return 1;
    return 0;
}

/* Is v a base-form verb joined to a finite past or present verb with
 * nothing to make it finite ("and demanded the country immediately
 * withdraw any troops", parsed with "withdraw" as a conjunct of the main
 * verb)? A base form is never a past event by itself: it needs a modal,
 * "to", "do" or a subject of its own (present tense). */
static int bare_infinitive(const kbi_sentence *s, int32_t v)
{
    const kbi_token *t = &s->toks[v];
    if (!t->xpos || strcmp(t->xpos, "VB") != 0 || !kbi_rel_is(t, "conj") ||
        t->head < 0 || t->head >= s->ntoks)
        return 0;
    const char *hx = s->toks[t->head].xpos;
    if (!hx || (strcmp(hx, "VBD") && strcmp(hx, "VBN") && strcmp(hx, "VBZ")))
        return 0;
    for (int32_t k = 0; k < s->ntoks; k++)
        if (s->toks[k].head == v &&
            (kbi_rel_is(&s->toks[k], "aux") || kbi_rel_is(&s->toks[k], "mark") ||
             kbi_rel_is(&s->toks[k], "nsubj")))
            return 0;
    return 1;
}

int kbi_no_comment(const kbi_sentence *s, int32_t v, const char *code)
{
    static const char *const refuse[] = {
        "DECLINE", "DECLINES", "DECLINED", "DECLINING", "REFUSE", "REFUSES",
        "REFUSED", "REFUSING", NULL};
    static const char *const speak[] = {
        "SAY", "COMMENT", "ESTIMATE", "ELABORATE", "SPECIFY", "DISCLOSE",
        "REVEAL", "NAME", "IDENTIFY", "PREDICT", "CONFIRM", "DENY",
        "SPECULATE", "DETAIL", "FORECAST", "QUANTIFY", NULL};
    if (!s || v < 0 || v >= s->ntoks || !code || !strcmp(code, "011") ||
        !kbi_in_list(s->toks[v].upper, refuse))
        return 0;
    for (int32_t k = 0; k < s->ntoks; k++)
        if (s->toks[k].head == v && kbi_rel_is(&s->toks[k], "xcomp") &&
            kbi_in_list(s->toks[k].upper, speak))
            return 1;
    return 0;
}

const char *kbi_unreal(const kbi_sentence *s, int32_t v)
{
    if (s->ntoks > 0 && s->toks[s->ntoks - 1].form &&
        strcmp(s->toks[s->ntoks - 1].form, "?") == 0)
        return "question";
    if (v < 0 || v >= s->ntoks)
        return NULL;
    if (kbi_rel_is(&s->toks[v], "amod") || kbi_rel_is(&s->toks[v], "compound"))
        return "modifier"; /* "convicted spy Azzam Azzam" */
    if (reduced_relative(s, v))
        return "modifier"; /* "fugitives believed to be responsible" */
    if (bare_infinitive(s, v))
        return "complement"; /* "demanded the country withdraw" */
    /* "nearly 40 years after he defected", "two years after French forces
     * arrived": the verb of the clause is years before the story */
    static const char *const long_units[] = {"YEARS", "DECADES", "CENTURIES",
                                             NULL};
    for (int32_t k = 0; k + 1 < s->ntoks; k++)
        if (s->toks[k].head == v && kbi_in_list(s->toks[k].upper, long_units) &&
            s->toks[k + 1].upper && !strcmp(s->toks[k + 1].upper, "AFTER"))
            return "history";
    /* "For years Mahathir blocked ...", "has for decades opposed": a
     * summary of a long time, not an event (a span with a number or a
     * quantity, "jailed for ten years", "detained for several years", is
     * the event's own measure and stays, and so does "for months") */
    static const char *const spans[] = {"YEARS", "DECADES", "CENTURIES",
                                        "GENERATIONS", NULL};
    for (int32_t k = 1; k < s->ntoks; k++) {
        const kbi_token *t = &s->toks[k];
        if (t->head == v && kbi_in_list(t->upper, spans) &&
            s->toks[k - 1].upper && !strcmp(s->toks[k - 1].upper, "FOR"))
            return "summary";
    }
    /* "without attacking", "refrained from attacking", "stopped short of
     * endorsing": a deed not done */
    static const char *const held_back[] = {
        "REFRAIN", "REFRAINS", "REFRAINED", "REFRAINING", "ABSTAIN",
        "ABSTAINS", "ABSTAINED", "ABSTAINING", "DESISTED", "SHORT", "BARRED",
        "BANNED", "PREVENTED", "PREVENTS", "PREVENT", "DETERRED", NULL};
    for (int32_t k = 0; k < s->ntoks; k++) {
        const kbi_token *t = &s->toks[k];
        if (t->head != v || !kbi_rel_is(t, "mark") || !t->upper)
            continue;
        if (!strcmp(t->upper, "WITHOUT"))
            return "negated";
        if ((!strcmp(t->upper, "FROM") || !strcmp(t->upper, "OF")) &&
            s->toks[v].head >= 0 &&
            kbi_in_list(s->toks[s->toks[v].head].upper, held_back))
            return "negated";
    }
    /* the verb and the heads of its coordination ("did not attack or
     * kill") */
    for (int32_t h = v, steps = 0; h >= 0 && steps < 8; steps++) {
        for (int32_t k = 0; k < s->ntoks; k++) {
            const kbi_token *t = &s->toks[k];
            if (t->head != h)
                continue;
            if ((kbi_rel_is(t, "aux")) && kbi_in_list(t->upper, modals))
                return "modal";
            if (kbi_rel_is(t, "advmod") && kbi_in_list(t->upper, negations))
                return "negated";
            if (kbi_rel_is(t, "mark") && kbi_in_list(t->upper, conditions))
                return "conditional";
            /* "found no evidence", "reached no agreement" */
            if (h == v && kbi_rel_is(t, "obj") && no_object(s, k))
                return "negated";
        }
        const kbi_token *ht = &s->toks[h];
        /* "Karzai is to visit Pakistan": a plan (the parser hangs "is" and
         * "to" on the verb) */
        int be = 0, to = 0;
        for (int32_t k = 0; k < s->ntoks; k++) {
            const kbi_token *t = &s->toks[k];
            if (t->head != h || k > h)
                continue;
            if ((kbi_rel_is(t, "cop") || kbi_rel_is(t, "aux")) &&
                kbi_in_list(t->upper, be_forms))
                be = 1;
            if (kbi_rel_is(t, "mark") && t->upper && !strcmp(t->upper, "TO"))
                to = 1;
        }
        if (be && to)
            return "plan";
        /* "flew to Abidjan to launch talks": a purpose, not a deed */
        if ((kbi_rel_is(ht, "advcl") || kbi_rel_is(ht, "acl")) && h == v) {
            for (int32_t k = 0; k < s->ntoks; k++)
                if (s->toks[k].head == h && kbi_rel_is(&s->toks[k], "mark") &&
                    s->toks[k].upper && strcmp(s->toks[k].upper, "TO") == 0)
                    return "purpose";
        }
        if (kbi_rel_is(ht, "xcomp") || kbi_rel_is(ht, "ccomp")) {
            int32_t g = ht->head;
            if (g >= 0 && kbi_in_list(s->toks[g].upper, unreal_heads))
                return "complement";
            /* an infinitive happened only under a verb that says it did
             * ("began to", "managed to", "forced ... to") */
            if (g >= 0 && kbi_rel_is(ht, "xcomp") && has_to(s, h) &&
                !kbi_in_list(s->toks[g].upper, implicative))
                return "complement";
        }
        /* "will have to recognize": the mood of the verb it completes */
        if (!kbi_rel_is(ht, "conj") && !kbi_rel_is(ht, "xcomp"))
            break;
        h = ht->head;
    }
    return NULL;
}

static int commercial(const char *c)
{
    return c && (strncmp(c, "MNC", 3) == 0 || kbi_code_has_block(c, "BUS"));
}

int kbi_business_only(const char *source, const char *target)
{
    return commercial(source) && commercial(target);
}

/* The first role of a code (after its country, "---" or "MNC") is that of
 * a company: "MNCUSA", "USABUS", "---BUS"; not "THAGOVBUS" (a ministry),
 * "IGOBUSIMF" (an international body). */
static int company(const char *c)
{
    if (!c)
        return 0;
    if (!strncmp(c, "MNC", 3))
        return 1;
    if (!strncmp(c, "IGO", 3) || !strncmp(c, "NGO", 3))
        return 0;
    static const char *const roles[] = {
        "GOV", "MIL", "COP", "JUD", "LEG", "ELI", "SPY", "OPP", "PTY", "REB",
        "UAF", "INS", "IMG", "MED", "EDU", "CVL", "LAB", "AGR", "HLH", "REL",
        "REF", "HRI", "ENV", "CRM", "PPL", "BUS", "DEV", "MOD", "RAD", NULL};
    size_t n = strlen(c);
    for (size_t off = 0; off + 3 <= n; off += 3)
        for (int i = 0; roles[i]; i++)
            if (!strncmp(c + off, roles[i], 3))
                return !strcmp(roles[i], "BUS");
    return 0;
}

/* A bare country as the target counts as no political actor here: in a
 * company's statement it is nearly always a place ("began service to
 * Tokyo"); the rare statement about a state's policy ("opposed Mexico's
 * tariffs") is lost with them. */
int kbi_company_statement(const char *code, const char *source,
                          const char *target)
{
    if (!code || code[0] != '0' || code[1] != '1' || !company(source))
        return 0;
    static const char *const political[] = {
        "GOV", "LEG", "JUD", "MIL", "COP", "ELI", "SPY", "PTY", "OPP", "REB",
        "UAF", "INS", "IMG", "IGO", NULL};
    for (int i = 0; political[i]; i++)
        if (kbi_code_has_block(target, political[i]))
            return 0;
    return 1;
}

/* Force (CAMEO 18, 19, 20) between companies is a figure of speech
 * ("Cisco is targeting small businesses", "struck a deal"): an actor that
 * is a business cannot take part in it. */
int kbi_figurative_force(const char *code, const char *source,
                         const char *target)
{
    int force = code && ((code[0] == '1' && (code[1] == '8' || code[1] == '9')) ||
                         (code[0] == '2' && code[1] == '0'));
    return force && (commercial(source) || commercial(target));
}

static const char *const attack_verbs[] = {
    "ATTACK", "ATTACKS", "ATTACKED", "ATTACKING", "LAUNCH", "LAUNCHES",
    "LAUNCHED", "LAUNCHING", "SLAMMED", "SLAMS", "BLASTED", "BLASTS",
    "HIT", "HITS", "LASHED", "ASSAILED", "TARGETED", "TARGETS", "TORE",
    "SAVAGED", "MAULED", NULL};

const char *kbi_verbal_attack(const char *code, const char *source,
                              const char *verb)
{
    int force = code && ((code[0] == '1' && (code[1] == '8' || code[1] == '9')) ||
                         (code[0] == '2' && code[1] == '0'));
    if (!force || !source || !kbi_in_list(verb, attack_verbs))
        return NULL;
    static const char *const armed[] = {"MIL", "REB", "INS", "UAF", "COP",
                                        "SPY", "IMG", "SEP", NULL};
    static const char *const verbal[] = {"OPP", "LEG", "PTY", "MED", "ELI",
                                         "JUD", "EDU", "HRI", "NGO", "LAB",
                                         "ENV", "HLH", "REL", NULL};
    int words = 0;
    for (const char *const *b = armed; *b; b++)
        if (kbi_code_has_block(source, *b))
            return NULL;
    for (const char *const *b = verbal; *b; b++)
        words |= kbi_code_has_block(source, *b);
    return words ? "111" : NULL; /* criticize or denounce */
}

/* "France said French reporters were alive", "Palestinian officials say
 * their leader ...": a statement, an appeal or an intent (CAMEO 01-03)
 * between two actors of one country, one of them the bare country, is a
 * country talking about itself, not an event between actors. */
int kbi_self_statement(const char *code, const char *source,
                       const char *target)
{
    if (!code || !source || !target || code[0] != '0' ||
        code[1] < '1' || code[1] > '3')
        return 0;
    if (strlen(source) < 3 || strlen(target) < 3 ||
        strncmp(source, "---", 3) == 0 || strncmp(source, target, 3) != 0)
        return 0;
    return strlen(source) == 3 || strlen(target) == 3;
}

/* "Russian police conducted an evacuation in Moscow" (RUSCOP>RUS), "the
 * Nigerian army left for Nigeria": a target that is the bare country of
 * its own source says nothing the source does not, and is almost always
 * a place read as an actor. Protests (14) and curfews, states of
 * emergency and other administrative sanctions (172) are aimed at one's
 * own country by nature and keep it. */
int kbi_own_country_target(const char *code, const char *source,
                           const char *target)
{
    if (!source || !target || strlen(target) != 3 ||
        strcmp(target, "---") == 0)
        return 0;
    if (code && (strncmp(code, "14", 2) == 0 || strncmp(code, "172", 3) == 0))
        return 0;
    return strncmp(source, target, 3) == 0;
}

/* "said in a British television interview", "told Reuters": the press a
 * statement or an appeal (CAMEO 01, 02) is made to is its channel, not
 * an actor it concerns. */
int kbi_press_audience(const char *code, const char *target)
{
    if (!code || !target || code[0] != '0' || (code[1] != '1' &&
                                               code[1] != '2'))
        return 0;
    return strcmp(target, "MED") == 0 ||
           (strlen(target) >= 6 && strncmp(target + 3, "MED", 3) == 0);
}

/* "arrived in Paris from Cairo to pick up records" matched "- * (TO)"
 * [040] with the "to" of an infinitive: a group "(TO)" (or "(TO +)",
 * "(TO ^)": no word after the preposition) stands for a prepositional
 * phrase, so the sentence must have "to" after the verb as a preposition.
 * Groups with a word after "to" ("(TO DEMONSTRATE)") mean the infinitive
 * and other first words ("(OUT)") may be particles: not checked. True
 * when such a "to" occurs after the verb v only as an infinitive's. */
int kbi_pattern_prep_missing(const kbi_sentence *s, int32_t v,
                             const char *pattern)
{
    if (!s || !pattern || v < 0 || v >= s->ntoks)
        return 0;
    for (const char *p = strchr(pattern, '('); p; p = strchr(p + 1, '(')) {
        char w[32];
        size_t n = 0;
        const char *q = p + 1;
        while (*q == ' ')
            q++;
        while (((*q >= 'A' && *q <= 'Z') || *q == '-') && n + 1 < sizeof w)
            w[n++] = *q++;
        w[n] = '\0';
        if (strcmp(w, "TO") != 0 || (*q != ' ' && *q != ')'))
            continue;
        while (*q == ' ')
            q++;
        if (*q != ')' && *q != '+' && *q != '^' && *q != '$' && *q != '%')
            continue; /* "(TO DEMONSTRATE)": a word after it */
        int seen = 0, prep = 0;
        for (int32_t i = v + 1; i < s->ntoks && !prep; i++) {
            const kbi_token *t = &s->toks[i];
            if (!t->upper || strcmp(t->upper, w) != 0)
                continue;
            seen = 1;
            prep = !t->upos || strcmp(t->upos, "ADP") == 0 ||
                   strcmp(t->upos, "SCONJ") == 0;
        }
        if (seen && !prep)
            return 1;
    }
    return 0;
}

/* "returned home from Britain", "Prince Harry flew back to the UK":
 * going home is no visit (042, 043) to where one comes from or goes back
 * to. "Home" always says so; "back" only when the place is the source's
 * own country or the source has none ("Rice flew back to Jerusalem" is
 * another visit). */
int kbi_going_home(const kbi_sentence *s, int32_t v, const char *code,
                   const char *source, const char *target)
{
    if (!s || !code || v < 0 || v >= s->ntoks ||
        strncmp(code, "04", 2) != 0 || (code[2] != '2' && code[2] != '3'))
        return 0;
    int back_home = source && target && strlen(target) >= 3 &&
                    (!strncmp(source, "---", 3) ||
                     !strncmp(source, target, 3));
    for (int32_t k = 0; k < s->ntoks; k++) {
        const kbi_token *t = &s->toks[k];
        if (t->head != v || !t->upper ||
            !(kbi_rel_is(t, "advmod") || kbi_rel_is(t, "compound") ||
              kbi_rel_is(t, "obl") || kbi_rel_is(t, "obj")))
            continue;
        if (!strcmp(t->upper, "HOME") ||
            (back_home && !strcmp(t->upper, "BACK")))
            return 1;
    }
    return 0;
}

int kbi_carried(const kbi_sentence *s, int32_t v, const char *code,
                const char *pattern)
{
    /* nouns of a visit or of those making one: "paid a visit to", "led a
     * delegation to" */
    static const char *const visitors[] = {
        "VISIT", "VISITS", "TRIP", "TRIPS", "TOUR", "JOURNEY", "DELEGATION",
        "DELEGATIONS", "TEAM", "MISSION", "STOP", "STOPOVER", "CALL", NULL};
    if (!s || !code || !pattern || v < 0 || v >= s->ntoks ||
        strncmp(code, "04", 2) != 0 || (code[2] != '2' && code[2] != '3') ||
        !strstr(pattern, "(TO"))
        return 0;
    for (int32_t k = 0; k < s->ntoks; k++) {
        const kbi_token *t = &s->toks[k];
        if (t->head == v && kbi_rel_is(t, "obj") &&
            !kbi_in_list(t->upper, visitors) &&
            !(t->xpos && !strncmp(t->xpos, "NNP", 3)))
            return 1; /* "is flying the migrants to Libya" */
    }
    return 0;
}

static const char *const people_nouns[] = {
    "PEOPLE", "PERSONS", "MEN", "WOMEN", "CHILDREN", "HOSTAGES",
    "CIVILIANS", "WORKERS", "DRIVERS", "ENGINEERS", "JOURNALISTS",
    "REPORTERS", "TOURISTS", "CONTRACTORS", "STUDENTS", "VILLAGERS",
    "MERCHANTS", "FISHERMEN", "PILGRIMS", "PASSENGERS", "SAILORS",
    "NATIONALS", "CITIZENS", "RESIDENTS", "FOREIGNERS", "AMERICANS",
    "BRITONS", "MAN", "WOMAN", "CHILD", "HOSTAGE", "WORKER", "DRIVER",
    "ENGINEER", "JOURNALIST", "REPORTER", "TOURIST", "CONTRACTOR",
    "BRITON", "AMERICAN", "NATIONAL", "CITIZEN", "BUSINESSMAN", NULL};

const char *kbi_seized_people(const char *code, const char *source,
                              const char *target_text)
{
    if (!code || strncmp(code, "171", 3) != 0 || !target_text)
        return NULL;
    /* a word of the target's phrase names people ("four Jordanian truck
     * drivers near Baghdad") */
    if (!kbi_words_in_list(target_text, people_nouns))
        return NULL;
    static const char *const state[] = {"COP", "MIL", "GOV", "JUD", "SPY",
                                        NULL};
    for (const char *const *b = state; source && *b; b++)
        if (kbi_code_has_block(source, *b))
            return "173"; /* arrest, detain */
    return "181"; /* abduct, take hostage */
}

/* Light verbs: their block's default code ("TAKE" 171, seize; "LINK"
 * 060) says nothing when no pattern of the block matched ("took over as
 * head", "took to the streets", "linked to al Qaeda"). */
static const char *const light_verbs[] = {
    "TAKE", "TAKES", "TOOK", "TAKEN", "TAKING", "LINK", "LINKS", "LINKED",
    "LINKING", "MAKE", "MAKES", "MADE", "MAKING", "GO", "GOES", "WENT",
    "GONE", "GOING", "GET", "GETS", "GOT", "GETTING", "FACE", "FACES",
    "FACED", "FACING", "SET", "SETS", "SETTING", "COME", "COMES", "CAME",
    "COMING", "PUT", "PUTS", "PUTTING", "GIVE", "GIVES", "GAVE", "GIVEN",
    "GIVING", "HOLD", "HOLDS", "HELD", "HOLDING", "LEAVE", "LEAVES", "LEFT",
    "LEAVING", "TURN", "TURNS", "TURNED", "TURNING", NULL};

/* Verbs whose default code is one sense among several, and not the
 * usual one in news when no pattern says which: "voted to dismiss" (030),
 * "claimed the action was connected" (110), "defended its record" (074),
 * "mourned the deaths" (110), "died of a long illness" (190), "approved
 * the nomination" (080), "expected to spark protests" (030), "fails to
 * take the issue to the Security Council" (120). */
static const char *const vague_verbs[] = {
    "VOTE", "VOTES", "VOTED", "VOTING", "CLAIM", "CLAIMS", "CLAIMED",
    "CLAIMING", "EXPECT", "EXPECTS", "EXPECTED", "EXPECTING", "DEFEND",
    "DEFENDS", "DEFENDED", "DEFENDING", "ASSEMBLE", "ASSEMBLES",
    "ASSEMBLED", "ASSEMBLING", "MOURN", "MOURNS", "MOURNED", "MOURNING",
    "HANG", "HANGS", "HANGED", "HUNG", "HANGING", "ASSIGN", "ASSIGNS",
    "ASSIGNED", "ASSIGNING", "APPROVE", "APPROVES", "APPROVED", "APPROVING",
    "STEER", "STEERS", "STEERED", "STEERING", "LEAD", "LEADS", "LED",
    "LEADING", "ISSUE", "ISSUES", "ISSUED", "ISSUING", "TRADE", "TRADES",
    "TRADED", "TRADING", "MEAN", "MEANS", "MEANT", "DETERMINE",
    "DETERMINES", "DETERMINED", "CONSIDER", "CONSIDERS", "CONSIDERED",
    "CONSIDERING", "AWAIT", "AWAITS", "AWAITED", "AWAITING", "GAUGE",
    "GAUGES", "GAUGED", "GAUGING", "DISTRIBUTE", "DISTRIBUTES",
    "DISTRIBUTED", "DISTRIBUTING", "SWEEP", "SWEEPS", "SWEPT", "SWEEPING",
    "CONTAIN", "CONTAINS", "CONTAINED", "CONTAINING", "EASE", "EASES",
    "EASED", "EASING", "CONFRONT", "CONFRONTS", "CONFRONTED",
    "CONFRONTING", "PREPARE", "PREPARES", "PREPARED", "PREPARING", "DIE",
    "DIES", "DIED", "DYING", "SUSPECT", "SUSPECTS", "SUSPECTED", "FAIL",
    "FAILS", "FAILED", "FAILING", NULL};

int kbi_light_default(const char *verb, const char *pattern)
{
    return !pattern &&
           (kbi_in_list(verb, light_verbs) || kbi_in_list(verb, vague_verbs));
}

const char *kbi_bombing(const char *code, const char *source,
                        const char *verb, const char *source_text)
{
    static const char *const bomb_verbs[] = {
        "BOMB", "BOMBS", "BOMBED", "BOMBING", "DETONATE", "DETONATES",
        "DETONATED", "DETONATING", "BLEW", "BLOW", "BLOWS", "BLOWING",
        "EXPLODED", NULL};
    if (!code || code[0] != '1' || code[1] != '9' || !source)
        return NULL;
    /* "a suicide car bomber struck": whatever the verb, and whatever
     * "bomber" was coded (the agents list reads it as an aircraft, MIL) */
    if (source_text && strstr(source_text, "SUICIDE") &&
        strstr(source_text, "BOMB"))
        return "183";
    if (!kbi_in_list(verb, bomb_verbs))
        return NULL;
    static const char *const state[] = {"MIL", "GOV", "COP", "SPY", NULL};
    for (const char *const *b = state; *b; b++)
        if (kbi_code_has_block(source, *b))
            return NULL;
    /* a country's forces, jets or warplanes bomb from the air (195) */
    static const char *const forces[] = {
        "FORCES", "TROOPS", "ARMY", "NAVY", "JETS", "WARPLANES", "PLANES",
        "AIRCRAFT", "HELICOPTERS", "GUNSHIPS", "BOMBERS", "AIR", NULL};
    if (kbi_words_in_list(source_text, forces))
        return NULL;
    return "183"; /* suicide, car or other non-military bombing */
}

int kbi_forces_sent(const char *code, const char *target)
{
    if (!code || !target || strlen(code) < 2)
        return 0;
    int root = (code[0] - '0') * 10 + (code[1] - '0');
    if (root != 6 && root != 7 && root != 15)
        return 0;
    return !strcmp(target, "---MIL") || !strcmp(target, "---COP");
}

int kbi_commentator(const char *code, const char *source_text)
{
    static const char *const onlookers[] = {
        "BANKER", "BANKERS", "ECONOMIST", "ECONOMISTS", "ANALYST",
        "ANALYSTS", "DEALER", "DEALERS", "TRADER", "TRADERS", "BROKER",
        "BROKERS", "EXPERT", "EXPERTS", NULL};
    if (!code || code[0] != '0' || code[1] < '1' || code[1] > '5' ||
        !source_text)
        return 0;
    return kbi_words_in_list(source_text, onlookers);
}

/* Does the phrase name a company ("Ford Motor Co", "<Ecolab Co>", "Swiss
 * Bank Corp", "its state-run mining company", "LG Electronics Inc.",
 * "Southwest Airlines", "a Japanese auto supplier")? */
static int names_company(const char *text)
{
    static const char *const marks[] = {
        "CO", "CO.", "CORP", "CORP.", "CORPORATION", "INC", "INC.", "LTD",
        "LTD.", "PLC", "COMPANY", "N.V.", "NV", "AG", "SPA", "GMBH", "BHD",
        "<", "AIRLINES", "AIRLINE", "AIRWAYS", "SUPPLIER", "AUTOMAKER",
        "CARMAKER", "MANUFACTURER", "RETAILER", "INSURER", "BREWER", NULL};
    return kbi_words_in_list(text, marks);
}

int kbi_company_named(const char *code, const char *source_text,
                      const char *target_text)
{
    if (!code || code[0] != '0' || code[1] < '1' || code[1] > '8')
        return 0;
    return names_company(source_text) || names_company(target_text);
}
