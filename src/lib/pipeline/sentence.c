#include "sentence.h"

#include <ctype.h>
#include <string.h>

#include "util.h"

static const char *const ABBREV[] = {
    "Mr", "Mrs", "Ms", "Dr", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Maj", "Capt", "Sgt",
    "Cpl", "Adm", "Cmdr", "Pres", "Prof", "Rev", "St", "Jan", "Feb", "Mar", "Apr", "Jun",
    "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "No", "Nos", "vs", "Inc", "Corp", "Co",
    "Ltd", "Jr", "Sr", "Mt", "Ft", "Gens", "Reps", "Sens", "Messrs", "Dept", "Brig", "Supt",
    "Insp", "Amb", "Atty", "Hon", "Fr", "Sheikh", "approx", "Nr", "Gov't", "Govt", "Ave",
    "Blvd", "Rd", "Sgt", "Pvt", "Cdr", NULL};

static const char *const STARTERS[] = {
    "The", "He", "She", "It", "They", "We", "I", "But", "In", "A", "An", "This", "That",
    "On", "At", "His", "Her", "Its", "Their", "There", "These", "Those", "And", "Officials",
    "However", "Meanwhile", "After", "Before", "When", "While", "Some", "Many", "Last",
    NULL};

static int in_list(const char *const *list, const char *s, size_t len)
{
    if (len == 0)
        return 0;
    for (; *list; list++) {
        const char *w = *list;
        /* most words differ at the first letter; no strlen of every word */
        if (w[0] == s[0] && strncmp(w, s, len) == 0 && w[len] == 0)
            return 1;
    }
    return 0;
}

int dyad_month_from_name(const char *s, size_t len)
{
    static const char *const M[] = {"january", "february", "march", "april", "may", "june",
                                    "july", "august", "september", "october", "november",
                                    "december"};
    static const unsigned char ML[] = {7, 8, 5, 5, 3, 4, 4, 6, 9, 7, 8, 8}; /* their lengths */
    char low[16];
    if (len < 3 || len > 9)
        return 0;
    if (s[len - 1] == '.')
        len--;
    dyad_lower(low, sizeof low, s, len);
    for (int i = 0; i < 12; i++) {
        if (low[0] != M[i][0])
            continue;   /* most words differ at the first letter */
        size_t ml = ML[i];
        if (len == ml && memcmp(low, M[i], len) == 0)
            return i + 1;
        if (len >= 3 && len < ml && memcmp(low, M[i], len) == 0 &&
            (len == 3 || (i == 8 && len == 4)))
            return i + 1;
    }
    return 0;
}

static int push(dyad_sentences *out, const char *t, size_t a, size_t b)
{
    while (a < b && isspace((unsigned char)t[a]))
        a++;
    while (b > a && isspace((unsigned char)t[b - 1]))
        b--;
    if (b <= a)
        return 0;
    if (DYAD_GROW(out->s, out->cap, out->n + 1) < 0)
        return -1;
    out->s[out->n].off = (uint32_t)a;
    out->s[out->n].len = (uint32_t)(b - a);
    out->n++;
    return 0;
}

