/* doc_date.c - the document's date from its text, and the explain lines on dated
 * roles (doc_date.h). */
#include "doc_date.h"

#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "util.h"

const char *dyad_date_source_name(dyad_date_source source)
{
    switch (source) {
    case DYAD_DATE_GIVEN: return "document";
    case DYAD_DATE_DATELINE: return "dateline";
    case DYAD_DATE_DATELINE_LEAD: return "dateline and lead";
    case DYAD_DATE_LEAD: return "lead";
    default: return "none";
    }
}

int32_t dyad_role_ymd(const dyad_date *d)
{
    if (!d->year)
        return 0;
    if (!d->month)
        return dyad_ymd(d->year, 7, 1);
    return dyad_ymd(d->year, d->month, d->day ? d->day : 15);
}

static int valid_day(int y, int m, int d)
{
    int y2, m2, d2;
    dyad_civil_from_days(dyad_days_from_civil(y, m, d), &y2, &m2, &d2);
    return y2 == y && m2 == m && d2 == d;
}

/* ---- the lead ---- */

/* The best date the lead gave so far: a full date (the first), else a month (the
 * first), else the latest year after "in"; its words in the document's text. */
typedef struct {
    dyad_date d;
    uint32_t off, len;
} lead_date;

static void offer(lead_date *best, int y, int m, int day, uint32_t off, uint32_t end)
{
    dyad_precision p = day ? DYAD_PREC_DAY : m ? DYAD_PREC_MONTH : DYAD_PREC_YEAR;
    if (p < best->d.precision || (p == best->d.precision && (p != DYAD_PREC_YEAR || y <= best->d.year)))
        return;
    if (day && !valid_day(y, m, day))
        return;
    best->d.year = y;
    best->d.month = m;
    best->d.day = day;
    best->d.precision = p;
    best->off = off;
    best->len = end - off;
}

/* A month name at tok[i] with its day and year around it: "Aug. 11, 2008", "7
 * October 2023", "May 2019". Offers what it names; returns the tokens used. */
static size_t month_date(const char *s, uint32_t soff, const dyad_token *tok, size_t n, size_t i,
                         lead_date *best)
{
    int m = dyad_month_from_name(s + tok[i].off, tok[i].len);
    size_t first = i, k = i + 1;
    if (k < n && dyad_tok_is(s, &tok[k], "."))
        k++;   /* "Aug . 11" when the tokenizer splits the abbreviation */
    int day = k < n ? dyad_tok_small_int(s, &tok[k], 1, 31) : 0;
    if (day) {
        k++;
    } else if (i > 0 && (day = dyad_tok_small_int(s, &tok[i - 1], 1, 31)) != 0) {
        first = i - 1;
    }
    if (k < n && dyad_tok_is(s, &tok[k], ","))
        k++;
    if (k >= n || tok[k].kind != TOK_NUMBER || !(tok[k].flags & TOKF_YEAR))
        return 1;   /* no year: nothing the document's date can take */
    offer(best, (int)tok[k].value, m, day, soff + tok[first].off, soff + tok[k].off + tok[k].len);
    return k + 1 - i;
}

/* Looks for dates in one sentence of the lead (tokens of s, at soff in the text). */
static void scan_lead(const char *s, uint32_t soff, const dyad_token *tok, size_t n, lead_date *best)
{
    for (size_t i = 0; i < n;) {
        const dyad_token *t = &tok[i];
        if (t->kind == TOK_WORD && (t->flags & TOKF_CAP) && dyad_month_from_name(s + t->off, t->len)) {
            i += month_date(s, soff, tok, n, i, best);
            continue;
        }
        if (t->kind == TOK_NUMBER && (t->flags & TOKF_YEAR) && i > 0 && dyad_tok_is(s, &tok[i - 1], "in"))
            offer(best, (int)t->value, 0, 0, soff + tok[i - 1].off, soff + t->off + t->len);
        i++;
    }
}

static void set_day(dyad_date *d, int y, int m, int day)
{
    d->year = y;
    d->month = m;
    d->day = day;
    d->precision = DYAD_PREC_DAY;
}

/* The year of a dateline's month and day next to the lead's date: the one that
 * puts them closest ("Jan 3" over "Dec. 30, 2008" is 2009); 0 when that day does
 * not exist. */
