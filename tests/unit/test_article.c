/* test_article.c - whole articles through kb_code_article with the bundled
 * dictionaries, Khabar's supplement, the model and the gazetteer.
 *
 * The sample article (tests/text/sample-article.txt, Kurdistan 24, quoted
 * for testing) must give: the visit hosted in Erbil by the Kurdistan
 * Region's prime minister for Iraq's federal delegation, dated the Sunday
 * before publication, one event mentioned twice (the lede is repeated);
 * the Islamic State's attacks and kidnappings in Kirkuk province; the US
 * Secretary of State's call to Iraq's president; nothing from the
 * "Read More:" and "Editing by" lines. Then smaller articles check the
 * article rules one at a time: a story discard, a future event, a pronoun,
 * a merge across a batch and --no-merge. */
#include <stdlib.h>
#include <string.h>

#include "article/article.h"
#include "base/arena.h"
#include "bundled.h"
#include "nlp/conllu.h"
#include "t.h"
#include "khabar.h"

#define SAMPLE KB_DATADIR "/../tests/text/sample-article.txt"

static kb_dict *dict;
static kb_model *model;
static kb_gazetteer *geo;

static int load_all(void)
{
    if (!load_bundled("test_article", &dict))
        return 0;
    kb_error err;
    if (kb_model_load(NULL, &model, &err) != KB_OK ||
        kb_gazetteer_load(NULL, &geo, &err) != KB_OK) {
        char buf[1024];
        fprintf(stderr, "test_article: %s\n", kb_error_format(&err, buf, sizeof buf));
        return 0;
    }
    return 1;
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = malloc(1 << 20);
    *len = buf ? fread(buf, 1, (1 << 20) - 1, f) : 0;
    fclose(f);
    if (buf)
        buf[*len] = '\0';
    return buf;
}

static int starts(const char *s, const char *prefix)
{
    return s && strncmp(s, prefix, strlen(prefix)) == 0;
}

static kb_status code_text(const char *title, const char *body,
                           const char *date, unsigned flags, kb_result *r)
{
    kb_article a;
    memset(&a, 0, sizeof a);
    a.id = "t";
    a.date = date;
    a.title = title;
    a.text = body;
    a.text_len = strlen(body);
    kb_coder c;
    memset(&c, 0, sizeof c);
    c.dict = dict;
    c.model = model;
    c.geo = geo;
    c.flags = flags;
    kb_error err;
    return kb_code_article(&c, &a, NULL, NULL, r, &err);
}

static void dump(const kb_result *r)
{
    for (size_t i = 0; i < kb_result_count(r); i++) {
        const kb_event *e = kb_result_event(r, i);
        fprintf(stderr, "  s%d %s %s>%s %s place=%s (%s) mentions=%d\n",
                e->sentence, e->event_date, e->source, e->target, e->code,
                e->place.name ? e->place.name : "-",
                e->place.rule ? e->place.rule : "-", e->num_mentions);
    }
}

static void test_sample_article(void)
{
    size_t len = 0;
    char *buf = slurp(SAMPLE, &len);
    T_OK(buf != NULL);
    if (!buf)
        return;
    /* the article reader takes the first line as the title */
    kb_article_reader *ar = NULL;
    kb_error err;
    T_EQ_INT(kb_article_reader_open_buffer(buf, len, "sample-article.txt",
                                           KB_INPUT_TEXT, "2019-10-01", NULL,
                                           NULL, &ar, &err), KB_OK);
    kb_article a;
    T_EQ_INT(kb_article_reader_next(ar, &a), 1);
    T_OK(starts(a.title, "Kurdistan PM, Iraqi National Security Adviser"));
    kb_coder c;
    memset(&c, 0, sizeof c);
    c.dict = dict;
    c.model = model;
    c.geo = geo;
    kb_result *r = kb_result_new(NULL);
    T_EQ_INT(kb_code_article(&c, &a, NULL, NULL, r, &err), KB_OK);
    int visit = 0, attacks = 0, call = 0;
    for (size_t i = 0; i < kb_result_count(r); i++) {
        const kb_event *e = kb_result_event(r, i);
        char root[8];
        kb_cameo_root(e->code, root, sizeof root);
        /* nothing from the boilerplate lines */
        for (size_t k = 0; k < e->n_mentions; k++) {
            T_OK(!starts(e->mentions[k].sentence_text, "Read More"));
            T_OK(!starts(e->mentions[k].sentence_text, "Editing by"));
        }
        if (starts(e->source, "IRQKUR") && starts(e->target, "IRQGOV") &&
            !strcmp(root, "04")) {
            visit++;
            T_EQ_STR(e->event_date, "2019-09-29"); /* Sunday */
            T_EQ_STR(e->date_text, "on Sunday");
            T_EQ_INT(e->place.geonameid, 95446);   /* Erbil */
            T_EQ_INT(e->num_mentions, 2);          /* the repeated lede */
            T_EQ_INT(e->n_mentions, 2);
            if (e->n_mentions == 2)
                T_OK(e->mentions[0].sentence < e->mentions[1].sentence);
        }
        if (!strcmp(e->source, "IMGMUSISI") &&
            (!strcmp(root, "18") || !strcmp(root, "19"))) {
            attacks++;
            T_EQ_STR(e->place.admin_code, "IQ.13"); /* Kirkuk province */
        }
        if (starts(e->source, "USA") && starts(e->target, "IRQ") &&
            (!strcmp(root, "01") || !strcmp(root, "04") ||
             !strcmp(root, "13")) &&
            starts(e->sentence_text, "Araji's visit")) {
            call++;
            T_EQ_STR(e->event_date, "2019-09-29");
        }
    }
    T_EQ_INT(visit, 1);
    T_OK(attacks >= 1);
    T_EQ_INT(call, 1);
    if (t_failures)
        dump(r);
    kb_result_free(r);
    kb_article_reader_free(ar);
    free(buf);
}

static void test_story_discard(void)
{
    /* a sports story: the Phoenix discards drop the whole article */
    kb_result *r = kb_result_new(NULL);
    T_EQ_INT(code_text("Cup final",
                       "Iraq beat Iran 2-1 in the Asian Cup football final "
                       "on Sunday.\n\nThe Iraqi president praised the team.\n",
                       "2019-10-01", 0, r), KB_OK);
    T_EQ_INT(kb_result_count(r), 0);
    kb_result_free(r);
}

static void test_future_and_pronoun(void)
{
    kb_result *r = kb_result_new(NULL);
    T_EQ_INT(code_text(NULL,
                       "Iraqi President Barham Salih met the Turkish foreign "
                       "minister in Baghdad on Monday.\n\n"
                       "He will visit Iran next week.\n",
                       "2019-10-02", 0, r), KB_OK);
    int met = 0;
    for (size_t i = 0; i < kb_result_count(r); i++) {
        const kb_event *e = kb_result_event(r, i);
        T_OK(e->sentence != 2); /* a plan, not an event */
        if (starts(e->source, "IRQ") && starts(e->target, "TUR")) {
            met++;
            T_EQ_STR(e->event_date, "2019-09-30");
        }
    }
    T_EQ_INT(met, 1);
    if (t_failures)
        dump(r);
    kb_result_free(r);
}