/* Length of a leading dateline ("BAKU, May 4 (Reuters) - "), or 0. */
static size_t dateline(const char *t, size_t len, dyad_sentences *out)
{
    size_t lim = len < 120 ? len : 120, i = 0;
    while (i < lim && isspace((unsigned char)t[i]))
        i++;
    size_t start = i;
    /* first word: at least two capitals */
    size_t caps = 0;
    while (i < lim && (isupper((unsigned char)t[i]) || t[i] == ' ' || t[i] == '.' ||
                       t[i] == '\'' || t[i] == '-') &&
           !(t[i] == '-' && i + 1 < lim && (t[i + 1] == ' ' || t[i + 1] == '-'))) {
        if (isupper((unsigned char)t[i]))
            caps++;
        i++;
    }
    if (caps < 2 || i == start)
        return 0;
    /* the capitals must form a word of two letters or more, not "A" */
    size_t j = i;
    /* then optionally ", Month Day[, Year]" and "(Agency)" up to a dash */
    while (j < lim && t[j] != '\n') {
        if (t[j] == '-' && j > start && t[j - 1] == ' ' &&
            (j + 1 >= lim || t[j + 1] == ' ' || (t[j + 1] == '-' && j + 2 < lim && t[j + 2] == ' '))) {
            size_t end = j + 1;
            while (end < len && t[end] == '-')
                end++;
            /* read a date in [i, j) */
            const char *p = t + i;
            size_t n = j - i;
            for (size_t k = 0; k < n; k++) {
                if (!isalpha((unsigned char)p[k]) || (k && isalpha((unsigned char)p[k - 1])))
                    continue;
                size_t e = k;
                while (e < n && (isalpha((unsigned char)p[e]) || p[e] == '.'))
                    e++;
                int m = dyad_month_from_name(p + k, e - k);
                if (!m)
                    continue;
                size_t d = e;
                while (d < n && p[d] == ' ')
                    d++;
                int day = 0;
                while (d < n && isdigit((unsigned char)p[d]) && day < 100)
                    day = day * 10 + (p[d++] - '0');
                if (day < 1 || day > 31)
                    continue;
                out->dateline_month = m;
                out->dateline_day = day;
                while (d < n && (p[d] == ',' || p[d] == ' '))
                    d++;
                int y = 0, nd = 0;
                while (d < n && isdigit((unsigned char)p[d]) && nd < 4)
                    y = y * 10 + (p[d++] - '0'), nd++;
                if (nd == 4 && y >= 1900 && y < 2100)
                    out->dateline_year = y;
                break;
            }
            return end;
        }
        char c = t[j];
        if (!(isalnum((unsigned char)c) || c == ' ' || c == ',' || c == '(' || c == ')' ||
              c == '.' || c == '\'' || c == '/' || c == '-'))
            return 0;
        j++;
    }
    return 0;
}

/* The bytes the splitter stops at: sentence ends and newlines. */
static const unsigned char is_break_byte[256] = {['\n'] = 1, ['.'] = 1, ['!'] = 1, ['?'] = 1};

long dyad_split_sentences(const char *t, size_t len, dyad_sentences *out)
{
    out->n = 0;
    out->dateline_year = out->dateline_month = out->dateline_day = 0;
    size_t start = dateline(t, len, out);
    size_t i = start;
    while (i < len) {
        char c = t[i];
        if (c == '\n') {
            /* blank line: paragraph break */
            size_t j = i + 1;
            while (j < len && (t[j] == ' ' || t[j] == '\t' || t[j] == '\r'))
                j++;
            if (j < len && t[j] == '\n') {
                if (push(out, t, start, i) < 0)
                    return -1;
                start = j + 1;
                i = j + 1;
                continue;
            }
            i++;
            continue;
        }
        if (c != '.' && c != '!' && c != '?') {
            /* skip to the next byte that can end a sentence or a paragraph */
            i++;
            while (i < len && !is_break_byte[(unsigned char)t[i]])
                i++;
            continue;
        }
        size_t end = i + 1;
        while (end < len && (t[end] == '.' || t[end] == '!' || t[end] == '?'))
            end++;
        while (end < len && (t[end] == '"' || t[end] == '\'' || t[end] == ')' || t[end] == ']'))
            end++;
        if (end < len && !isspace((unsigned char)t[end])) {
            i = end;
            continue;
        }
        size_t nx = end;
        while (nx < len && isspace((unsigned char)t[nx]))
            nx++;
        if (nx < len) {
            unsigned char n0 = (unsigned char)t[nx];
            if (!(isupper(n0) || isdigit(n0) || n0 == '"' || n0 == '\'' || n0 == '(' || n0 >= 0x80)) {
                i = end;
                continue;
            }
        }
        if (c == '.' && end == i + 1) {
            /* the word before the period */
            size_t w = i;
            while (w > start && !isspace((unsigned char)t[w - 1]) && t[w - 1] != '(' && t[w - 1] != '"')
                w--;
            size_t wl = i - w;
            int inner_dot = memchr(t + w, '.', wl) != NULL;
            int abbrev = in_list(ABBREV, t + w, wl) ||
                         (wl == 1 && isupper((unsigned char)t[w]));
            if (inner_dot && nx < len) {
                size_t e = nx;
                while (e < len && isalpha((unsigned char)t[e]))
                    e++;
                abbrev = !in_list(STARTERS, t + nx, e - nx);
            }
            if (abbrev && nx < len) {
                i = end;
                continue;
            }
        }
        if (push(out, t, start, end) < 0)
            return -1;
        start = end;
        i = end;
    }
    if (push(out, t, start, len) < 0)
        return -1;
    return (long)out->n;
}

void dyad_sentences_free(dyad_sentences *s)
{
    free(s->s);
    memset(s, 0, sizeof *s);
}