static int dateline_year(const dyad_date *lead, int m, int d)
{
    int y = lead->year;
    if (lead->month) {
        long at = dyad_days_from_civil(lead->year, lead->month, lead->day ? lead->day : 15);
        long best = -1;
        for (int c = lead->year - 1; c <= lead->year + 1; c++) {
            long dist = labs(dyad_days_from_civil(c, m, d) - at);
            if (best < 0 || dist < best) {
                best = dist;
                y = c;
            }
        }
    }
    return valid_day(y, m, d) ? y : 0;
}

int dyad_doc_date_find(const char *given, const char *text, const dyad_sentences *sents,
                       dyad_tokens *toks, dyad_doc_date *out)
{
    memset(out, 0, sizeof *out);
    if (given && *given) {
        if (dyad_parse_date(given, strlen(given), &out->date) == 0) {
            out->source = DYAD_DATE_GIVEN;
            return 0;
        }
        out->bad_date = 1;
        memset(&out->date, 0, sizeof out->date);
    }
    int dl_m = sents->dateline_month, dl_d = sents->dateline_day;
    if (sents->dateline_year && valid_day(sents->dateline_year, dl_m, dl_d)) {
        set_day(&out->date, sents->dateline_year, dl_m, dl_d);
        out->source = DYAD_DATE_DATELINE;
        return 0;
    }
    lead_date best;
    memset(&best, 0, sizeof best);
    for (size_t si = 0; si < sents->n && si < DYAD_LEAD_SENTENCES; si++) {
        const char *s = text + sents->s[si].off;
        long nt = dyad_tokenize(s, sents->s[si].len, toks);
        if (nt < 0)
            return -1;
        scan_lead(s, sents->s[si].off, toks->tok, (size_t)nt, &best);
        if (best.d.precision == DYAD_PREC_DAY)
            break;
    }
    if (!best.d.year)
        return 0;
    out->lead_off = best.off;
    out->lead_len = best.len;
    int y = dl_m ? dateline_year(&best.d, dl_m, dl_d) : 0;
    if (y) {
        set_day(&out->date, y, dl_m, dl_d);
        out->source = DYAD_DATE_DATELINE_LEAD;
    } else {
        out->date = best.d;
        out->source = DYAD_DATE_LEAD;
    }
    return 0;
}

/* ---- explain ---- */

/* A date as YYYY-MM-DD, YYYY-MM or YYYY by its precision; "none" without a year. */
static void fmt_date(char *buf, size_t cap, const dyad_date *d)
{
    if (!d->year)
        snprintf(buf, cap, "none");
    else if (d->precision == DYAD_PREC_YEAR || !d->month)
        snprintf(buf, cap, "%04d", d->year);
    else if (d->precision == DYAD_PREC_MONTH || !d->day)
        snprintf(buf, cap, "%04d-%02d", d->year, d->month);
    else
        snprintf(buf, cap, "%04d-%02d-%02d", d->year, d->month, d->day);
}

/* A role's end as YYYY-MM-DD, or "" when open. */
static void fmt_ymd(char *buf, size_t cap, int32_t ymd)
{
    if (ymd)
        snprintf(buf, cap, "%04d-%02d-%02d", (int)(ymd / 10000), (int)(ymd / 100 % 100), (int)(ymd % 100));
    else
        buf[0] = 0;
}

void dyad_explain_doc_date(FILE *ex, const char *text, const dyad_sentences *sents,
                           const dyad_doc_date *dd)
{
    char db[16];
    fmt_date(db, sizeof db, &dd->date);
    static const char *const PREC[] = {"", "year", "month", "day"};
    fprintf(ex, "document date: %s", db);
    if (dd->date.year)
        fprintf(ex, " (%s)", PREC[dd->date.precision]);
    if (dd->bad_date)
        fprintf(ex, "; the document's own date is unreadable");
    int dl_len = sents->n ? (int)sents->s[0].off : 0;   /* the dateline is left out of sentence 0 */
    while (dl_len > 0 && (text[dl_len - 1] == ' ' || text[dl_len - 1] == '\n'))
        dl_len--;
    switch (dd->source) {
    case DYAD_DATE_GIVEN:
        fprintf(ex, ", the document's date\n");
        break;
    case DYAD_DATE_DATELINE:
        fprintf(ex, ", from the dateline \"%.*s\"\n", dl_len, text);
        break;
    case DYAD_DATE_DATELINE_LEAD:
        fprintf(ex, ", from the dateline \"%.*s\", its year from \"%.*s\" in the lead\n", dl_len, text,
                (int)dd->lead_len, text + dd->lead_off);
        break;
    case DYAD_DATE_LEAD:
        fprintf(ex, ", from \"%.*s\" in the lead\n", (int)dd->lead_len, text + dd->lead_off);
        break;
    default:
        fprintf(ex, " (no \"date\" field or --date, no dateline with a year, no date in the lead):"
                    " dated roles take the undated role, else the latest\n");
    }
}