static void test_merge_across_batch(void)
{
    const char *body = "Iraqi President Barham Salih met the Turkish foreign "
                       "minister in Baghdad on Monday.\n";
    kb_result *r1 = kb_result_new(NULL), *r2 = kb_result_new(NULL);
    T_EQ_INT(code_text(NULL, body, "2019-10-02", 0, r1), KB_OK);
    T_EQ_INT(code_text(NULL, body, "2019-10-02", 0, r2), KB_OK);
    T_OK(kb_result_count(r1) > 0);
    kb_merger *m = kb_merger_new(0);
    T_EQ_INT(kb_merger_add(m, r1), KB_OK);
    size_t after_one = kb_merger_count(m);
    T_EQ_INT(kb_merger_add(m, r2), KB_OK);
    T_EQ_INT(kb_merger_count(m), after_one); /* all duplicates */
    const kb_event *e = kb_merger_event(m, 0);
    T_OK(e != NULL);
    if (e) {
        T_EQ_INT(e->num_mentions, 2);
        T_EQ_INT(e->num_articles, 1); /* both articles are called "t" */
    }
    kb_result_free(r1);
    kb_result_free(r2);
    kb_merger_free(m);
}

static void test_no_merge(void)
{
    const char *body = "Iraqi President Barham Salih met the Turkish foreign "
                       "minister in Baghdad on Monday.\n\n"
                       "Iraqi President Barham Salih met the Turkish foreign "
                       "minister in Baghdad on Monday.\n";
    kb_result *r = kb_result_new(NULL);
    T_EQ_INT(code_text(NULL, body, "2019-10-02", 0, r), KB_OK);
    size_t merged = kb_result_count(r);
    T_EQ_INT(code_text(NULL, body, "2019-10-02", KB_CODE_NO_MERGE, r), KB_OK);
    T_EQ_INT(kb_result_count(r), 2 * merged);
    kb_result_free(r);
}

static void test_passive(void)
{
    /* the victim in a passive subject is never the source: with a
     * by-phrase the doer is, without one there is no event */
    kb_result *r = kb_result_new(NULL);
    T_EQ_INT(code_text(NULL,
                       "A man and two women were shot dead by Afghan troops "
                       "on Saturday.\n\n"
                       "One of the leaders of the Hamas military wing was "
                       "killed in an Israeli airstrike in Gaza City on "
                       "Saturday.\n",
                       "2019-10-02", 0, r), KB_OK);
    int shot = 0;
    for (size_t i = 0; i < kb_result_count(r); i++) {
        const kb_event *e = kb_result_event(r, i);
        T_OK(e->sentence != 2);
        if (e->sentence == 1) {
            shot++;
            T_OK(starts(e->source, "AFG"));
        }
    }
    T_EQ_INT(shot, 1);
    if (t_failures)
        dump(r);
    kb_result_free(r);
}

static void test_seized_people(void)
{
    /* seizing people is abduction (181), not confiscation (171) */
    kb_result *r = kb_result_new(NULL);
    T_EQ_INT(code_text(NULL,
                       "Gunmen seized four Jordanian truck drivers near "
                       "Baghdad on Monday.\n",
                       "2019-10-02", 0, r), KB_OK);
    int n = 0;
    for (size_t i = 0; i < kb_result_count(r); i++) {
        const kb_event *e = kb_result_event(r, i);
        T_OK(strncmp(e->code, "171", 3) != 0);
        n += strcmp(e->code, "181") == 0;
    }
    T_EQ_INT(n, 1);
    if (t_failures)
        dump(r);
    kb_result_free(r);
}

/* The events of one sentence coded as an article of its own. */
static kb_result *code_one(const char *text)
{
    kb_result *r = kb_result_new(NULL);
    T_EQ_INT(code_text(NULL, text, "2004-09-20", 0, r), KB_OK);
    return r;
}

/* Events whose code starts with root (NULL: any) and whose source or
 * target starts with the given prefixes (NULL: any). */
static int count(const kb_result *r, const char *root, const char *source,
                 const char *target)
{
    int n = 0;
    for (size_t i = 0; i < kb_result_count(r); i++) {
        const kb_event *e = kb_result_event(r, i);
        n += (!root || starts(e->code, root)) &&
             (!source || starts(e->source, source)) &&
             (!target || starts(e->target, target));
    }
    return n;
}

