#include "date.h"

#include <string.h>

#include "sentence.h"

long dyad_days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void dyad_civil_from_days(long z, int *y, int *m, int *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long yy = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yy + (*m <= 2));
}

static int weekday_of(const char *text, const dyad_token *t)
{
    static const char *const W[] = {"monday", "tuesday", "wednesday", "thursday", "friday",
                                    "saturday", "sunday"};
    if (t->len < 6 || t->len > 9)   /* "friday" .. "wednesday" */
        return -1;
    for (int i = 0; i < 7; i++)
        if (dyad_tok_is(text, t, W[i]))
            return i; /* 0 = Monday */
    return -1;
}

int dyad_is_weekday(const char *text, const dyad_token *t) { return weekday_of(text, t) >= 0; }

int dyad_tok_small_int(const char *text, const dyad_token *t, int lo, int hi)
{
    if (t->kind != TOK_NUMBER)
        return 0;
    int v = 0;
    for (uint32_t i = 0; i < t->len; i++) {
        char c = text[t->off + i];
        if (c < '0' || c > '9')
            break;
        if (v > 100000)
            return 0; /* far out of range; and no overflow */
        v = v * 10 + (c - '0');
    }
    return (v >= lo && v <= hi) ? v : 0;
}

static void set(dyad_date *o, int y, int m, int d, dyad_precision p)
{
    o->year = y;
    o->month = m;
    o->day = d;
    o->precision = p;
}

int dyad_find_date(const char *text, const dyad_token *tok, size_t a, size_t b,
                   const dyad_date *doc, dyad_date *out)
{
    int dy = doc ? doc->year : 0;
    /* the document's day number, for the relative dates below */
    long today = dy && doc->month && doc->day ? dyad_days_from_civil(doc->year, doc->month, doc->day) : 0;
    for (size_t i = a; i < b; i++) {
        const dyad_token *t = &tok[i];
        int prev_in = i > 0 && (dyad_tok_is(text, &tok[i - 1], "in") ||
                                dyad_tok_is(text, &tok[i - 1], "from") ||
                                dyad_tok_is(text, &tok[i - 1], "since") ||
                                dyad_tok_is(text, &tok[i - 1], "during") ||
                                dyad_tok_is(text, &tok[i - 1], "between") ||
                                dyad_tok_is(text, &tok[i - 1], "until") ||
                                dyad_tok_is(text, &tok[i - 1], "by") ||
                                dyad_tok_is(text, &tok[i - 1], "of"));
        if ((t->flags & TOKF_YEAR) && t->kind == TOK_NUMBER && prev_in) {
            set(out, (int)t->value, 0, 0, DYAD_PREC_YEAR);
            return 1;
        }
        if (t->kind == TOK_WORD && (t->flags & TOKF_CAP)) {
            int m = dyad_month_from_name(text + t->off, t->len);
            if (m && !(m == 5 && t->len == 3 && i + 1 < b && tok[i + 1].tag == TAG_VB)) {
                /* Month Day[,] [Year] | Month Year | Day Month [Year] */
                int day = (i + 1 < b) ? dyad_tok_small_int(text, &tok[i + 1], 1, 31) : 0;
                size_t k = i + 1 + (day ? 1 : 0);
                if (!day && i > a)
                    day = dyad_tok_small_int(text, &tok[i - 1], 1, 31); /* 7 October 2023 */
                if (k < b && dyad_tok_is(text, &tok[k], ","))
                    k++;
                int y = (k < b && (tok[k].flags & TOKF_YEAR)) ? (int)tok[k].value : 0;
                if (!y && !day) {
                    if (!prev_in)
                        continue; /* "May" alone is too often a verb or a name */
                    y = dy;
                    if (dy && doc->month && m > doc->month)
                        y--;
                    if (!y)
                        continue;
                    set(out, y, m, 0, DYAD_PREC_MONTH);
                    return 1;
                }
                if (!y) {
                    y = dy;
                    if (dy && doc->month && (m > doc->month || (m == doc->month && day > doc->day)))
                        y--;
                }
                if (!y)
                    continue;
                set(out, y, m, day, day ? DYAD_PREC_DAY : DYAD_PREC_MONTH);
                return 1;
            }
        }
        if (!dy || !doc->month || !doc->day)
            continue;
        int wd = weekday_of(text, t);
        if (wd >= 0) {
            long dow = ((today % 7) + 7 + 3) % 7; /* 1970-01-01 was a Thursday (3) */
            long back = (dow - wd + 7) % 7;
            int y, m, d;
            dyad_civil_from_days(today - back, &y, &m, &d);
            set(out, y, m, d, DYAD_PREC_DAY);
            return 1;
        }
        if (dyad_tok_is(text, t, "yesterday")) {
            int y, m, d;
            dyad_civil_from_days(today - 1, &y, &m, &d);
            set(out, y, m, d, DYAD_PREC_DAY);
            return 1;
        }
        if (dyad_tok_is(text, t, "today")) {
            set(out, doc->year, doc->month, doc->day, DYAD_PREC_DAY);
            return 1;
        }
        if ((dyad_tok_is(text, t, "last") || dyad_tok_is(text, t, "this")) && i + 1 < b) {
            int last = dyad_tok_is(text, t, "last");
            if (dyad_tok_is(text, &tok[i + 1], "year")) {
                set(out, doc->year - last, 0, 0, DYAD_PREC_YEAR);
                return 1;
            }
            if (dyad_tok_is(text, &tok[i + 1], "month")) {
                int y = doc->year, m = doc->month - last;
                if (m < 1) {
                    m = 12;
                    y--;
                }
                set(out, y, m, 0, DYAD_PREC_MONTH);
                return 1;
            }
        }
    }
    return 0;
}

/* dyad.h: a document's date as YYYYMMDD or YYYY-MM-DD. */
int dyad_parse_date(const char *s, size_t len, dyad_date *out)
{
    int y, m, d;
    char buf[16];
    if (len == 8) {
        memcpy(buf, s, 8);
    } else if (len == 10 && s[4] == '-' && s[7] == '-') {
        memcpy(buf, s, 4);
        memcpy(buf + 4, s + 5, 2);
        memcpy(buf + 6, s + 8, 2);
    } else {
        return -1;
    }
    for (int i = 0; i < 8; i++)
        if (buf[i] < '0' || buf[i] > '9')
            return -1;
    y = (buf[0] - '0') * 1000 + (buf[1] - '0') * 100 + (buf[2] - '0') * 10 + (buf[3] - '0');
    m = (buf[4] - '0') * 10 + (buf[5] - '0');
    d = (buf[6] - '0') * 10 + (buf[7] - '0');
    static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1000 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
        return -1;
    if (m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return -1;
    out->year = y;
    out->month = m;
    out->day = d;
    out->precision = DYAD_PREC_DAY;
    return 0;
}

int dyad_is_day_word(const char *text, const dyad_token *t)
{
    return dyad_tok_is(text, t, "today") || dyad_tok_is(text, t, "yesterday") || dyad_is_weekday(text, t);
}