int dyad_entry_has_dated_roles(const dyad_dict *d, const dyad_entry *e)
{
    for (uint32_t r = 0; r < e->role_n; r++)
        if (d->roles[e->role_first + r].from || d->roles[e->role_first + r].to)
            return 1;
    return 0;
}

/* A state with an undated role (Moscow = USR ..1991-12-25; RUS) is the present
 * state unless a dated role covers the date: only then does the date matter. */
int dyad_role_depends_on_date(const dyad_dict *d, const dyad_entry *e, int32_t ymd)
{
    if (!dyad_entry_has_dated_roles(d, e))
        return 0;
    if (e->kind != AK_STATE)
        return 1;
    int undated = 0;
    for (uint32_t r = 0; r < e->role_n; r++) {
        const dyad_role *o = &d->roles[e->role_first + r];
        undated |= !o->from && !o->to;
        if ((o->from || o->to) && ymd && (!o->from || ymd >= o->from) && (!o->to || ymd <= o->to))
            return 1;
    }
    return !undated;
}

size_t dyad_undated_roles(const dyad_dict *d, const dyad_mentions *ms)
{
    size_t n = 0;
    for (size_t i = 0; i < ms->n; i++)
        n += ms->m[i].entry >= 0 && !ms->m[i].is_ref &&
             dyad_role_depends_on_date(d, &d->entries[ms->m[i].entry], 0);
    return n;
}

/* The roles of e dyad_dict_role chooses from on ymd: the dated one that covers it,
 * the undated one, the latest dated one. */
typedef struct {
    const dyad_role *cover, *undated, *latest;
} role_choice;

static role_choice choose_role(const dyad_dict *d, const dyad_entry *e, int32_t ymd)
{
    role_choice rc = {NULL, NULL, NULL};
    for (uint32_t i = 0; i < e->role_n; i++) {
        const dyad_role *r = &d->roles[e->role_first + i];
        if (!r->from && !r->to)
            rc.undated = r;
        else if (ymd && !rc.cover && (!r->from || ymd >= r->from) && (!r->to || ymd <= r->to))
            rc.cover = r;
        else if (!rc.latest || r->from > rc.latest->from)
            rc.latest = r;
    }
    return rc;
}

void dyad_explain_role(FILE *ex, const dyad_dict *d, const dyad_entry *e, const dyad_date *date,
                       dyad_date_source source)
{
    int32_t ymd = dyad_role_ymd(date);
    role_choice rc = choose_role(d, e, ymd);
    const char *chosen = dyad_dict_role(d, e, ymd);
    char db[16], from[16], to[16];
    fmt_date(db, sizeof db, date);
    fprintf(ex, "    dated role: %s (", chosen ? chosen : "none");
    if (!ymd) {
        if (rc.undated) {
            fprintf(ex, "no date: the undated role");
        } else {
            fmt_ymd(from, sizeof from, rc.latest ? rc.latest->from : 0);
            fprintf(ex, "no date: latest role%s%s", from[0] ? ", from " : "", from);
        }
        fprintf(ex, "; --date or a \"date\" field gives the document a date)\n");
        return;
    }
    if (rc.cover) {
        fmt_ymd(from, sizeof from, rc.cover->from);
        fmt_ymd(to, sizeof to, rc.cover->to);
        fprintf(ex, "%s..%s covers %s", from, to, db);
    } else {
        fprintf(ex, "no dated role covers %s: %s", db, rc.undated ? "the undated role" : "not an actor then");
    }
    if (date->precision == DYAD_PREC_YEAR || date->precision == DYAD_PREC_MONTH) {
        fmt_ymd(from, sizeof from, ymd);
        fprintf(ex, ", taken as %s", from);
    }
    fprintf(ex, "; the document's date, %s%s)\n",
            source == DYAD_DATE_GIVEN ? "given" : "from the ", source == DYAD_DATE_GIVEN ? "" : dyad_date_source_name(source));
}