static void test_roles(void)
{
    /* a main verb the parser reads as a participle of its own subject
     * ("gunship attacked ... after tanks reinforced"): repaired, coded */
    kb_result *r = code_one("A U.S. gunship attacked Shi'ite militia "
                            "positions in the Iraqi city of Najaf early on "
                            "Monday after tanks reinforced the siege of a "
                            "shrine.\n");
    T_EQ_INT(count(r, "19", "USA", NULL), 1);
    kb_result_free(r);

    /* a past participle modifying its noun: the noun is the victim, the
     * by-phrase the doer */
    r = code_one("An Australian journalist snatched by insurgents in Iraq "
                 "has contradicted claims by Foreign Minister Alexander "
                 "Downer.\n");
    T_EQ_INT(count(r, NULL, "AUS", "IRQREB"), 0);
    T_EQ_INT(count(r, "18", "IRQREB", "AUS"), 1); /* "insurgents in Iraq" */
    kb_result_free(r);

    /* the word of the pattern ("said ... ATTACK") is the verb of a
     * clause of its own: not an attack by the speaker */
    r = code_one("A senior Iranian military official said on Sunday that "
                 "Israel and the United States would not dare attack "
                 "Iran.\n");
    T_EQ_INT(count(r, "19", NULL, NULL), 0);
    kb_result_free(r);

    /* a deed's target only in a clause below the verb */
    r = code_one("Israeli soldiers shot and killed a Palestinian as he "
                 "approached a security fence between Israel and the Gaza "
                 "Strip.\n");
    T_EQ_INT(count(r, NULL, NULL, "ISR"), 0);
    T_EQ_INT(count(r, NULL, NULL, "PSEGZA"), 0);
    kb_result_free(r);

    /* a target that is the bare country of its own source is a place;
     * protests and curfews keep their own country */
    r = code_one("The Nigerian army left for Nigeria on Monday.\n");
    T_EQ_INT(count(r, NULL, "NGAMIL", "NGA"), 0);
    kb_result_free(r);
    r = code_one("Nigeria's military government clamped a dusk-to-dawn "
                 "curfew on northern Kaduna state.\n");
    T_EQ_INT(count(r, "1723", "NGAGOVMIL", "NGA"), 1);
    kb_result_free(r);
    r = code_one("Indian farmers staged a protest against India on "
                 "Monday.\n");
    T_EQ_INT(count(r, "14", "IND", "IND"), 1);
    kb_result_free(r);
    r = code_one("Israeli troops killed two Israelis by mistake on "
                 "Monday.\n");
    T_EQ_INT(count(r, "19", "ISRMIL", "ISR"), 1);
    kb_result_free(r);

    /* a pattern's preposition "(TO)" is not the "to" of an infinitive */
    r = code_one("The United States welcomed on Friday the Sudanese "
                 "government's decision to accept a larger African Union "
                 "mission in Darfur.\n");
    T_EQ_INT(count(r, "043", NULL, NULL), 0);
    kb_result_free(r);
    r = code_one("Students gathered to demonstrate against Israel.\n");
    T_EQ_INT(count(r, "141", NULL, "ISR"), 1);
    kb_result_free(r);

    /* a message sent is contact (Khabar's supplement), not a threat */
    r = code_one("Chinese President Hu Jintao sent a message to Cambodian "
                 "King Norodom Sihamoni on Thursday to congratulate him.\n");
    T_EQ_INT(count(r, "13", NULL, NULL), 0);
    T_EQ_INT(count(r, "040", "CHN", "KHM"), 1);
    kb_result_free(r);

    /* a statement's target is not in when it was said */
    r = code_one("Japan's foreign minister told reporters after a meeting "
                 "with U.S. officials in Tokyo that he was very concerned "
                 "about the economy.\n");
    T_EQ_INT(count(r, NULL, "JPN", "USA"), 0);
    kb_result_free(r);

    /* the bare word "Tigers" is no Swazi rebel group (Khabar's supplement
     * makes it a null actor) */
    r = code_one("Sri Lanka's army on Sunday blamed the Tigers for failing "
                 "to attend a meeting on Saturday.\n");
    T_EQ_INT(count(r, NULL, NULL, "SWZ"), 0);
    kb_result_free(r);

    /* a document named after a place is not the place's country */
    r = code_one("The Kyoto Protocol overcame its final hurdle in Russia on "
                 "Wednesday.\n");
    T_EQ_INT(count(r, NULL, "JPN", NULL), 0);
    kb_result_free(r);
    r = code_one("Western economists said Yugoslavia has had its way with "
                 "the Paris Club creditors.\n");
    T_EQ_INT(count(r, NULL, NULL, "FRA"), 0);
    kb_result_free(r);
    /* ... nor is a currency; a document in a phrase that names the actor
     * elsewhere leaves it */
    r = code_one("A Brazilian port spokesman said the strike would cause "
                 "daily losses of about 100,000 U.S. dlrs.\n");
    T_EQ_INT(count(r, NULL, NULL, "USA"), 0);
    kb_result_free(r);
    r = code_one("Britain on Monday welcomed the reaffirmation by the U.S. "
                 "and West Germany of the Louvre accord.\n");
    T_EQ_INT(count(r, "05", "GBR", "USA"), 1);
    kb_result_free(r);
    r = code_one("The Arab League endorsed the Saudi initiative on "
                 "Monday.\n");
    T_EQ_INT(count(r, "05", NULL, "SAU"), 1);
    kb_result_free(r);

    /* battling insurgents is fighting (Khabar's supplement; CAMEO.2.0 has
     * 062), "Islamic Jihad" today is the Palestinian group, and a bare
     * "fails" codes nothing */
    r = code_one("U.S. forces battled insurgents in the Baghdad slum of Sadr "
                 "City on Tuesday.\n");
    T_EQ_INT(count(r, "19", "USA", "---REB"), 1);
    T_EQ_INT(count(r, "06", NULL, NULL), 0);
    kb_result_free(r);
    r = code_one("Israel killed two Islamic Jihad militants in the Gaza Strip "
                 "yesterday.\n");
    T_EQ_INT(count(r, "19", "ISR", "MEAREB"), 1);
    T_EQ_INT(count(r, NULL, NULL, "LBN"), 0);
    kb_result_free(r);
    r = code_one("The United States failed to win a promise from the United "
                 "Nations to increase its staff in Iraq.\n");
    T_EQ_INT(count(r, "12", NULL, NULL), 0);
    kb_result_free(r);

    /* imposing an embargo is sanctions (163, Khabar's supplement), not
     * coercion (170) */
    r = code_one("The U.N. Security Council on Monday imposed an immediate "
                 "arms embargo on Ivory Coast.\n");
    T_EQ_INT(count(r, "163", "IGOUNO", "CIV"), 1);
    T_EQ_INT(count(r, "170", NULL, NULL), 0);
    kb_result_free(r);

    /* a company's statement about anyone but a political actor is
     * commerce; one about a legislature stays */
    r = code_one("Ford Motor Co said its May North American car production "
                 "rose 2.2 pct to 213,790 from 209,109 last year.\n");
    T_EQ_INT(count(r, NULL, NULL, NULL), 0);
    kb_result_free(r);
    r = code_one("The Securities Industry Association said it strongly "
                 "supports the decision yesterday by the Senate Banking "
                 "Committee to freeze the rules.\n");
    T_EQ_INT(count(r, "01", "---BUS", "USAGOVLEG"), 1);
    kb_result_free(r);

    /* Northern Ireland is the United Kingdom's (Khabar's supplement) */
    r = code_one("Irish Prime Minister Bertie Ahern met Northern Ireland's "
                 "first minister on Monday.\n");
    T_EQ_INT(count(r, "04", "IRL", "GBR"), 1);
    kb_result_free(r);

    /* going home is no visit */
    r = code_one("Prince Harry flew back to the UK from Argentina today amid "
                 "reports of a plot to kidnap him.\n");
    T_EQ_INT(count(r, "04", NULL, "GBR"), 0);
    kb_result_free(r);
    r = code_one("US Secretary of State Condoleezza Rice flew back to "
                 "Israel on Sunday.\n");
    T_EQ_INT(count(r, "04", "USA", "ISR"), 1);
    kb_result_free(r);

    /* the press a statement is made to is its channel, not its target */
    r = code_one("A White House spokesman told reporters the administration "
                 "still did not like the bill.\n");
    T_EQ_INT(count(r, NULL, NULL, NULL), 0);
    kb_result_free(r);
    r = code_one("UN Secretary General Kofi Annan said in a British "
                 "television interview aired on Sunday that the war had not "
                 "made the world safer.\n");
    T_EQ_INT(count(r, NULL, NULL, NULL), 0);
    kb_result_free(r);

    /* a subject that is a thing, its actor only a possessor */
    r = code_one("A Canadian husband's love for his wife has led to a "
                 "tightening of security at all Olympic venues in "
                 "Athens.\n");
    T_EQ_INT(count(r, NULL, NULL, NULL), 0);
    kb_result_free(r);
    /* ... but a name or a person with a possessive country is the doer */
    r = code_one("Britain's Tony Blair met Sudanese President Omar "
                 "al-Bashir in Khartoum on Wednesday.\n");
    T_EQ_INT(count(r, "04", "GBR", "SDN"), 1);
    kb_result_free(r);

    /* a subject that is no actor: the source is not guessed elsewhere */
    r = code_one("An industrial city northwest of Moscow struggles as AIDS "
                 "hits a broader population.\n");
    T_EQ_INT(count(r, NULL, NULL, NULL), 0);
    kb_result_free(r);

    /* a passive with no by-phrase does not tell who did it: the
     * dateline is no source */
    r = code_one("MANILA, Philippines -- At least three people have been "
                 "killed and several injured in a powerful explosion at a "
                 "crowded public market.\n");
    T_EQ_INT(count(r, NULL, NULL, NULL), 0);
    kb_result_free(r);
    /* ... with one, the by-phrase is the source */
    r = code_one("Three Egyptian policemen were killed on Thursday by "
                 "Israeli troops on the border between Egypt and Gaza.\n");
    T_EQ_INT(count(r, "19", "ISR", "EGY"), 1);
    kb_result_free(r);

    /* a deed's target named only as the place where it happened */
    r = code_one("The Israeli army killed two militants on Saturday in an "
                 "air strike in the northern Gaza Strip, bringing the toll "
                 "to five.\n");
    T_EQ_INT(count(r, NULL, NULL, "PSEGZA"), 0);
    kb_result_free(r);
    r = code_one("Sudanese troops attacked rebel positions in Darfur on "
                 "Monday.\n");
    T_EQ_INT(count(r, "19", "SDN", "---REB"), 1);
    kb_result_free(r);

    /* the subject's actor (the militants) is not the source: the
     * hostages of a clause inside the subject did not speak */
    r = code_one("Militants holding three UN workers hostage said on Sunday "
                 "that talks with Afghan officials had been postponed.\n");
    T_EQ_INT(count(r, NULL, "IGO", NULL), 0);
    kb_result_free(r);

    /* a vague verb's default code with no pattern behind it */
    r = code_one("The United Nations Security Council on Monday voted to "
                 "punish key rebel leaders in Ivory Coast.\n");
    T_EQ_INT(count(r, NULL, NULL, NULL), 0);
    kb_result_free(r);
    r = code_one("France defended itself on Friday against accusations by "
                 "Ivory Coast authorities.\n");
    T_EQ_INT(count(r, NULL, NULL, NULL), 0);
    kb_result_free(r);

    /* the repaired participle: "demolished" is the main verb, the
     * report ", sources said" a parenthetical */
    r = code_one("The Israeli army demolished 13 Palestinian houses in Rafah "
                 "on Thursday, Palestinian security sources said.\n");
    T_EQ_INT(count(r, "17", "ISRMIL", "PSE"), 1);
    kb_result_free(r);

    /* "N years after ...": history */
    r = code_one("Nearly 40 years after Cuban troops invaded Angola, the two "
                 "governments signed a treaty on Monday.\n");
    T_EQ_INT(count(r, NULL, "CUB", "AGO"), 0);
    kb_result_free(r);

    /* "for years": a summary of a long time, not an event; a counted
     * span is the event's measure */
    r = code_one("The Malaysian government has for years blocked "
                 "Australia's involvement with the ASEAN group.\n");
    T_EQ_INT(count(r, NULL, "MYS", NULL), 0);
    kb_result_free(r);
    r = code_one("A Chinese court jailed an American businessman for ten "
                 "years on Monday.\n");
    T_EQ_INT(count(r, "173", "CHN", "USA"), 1);
    kb_result_free(r);
    r = code_one("A Chinese court jailed an American businessman for several "
                 "years on Monday.\n");
    T_EQ_INT(count(r, "173", "CHN", "USA"), 1);
    kb_result_free(r);

    /* a deed held back: "refrained from", "stopped short of", "without" */
    r = code_one("Israel refrained from attacking Syria on Monday.\n");
    T_EQ_INT(count(r, NULL, "ISR", "SYR"), 0);
    kb_result_free(r);
    r = code_one("Israeli troops entered the Gaza Strip without attacking "
                 "Hamas on Monday.\n");
    T_EQ_INT(count(r, "19", NULL, NULL), 0);
    kb_result_free(r);
    r = code_one("The United States on Tuesday stopped short of condemning "
                 "Israel.\n");
    T_EQ_INT(count(r, NULL, "USA", "ISR"), 0);
    kb_result_free(r);
    r = code_one("Israel attacked Syria on Monday.\n");
    T_EQ_INT(count(r, "19", "ISR", "SYR"), 1);
    kb_result_free(r);

    /* the pronoun "us" is not the United States (but "US" is) */
    r = code_one("Conservative Party leader Ilkka Suominen told reporters "
                 "they can not keep us out of government now.\n");
    T_EQ_INT(count(r, NULL, NULL, "USA"), 0);
    kb_result_free(r);
    r = code_one("Conservative Party leader Ilkka Suominen told US "
                 "officials on Monday that the talks had failed.\n");
    T_EQ_INT(count(r, NULL, NULL, "USA"), 1);
    kb_result_free(r);

    /* a verb that gives no event ("comes") does not hide the clause
     * with its own subject inside its phrase */
    r = kb_result_new(NULL);
    T_EQ_INT(code_text(NULL, "The visit comes two days after US Secretary of "
                             "State Mike Pompeo spoke to Iraqi President "
                             "Barham Salih on Sunday.\n",
                       "2019-10-01", 0, r), KB_OK);
    T_EQ_INT(count(r, "01", "USA", "IRQ"), 1);
    kb_result_free(r);

    /* nothing done: a negative object, a plot */
    r = code_one("The Jordanian court found no evidence against al Qaeda.\n");
    T_EQ_INT(count(r, NULL, NULL, NULL), 0);
    kb_result_free(r);
    r = code_one("Colombian rebels plotted to assassinate George Bush during "
                 "his stopover in Cartagena last week.\n");
    T_EQ_INT(count(r, NULL, NULL, NULL), 0);
    kb_result_free(r);

    /* "backed by artillery": the by-phrase of the pattern is the means,
     * not the target; the attack stays */
    r = code_one("Pakistani troops backed by artillery and aircraft "
                 "attacked two terrorist hideouts on Sunday.\n");
    T_EQ_INT(count(r, NULL, NULL, "---MIL"), 0);
    T_EQ_INT(count(r, "19", "PAK", NULL), 1);
    kb_result_free(r);

    /* a target only inside a relative or adverbial clause */
    r = code_one("The United States on Tuesday vetoed an Arab-backed "
                 "resolution demanding an immediate pullout of Israeli "
                 "forces from Gaza.\n");
    T_EQ_INT(count(r, NULL, NULL, "ISR"), 0);
    kb_result_free(r);

    /* flying to a country is visiting it (Khabar's supplement) */
    r = code_one("Britain's Tony Blair flew to Khartoum on Wednesday to "
                 "pressure Sudanese officials over Darfur.\n");
    T_EQ_INT(count(r, "042", "GBR", "SDN"), 1);
    kb_result_free(r);

    /* a verb of speech whose pattern word ("- * ATTACK") is only in what
     * it reports */
    r = code_one("Panama's security chief told Defense Secretary Donald "
                 "Rumsfeld on Saturday the nation was working to prevent "
                 "any terror attack on the canal.\n");
    T_EQ_INT(count(r, "19", NULL, NULL), 0);
    kb_result_free(r);

    /* an intent read by "said" from a noun of a clause about someone
     * else is not the speaker's; "it would send aid" is */
    r = code_one("Treasury Secretary James Baker said on Monday that Brazil "
                 "should come up with a new economic plan.\n");
    T_EQ_INT(count(r, "03", NULL, NULL), 0);
    kb_result_free(r);
    r = code_one("Israel said on Monday it would send humanitarian aid to the "
                 "Palestinians in Gaza.\n");
    T_EQ_INT(count(r, "03", "ISR", "PSE"), 1);
    kb_result_free(r);

    /* the supplement's codes replace CAMEO.2.0's for the same patterns:
     * meeting for talks is negotiating (046), announcing plans a
     * statement (010) */
    r = code_one("Chinese President Hu Jintao met with Fidel Castro on "
                 "Monday for talks on trade.\n");
    T_EQ_INT(count(r, "046", "CHN", "CUB"), 1);
    T_EQ_INT(count(r, "036", NULL, NULL), 0);
    kb_result_free(r);
    r = code_one("Israel announced plans on Monday for 500 new housing units "
                 "in the West Bank.\n");
    T_EQ_INT(count(r, "030", NULL, NULL), 0);
    kb_result_free(r);

    /* a pattern word in a clause without a subject of its own is what
     * the verb says ("accused Turkey of killing civilians") */
    r = code_one("Yemen's Houthi rebels accused Saudi Arabia on Sunday of "
                 "bombing a market in Saada.\n");
    T_EQ_INT(count(r, "11", "YEMREB", "SAU"), 1);
    kb_result_free(r);

    /* an act's target named only by when it happened is no target
     * ("during a visit by ..."), the act's own is */
    r = code_one("Russian troops shelled the village during a visit by the "
                 "Georgian president.\n");
    T_EQ_INT(count(r, NULL, "RUS", "GEO"), 0);
    kb_result_free(r);
    r = code_one("Russian troops shelled a Georgian village on Monday.\n");
    T_EQ_INT(count(r, "19", "RUS", "GEO"), 1);
    kb_result_free(r);

    /* talks are held with people, not with the place they are in; the
     * African Union is an actor (Khabar's supplement) */
    r = code_one("Kenyan rebels held talks with African leaders in Tanzania "
                 "on Friday.\n");
    T_EQ_INT(count(r, NULL, NULL, "TZA"), 0);
    kb_result_free(r);
    r = code_one("Kenyan rebels held talks with Tanzanian leaders on "
                 "Friday.\n");
    T_EQ_INT(count(r, "04", "KEN", "TZA"), 1);
    kb_result_free(r);
    r = code_one("Sudanese rebels held talks with African Union mediators in "
                 "Abuja on Friday.\n");
    T_EQ_INT(count(r, "046", "SDN", "IGOAFRAFU"), 1);
    T_EQ_INT(count(r, NULL, NULL, "NGA"), 0);
    kb_result_free(r);

    /* international courts the Phoenix files name only by abbreviation
     * or by officials (Khabar's supplement); the Hague tribunal is not
     * the Netherlands */
    r = code_one("The United Nations signed a cooperation agreement on "
                 "Monday with the new International Criminal Court.\n");
    T_EQ_INT(count(r, "05", "IGOUNO", "IGOJUDICC"), 1);
    kb_result_free(r);
    r = code_one("The Hague tribunal on Thursday sentenced a former Serbian "
                 "police chief to ten years in prison.\n");
    T_EQ_INT(count(r, NULL, "NLD", NULL), 0);
    T_EQ_INT(count(r, "17", "IGOUNOJUDWCT", NULL), 1);
    kb_result_free(r);

    /* a visit being made is a visit (Khabar's supplement), not an intent */
    r = code_one("Chinese President Hu Jintao is making a three-day state "
                 "visit to Brazil.\n");
    T_EQ_INT(count(r, "042", "CHN", "BRA"), 1);
    T_EQ_INT(count(r, "036", NULL, NULL), 0);
    kb_result_free(r);

    /* a bombing by anyone but a state's forces is CAMEO's 183; jets
     * bomb from the air (195) */
    r = code_one("Rebels bombed a market in northern Uganda on Sunday.\n");
    T_EQ_INT(count(r, "183", "---REB", "UGA"), 1);
    T_EQ_INT(count(r, "19", NULL, NULL), 0);
    kb_result_free(r);
    r = code_one("A suicide car bomber struck a police checkpoint in "
                 "Baghdad on Tuesday, killing ten policemen.\n");
    T_EQ_INT(count(r, "183", NULL, NULL), 1);
    T_EQ_INT(count(r, "19", NULL, NULL), 0);
    kb_result_free(r);
    r = code_one("Israeli jets bombed Palestinian targets in south Lebanon "
                 "on Sunday.\n");
    T_EQ_INT(count(r, "195", "ISR", "PSE"), 1);
    kb_result_free(r);

    /* a verb of speech's pattern word only in when or where it was said
     * ("told a news conference at the end of a visit"): no intent; in
     * what was said it is */
    r = code_one("Peruvian President Alan Garcia told a news conference at "
                 "the end of an official two-day visit to Mexico that his "
                 "country wanted more trade.\n");
    T_EQ_INT(count(r, "03", NULL, NULL), 0);
    kb_result_free(r);
    r = code_one("The British trade minister said on his return from a "
                 "visit to Japan that markets there were closed.\n");
    T_EQ_INT(count(r, "03", NULL, NULL), 0);
    kb_result_free(r);
    r = code_one("Japan's foreign minister said on Monday that he wanted a "
                 "visit to China.\n");
    T_EQ_INT(count(r, "036", "JPN", "CHN"), 1);
    kb_result_free(r);

    /* a pattern's word ("- * &MILITARY" of SIGN: military cooperation)
     * only in a relative clause hung on the object is not what was
     * signed */
    r = code_one("Pakistan's acting president signed a bill on Tuesday that "
                 "will allow the military ruler to stay on as army "
                 "chief.\n");
    T_EQ_INT(count(r, "06", NULL, NULL), 0);
    kb_result_free(r);
    r = code_one("Pakistan's acting president signed a military cooperation "
                 "agreement with China on Tuesday.\n");
    T_EQ_INT(count(r, "05", "PAK", "CHN"), 1);
    kb_result_free(r);

    /* a pattern's bare prepositional group ("- * (TO) [042:043]" of
     * ORDER, "- * (FOR) [111]" of FIRE) that holds no actor: the target
     * came from elsewhere and the pattern's meaning does not hold */
    r = code_one("Japanese coast guard authorities ordered Chinese "
                 "fishermen along the coast to return to port.\n");
    T_EQ_INT(count(r, "04", NULL, NULL), 0);
    kb_result_free(r);
    r = code_one("Rebels fired shells at an army camp in northern Uganda in "
                 "retaliation for government attacks.\n");
    T_EQ_INT(count(r, "11", NULL, NULL), 0);
    kb_result_free(r);

    /* the "of" phrase of kidnappers names their victims, not their
     * country; a minister's names his */
    r = code_one("Pakistani officials are negotiating with the kidnappers of "
                 "two Chinese engineers to secure their release.\n");
    T_EQ_INT(count(r, NULL, NULL, "CHN"), 0);
    kb_result_free(r);
    r = code_one("Pakistani officials are negotiating with Chinese "
                 "kidnappers.\n");
    T_EQ_INT(count(r, NULL, "PAK", "CHN"), 1);
    kb_result_free(r);
    r = code_one("The foreign minister of Iran met Pakistani officials on "
                 "Monday.\n");
    T_EQ_INT(count(r, "04", "IRN", "PAK"), 1);
    kb_result_free(r);

    /* forces of no country sent or deployed are the sender's own, not a
     * counterpart; a country they are sent to is */
    r = code_one("The US is sending up to 600 marines and relief supplies to "
                 "flood-ravaged areas of the Philippines.\n");
    T_EQ_INT(count(r, NULL, NULL, "---MIL"), 0);
    kb_result_free(r);
    r = code_one("Germany sends three planes to Sudan to help deploy more "
                 "African Union troops.\n");
    T_EQ_INT(count(r, "06", "DEU", "SDN"), 1);
    kb_result_free(r);

    /* Iraq between March 2003 and May 2006 is Iraq (Khabar's supplement:
     * the vendored entry's date for those years cannot be read) */
    r = code_one("Iraqi police arrested two Syrian smugglers near the border "
                 "on Monday.\n");
    T_EQ_INT(count(r, "17", "IRQ", "SYR"), 1);
    kb_result_free(r);

    /* what bankers, economists and experts say is comment, not an act of
     * a political actor; officials' words are */
    r = code_one("Helsinki bankers said a new government could bring about "
                 "a shift from direct to indirect taxation.\n");
    T_EQ_INT(count(r, NULL, NULL, NULL), 0);
    kb_result_free(r);
    r = code_one("Finnish officials said a new government could bring about "
                 "a shift from direct to indirect taxation.\n");
    T_EQ_INT(count(r, "01", "FIN", NULL), 1);
    kb_result_free(r);

    /* a company's contract is commerce, a government's award to an army
     * is not */
    r = code_one("Raytheon Co said it received a 337 mln dlr contract from "
                 "the U.S. Government for missiles.\n");
    T_EQ_INT(count(r, NULL, NULL, NULL), 0);
    kb_result_free(r);
    r = code_one("The Pentagon said it awarded a 337 mln dlr contract for "
                 "missiles to the Israeli army.\n");
    T_EQ_INT(count(r, "01", "USA", "ISR"), 1);
    kb_result_free(r);

    /* a company named by its suffix with a dot ("Inc.") or by its trade
     * ("Airlines", "auto supplier") is commerce too */
    r = code_one("South Korea's LG Electronics Inc. said Tuesday it would "
                 "file a counter measure against Japan's Matsushita Electric "
                 "Industrial Co.\n");
    T_EQ_INT(count(r, NULL, NULL, NULL), 0);
    kb_result_free(r);

    /* newspapers and a postal company named after a place are not the
     * place ("the Jakarta Post said", "Canada Post asked") */
    r = code_one("In an editorial, the Jakarta Post said the government must "
                 "press ahead with measures to deregulate the economy.\n");
    T_EQ_INT(count(r, NULL, "IDN", NULL), 0);
    kb_result_free(r);
    r = code_one("Canada Post asked the federal government to appoint a "
                 "mediator to end the strike by letter carriers.\n");
    T_EQ_INT(count(r, NULL, "CAN", NULL), 0);
    kb_result_free(r);
    r = code_one("Indonesian officials said the government must press ahead "
                 "with measures to deregulate the economy.\n");
    T_EQ_INT(count(r, "13", "IDN", NULL), 1);
    kb_result_free(r);

    /* praise of an act is for its doer, not for those it was done to */
    r = code_one("UN Secretary General Kofi Annan praised the release of "
                 "several political prisoners in Burma on Saturday.\n");
    T_EQ_INT(count(r, "05", NULL, NULL), 0);
    kb_result_free(r);
    r = code_one("The Australian government welcomed the bringing of "
                 "terrorism charges against Indonesian cleric Abu Bakar "
                 "Bashir.\n");
    T_EQ_INT(count(r, "05", NULL, "IDN"), 0);
    kb_result_free(r);
    r = code_one("UN Secretary General Kofi Annan praised Burma for the "
                 "release of several political prisoners on Saturday.\n");
    T_EQ_INT(count(r, "05", "IGOUNO", "MMR"), 1);
    kb_result_free(r);

    /* the kidnappers' "of" phrase names their victims also when the
     * country comes from Khabar's own actor file (Iraq, 2003-2006) */
    r = code_one("The kidnappers of an American-French journalist in Iraq "
                 "have threatened to execute him unless US forces leave "
                 "Najaf.\n");
    T_EQ_INT(count(r, NULL, "IRQ", NULL), 0);
    kb_result_free(r);

    /* forces, helicopters and reporters "in" a country are not its own;
     * its police are */
    r = code_one("Coalition forces in Afghanistan say that four people were "
                 "killed when their car tried to run a roadblock in Ghazni "
                 "province.\n");
    T_EQ_INT(count(r, NULL, "AFG", NULL), 0);
    kb_result_free(r);
    r = code_one("The United States suspended flights of its military "
                 "helicopters in Japan after a crash on Okinawa.\n");
    T_EQ_INT(count(r, NULL, NULL, "JPN"), 0);
    kb_result_free(r);
    r = code_one("Police in Kabul said that four people were killed when "
                 "their car tried to run a roadblock.\n");
    T_EQ_INT(count(r, "01", "AFGCOP", NULL), 1);
    kb_result_free(r);

    /* a building one is taken to is where, not whom; one raided is a
     * target */
    r = code_one("Palestinian officials said on Tuesday that the leader's "
                 "brother was taken to a hospital in Cairo for "
                 "treatment.\n");
    T_EQ_INT(count(r, NULL, NULL, "EGY"), 0);
    kb_result_free(r);
    r = code_one("Israeli troops raided a hospital in Gaza on Tuesday.\n");
    T_EQ_INT(count(r, "19", "ISRMIL", "PSE"), 1);
    kb_result_free(r);

    /* "insurgent-held police stations" are the insurgents', a city held
     * by rebels is still the city */
    r = code_one("Iraqi troops stormed insurgent-held police stations in "
                 "the northern city on Tuesday.\n");
    T_EQ_INT(count(r, NULL, NULL, "---COP"), 0);
    kb_result_free(r);
    r = code_one("US warplanes bombed the rebel-held city of Fallujah on "
                 "Monday.\n");
    T_EQ_INT(count(r, "19", "USAMIL", "IRQ"), 1);
    kb_result_free(r);

    /* "killed by a mortar attack on a US Army base": the base is where
     * the attack struck, not who attacked; "by US soldiers" names them */
    r = code_one("A US security official, assigned to the US embassy in "
                 "Baghdad, was killed on Sunday by a mortar attack on a US "
                 "Army base near the airport, Secretary of State Colin "
                 "Powell said.\n");
    T_EQ_INT(count(r, "19", NULL, NULL), 0);
    kb_result_free(r);
    r = code_one("Two Iraqi policemen were killed on Sunday by US soldiers "
                 "near Baghdad.\n");
    T_EQ_INT(count(r, "19", "USAMIL", "IRQCOP"), 1);
    kb_result_free(r);

    /* a past participle with a by-phrase is passive without an
     * auxiliary: the subject of the clause above did nothing */
    r = code_one("Yasser Arafat spent his final years in a compound "
                 "encircled by the Israeli army.\n");
    T_EQ_INT(count(r, "19", "PSE", NULL), 0);
    kb_result_free(r);

    /* flying someone to a country is no visit; flying there is */
    r = code_one("The Italian government is flying the migrants to Libya "
                 "after they landed on Lampedusa.\n");
    T_EQ_INT(count(r, "04", NULL, NULL), 0);
    kb_result_free(r);
    r = code_one("The Italian interior minister flew to Libya on "
                 "Monday.\n");
    T_EQ_INT(count(r, "042", "ITAGOV", "LBY"), 1);
    kb_result_free(r);

    /* "the Iraq war" names a topic, not Iraq; what a statement is about
     * is its target ("talks on the North Korean nuclear crisis") */
    r = code_one("Foreign Minister Alexander Downer dismissed newspaper "
                 "claims the Australian government was warned its support "
                 "for the Iraq war would impede the fight against "
                 "terrorism.\n");
    T_EQ_INT(count(r, NULL, NULL, "IRQ"), 0);
    kb_result_free(r);
    r = code_one("China has said no date has been set for talks on the "
                 "North Korean nuclear crisis.\n");
    T_EQ_INT(count(r, "01", "CHN", "PRK"), 1);
    kb_result_free(r);

    /* a target named only by when an act happened, the time phrase hung
     * on another time word ("on Saturday before the Council was to
     * vote") */
    r = code_one("The United States and China held last-minute talks on "
                 "Saturday before the U.N. Security Council was to vote on "
                 "a resolution.\n");
    T_EQ_INT(count(r, NULL, NULL, "IGO"), 0);
    kb_result_free(r);

    /* a pattern's word only in a clause of its own: a participle of
     * manner ("describing ... attacks"), a clause with its own subject
     * ("while two US soldiers were killed in a rocket attack") */
    r = code_one("Former Yugoslav President Slobodan Milosevic opened his "
                 "delayed defense at the UN war crimes tribunal on Tuesday, "
                 "describing the battles of the Serbs as self defense "
                 "against attacks by rebels.\n");
    T_EQ_INT(count(r, "19", NULL, NULL), 0);
    kb_result_free(r);
    r = code_one("Militiamen began handing back their weapons on Monday "
                 "under a deal with the Iraqi government, while two US "
                 "soldiers were killed in a Baghdad rocket attack.\n");
    T_EQ_INT(count(r, "19", NULL, NULL), 0);
    kb_result_free(r);

    /* the al-Aqsa mosque is a place, not the al-Aqsa Martyrs Brigades
     * (Khabar's actor supplement) */
    r = code_one("Israel said it will not restrict access to the al-Aqsa "
                 "mosque compound in Jerusalem during Ramadan.\n");
    T_EQ_INT(count(r, NULL, NULL, "MEA"), 0);
    kb_result_free(r);

    /* declining to say is no rejection (12); declining to comment is
     * CAMEO's own 011; refusing a proposal is a rejection */
    r = code_one("U.S. Commerce Secretary Malcolm Baldrige declined to say "
                 "what growth rate would be acceptable for Chinese textile "
                 "exports.\n");
    T_EQ_INT(count(r, "12", NULL, NULL), 0);
    kb_result_free(r);
    r = code_one("The Pentagon declined to estimate how many Libyan soldiers "
                 "the Chadian army had killed.\n");
    T_EQ_INT(count(r, "12", NULL, NULL), 0);
    kb_result_free(r);
    r = code_one("The West German Finance Ministry declined to comment on "
                 "criticism by U.S. Treasury Secretary James Baker of German "
                 "interest rates.\n");
    T_EQ_INT(count(r, "011", "DEUGOV", "USAGOV"), 1);
    kb_result_free(r);
    r = code_one("China refused to accept the Japanese proposal on "
                 "Monday.\n");
    T_EQ_INT(count(r, "12", "CHN", "JPN"), 1);
    kb_result_free(r);

    /* "he" after a speaker left unnamed ("..., an official said") is
     * that speaker, not the last person named */
    r = code_one("US Treasury Secretary Steven Mnuchin met Japanese Finance "
                 "Minister Taro Aso in Washington on Monday.\n\nThe talks "
                 "on the exchange rate were useful, an official said.\n\n"
                 "He criticized South Korea for its trade policy.\n");
    T_EQ_INT(count(r, "11", NULL, NULL), 0);
    kb_result_free(r);
    r = code_one("US Treasury Secretary Steven Mnuchin met Japanese Finance "
                 "Minister Taro Aso in Washington on Monday.\n\nHe "
                 "criticized South Korea for its trade policy.\n");
    T_EQ_INT(count(r, "11", "USAGOV", "KOR"), 1);
    kb_result_free(r);

    /* a name the dictionaries write with its hyphenated part split
     * (CHEN_SHUI_BIAN_) is found in the text's "Shui-bian"; a hyphenated
     * word is not split for a part of it ("anti-French") */
    r = code_one("Chen Shui-bian criticized China on Monday.\n");
    T_EQ_INT(count(r, "11", "TWNGOV", "CHN"), 1);
    kb_result_free(r);
    r = code_one("Anti-French protesters attacked a convoy near Abidjan on "
                 "Monday.\n");
    T_EQ_INT(count(r, NULL, "FRA", NULL), 0);
    kb_result_free(r);

    /* a surname written as one hyphenated word is the same person when
     * written as two ("Abdul-Mahdi", later "Abdul Mahdi") */
    r = code_one("Iraqi Prime Minister Adil Abdul-Mahdi met the French "
                 "ambassador in Baghdad on Monday.\n\nAbdul Mahdi accused "
                 "Turkey of violating Iraqi sovereignty.\n");
    T_EQ_INT(count(r, "11", "IRQGOV", "TUR"), 1);
    kb_result_free(r);

    /* the name after a title that names a region ("Kurdistan Region
     * Prime Minister Masrour Barzani") is the person's, not the region's
     * words */
    r = code_one("Kurdistan Region Prime Minister Masrour Barzani spoke in "
                 "Erbil on Sunday.\n\nBarzani criticized Turkey on "
                 "Monday.\n");
    T_EQ_INT(count(r, "11", "IRQKURGOV", "TUR"), 1);
    kb_result_free(r);

    /* a name in apposition after a title ("The president of Ukraine,
     * Volodymyr Zelenskyy,") is learned even when the comma clause is
     * deleted from the coder's phrases; "Zelensky" is the same name */
    r = code_one("The president of Ukraine, Volodymyr Zelenskyy, spoke in "
                 "Kyiv on Monday.\n\nZelensky accused Russia of shelling "
                 "civilians.\n");
    T_EQ_INT(count(r, "11", "UKRGOV", "RUS"), 1);
    kb_result_free(r);

    /* "Iraqi" read as an adverb of the verb still names the prime
     * minister's country (parser repair) */
    r = code_one("Jordanian Foreign Minister Ayman Safadi arrived in Baghdad "
                 "on Monday.\n\nIraqi Prime Minister Mustafa al-Kadhimi met "
                 "Safadi at the airport.\n");
    T_EQ_INT(count(r, "04", "IRQGOV", "JORGOV"), 1);
    kb_result_free(r);

    /* "EU" alone is the Union (Phoenix writes only "the EU") */
    r = code_one("EU foreign ministers criticized Iran on Monday.\n");
    T_EQ_INT(count(r, "11", "IGOEUREEC", "IRN"), 1);
    kb_result_free(r);

    /* the European Community is the Community, not civilians */
    r = code_one("The European Community has warned the U.S. House of "
                 "Representatives that trade legislation could prompt "
                 "retaliation.\n");
    T_EQ_INT(count(r, "13", "IGOEUREEC", "USA"), 1);
    kb_result_free(r);

    /* "is to visit": a plan */
    r = code_one("Afghan President Hamid Karzai is to visit Pakistan to "
                 "discuss fighting terror.\n");
    T_EQ_INT(count(r, NULL, NULL, NULL), 0);
    kb_result_free(r);
    r = code_one("Afghan President Hamid Karzai visited Pakistan to "
                 "discuss fighting terror.\n");
    T_EQ_INT(count(r, "04", "AFG", "PAK"), 1);
    kb_result_free(r);
}

/* ---- the mood of a verb, on hand-made trees ------------------------------ */

static kbi_arena mood_arena;

/* kbi_unreal of token v (0-based) of a CoNLL-U sentence. */
static const char *mood(const char *conllu, int32_t v)
{
    kbi_conllu_reader rd;
    kbi_conllu_reader_init(&rd, conllu, strlen(conllu), "test", NULL);
    kbi_conllu_sent cs;
    if (!kbi_conllu_next(&rd, &mood_arena, &cs))
        return "unreadable";
    return kbi_unreal(&cs.s, v);
}

static void test_mood(void)
{
    kbi_arena_init(&mood_arena, NULL);
    /* the greedy parser's reading of a reduced relative ("fugitives ...
     * believed to be responsible") as a second verb joined without "and" */
    static const char RELATIVE[] =
        "1\tPolice\t_\tNOUN\tNNS\t_\t2\tnsubj\t_\t_\n"
        "2\thunted\t_\tVERB\tVBD\t_\t0\troot\t_\t_\n"
        "3\ttwo\t_\tNUM\tCD\t_\t4\tnummod\t_\t_\n"
        "4\tfugitives\t_\tNOUN\tNNS\t_\t2\tobj\t_\t_\n"
        "5\tbelieved\t_\tVERB\tVBD\t_\t2\tconj\t_\t_\n"
        "6\tto\t_\tPART\tTO\t_\t8\tmark\t_\t_\n"
        "7\tbe\t_\tAUX\tVB\t_\t8\tcop\t_\t_\n"
        "8\tresponsible\t_\tADJ\tJJ\t_\t5\txcomp\t_\t_\n\n";
    T_EQ_STR(mood(RELATIVE, 4), "modifier");
    T_OK(mood(RELATIVE, 1) == NULL);
    /* with "and" it is a verb of its own */
    static const char AND[] =
        "1\tPolice\t_\tNOUN\tNNS\t_\t2\tnsubj\t_\t_\n"
        "2\thunted\t_\tVERB\tVBD\t_\t0\troot\t_\t_\n"
        "3\tfugitives\t_\tNOUN\tNNS\t_\t2\tobj\t_\t_\n"
        "4\tand\t_\tCCONJ\tCC\t_\t5\tcc\t_\t_\n"
        "5\tarrested\t_\tVERB\tVBD\t_\t2\tconj\t_\t_\n"
        "6\tthem\t_\tPRON\tPRP\t_\t5\tobj\t_\t_\n\n";
    T_OK(mood(AND, 4) == NULL);
    /* "A lawyer for three Americans accused of torture showed a video":
     * "accused" read as the main verb, "showed" joined to it bare */
    static const char LAWYER[] =
        "1\tA\t_\tDET\tDT\t_\t2\tdet\t_\t_\n"
        "2\tlawyer\t_\tNOUN\tNN\t_\t6\tnsubj\t_\t_\n"
        "3\tfor\t_\tADP\tIN\t_\t5\tcase\t_\t_\n"
        "4\tthree\t_\tNUM\tCD\t_\t5\tnummod\t_\t_\n"
        "5\tAmericans\t_\tPROPN\tNNPS\t_\t2\tnmod\t_\t_\n"
        "6\taccused\t_\tVERB\tVBD\t_\t0\troot\t_\t_\n"
        "7\tof\t_\tADP\tIN\t_\t8\tcase\t_\t_\n"
        "8\ttorture\t_\tNOUN\tNN\t_\t6\tobl\t_\t_\n"
        "9\tshowed\t_\tVERB\tVBD\t_\t6\tconj\t_\t_\n"
        "10\ta\t_\tDET\tDT\t_\t11\tdet\t_\t_\n"
        "11\tvideo\t_\tNOUN\tNN\t_\t9\tobj\t_\t_\n\n";
    T_EQ_STR(mood(LAWYER, 5), "modifier");
    /* ... but not after a name that ends the subject ("Jacques Chirac
     * opened talks with Reagan, expected to ...") */
    static const char NAME[] =
        "1\tJacques\t_\tPROPN\tNNP\t_\t3\tnsubj\t_\t_\n"
        "2\tChirac\t_\tPROPN\tNNP\t_\t1\tflat\t_\t_\n"
        "3\topened\t_\tVERB\tVBD\t_\t0\troot\t_\t_\n"
        "4\ttalks\t_\tNOUN\tNNS\t_\t3\tobj\t_\t_\n"
        "5\twith\t_\tADP\tIN\t_\t6\tcase\t_\t_\n"
        "6\tReagan\t_\tPROPN\tNNP\t_\t3\tobl\t_\t_\n"
        "7\texpected\t_\tVERB\tVBD\t_\t3\tconj\t_\t_\n\n";
    T_OK(mood(NAME, 2) == NULL);
    /* a base form joined to a past verb: "demanded the country withdraw" */
    static const char BARE[] =
        "1\tIt\t_\tPRON\tPRP\t_\t2\tnsubj\t_\t_\n"
        "2\tdemanded\t_\tVERB\tVBD\t_\t0\troot\t_\t_\n"
        "3\tthe\t_\tDET\tDT\t_\t4\tdet\t_\t_\n"
        "4\tcountry\t_\tNOUN\tNN\t_\t2\tobj\t_\t_\n"
        "5\twithdraw\t_\tVERB\tVB\t_\t2\tconj\t_\t_\n"
        "6\ttroops\t_\tNOUN\tNNS\t_\t5\tobj\t_\t_\n\n";
    T_EQ_STR(mood(BARE, 4), "complement");
    /* a base form with a modal is a modal's */
    static const char MODAL[] =
        "1\tIt\t_\tPRON\tPRP\t_\t2\tnsubj\t_\t_\n"
        "2\tsaid\t_\tVERB\tVBD\t_\t0\troot\t_\t_\n"
        "3\tit\t_\tPRON\tPRP\t_\t5\tnsubj\t_\t_\n"
        "4\twould\t_\tAUX\tMD\t_\t5\taux\t_\t_\n"
        "5\twithdraw\t_\tVERB\tVB\t_\t2\tccomp\t_\t_\n\n";
    T_EQ_STR(mood(MODAL, 4), "modal");
    kbi_arena_free(&mood_arena);
}

/* ---- out of memory ----------------------------------------------------- */

static void test_out_of_memory(void)
{
    /* the sample article with the result's allocator failing at the
     * first, second, ... call: out of memory is reported, never a crash,
     * and the result frees everything */
    size_t len = 0;
    char *text = slurp(SAMPLE, &len);
    T_OK(text != NULL);
    if (!text)
        return;
    kb_article a;
    memset(&a, 0, sizeof a);
    a.id = "sample";
    a.date = "2019-10-01";
    a.text = text;
    a.text_len = len;
    kb_coder c;
    memset(&c, 0, sizeof c);
    c.dict = dict;
    c.model = model;
    c.geo = geo;
    int ok = 0, nomem = 0, other = 0, leaks = 0;
    for (long n = 0; n < 20000 && !ok; n++) {
        t_failing f = {.left = n};
        kb_allocator al = {t_failing_realloc, &f};
        kb_result *r = kb_result_new(&al);
        if (!r) {
            nomem++;
            leaks += f.live != 0;
            continue;
        }
        kb_error err;
        kb_status st = kb_code_article(&c, &a, NULL, NULL, r, &err);
        if (st == KB_OK)
            ok = kb_result_count(r) > 0;
        else if (st == KB_ERR_NOMEM)
            nomem++;
        else
            other++;
        kb_result_free(r);
        leaks += f.live != 0;
    }
    if (getenv("KB_TEST_VERBOSE"))
        fprintf(stderr, "out of memory runs: %d\n", nomem);
    T_EQ_INT(ok, 1);
    T_OK(nomem > 0);
    T_EQ_INT(other, 0);
    T_EQ_INT(leaks, 0);
    free(text);
}

static void test_errors(void)
{
    kb_result *r = kb_result_new(NULL);
    T_EQ_INT(code_text(NULL, "Text.", NULL, 0, r), KB_ERR_INVALID);
    T_EQ_INT(code_text(NULL, "Text.", "2019-13-01", 0, r), KB_ERR_INVALID);
    T_EQ_INT(code_text(NULL, "", "2019-10-01", 0, r), KB_OK);
    T_EQ_INT(kb_result_count(r), 0);
    kb_result_free(r);
}

int main(void)
{
    if (!load_all())
        return 1;
    T_RUN(test_sample_article);
    T_RUN(test_story_discard);
    T_RUN(test_future_and_pronoun);
    T_RUN(test_merge_across_batch);
    T_RUN(test_no_merge);
    T_RUN(test_passive);
    T_RUN(test_seized_people);
    T_RUN(test_roles);
    T_RUN(test_mood);
    T_RUN(test_out_of_memory);
    T_RUN(test_errors);
    kb_gazetteer_free(geo);
    kb_model_free(model);
    kb_dict_free(dict);
    return t_done();
}
