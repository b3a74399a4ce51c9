#include "token.h"

#include <ctype.h>
#include <string.h>

#include "util.h"

/* c | 0x20 folds A-Z onto a-z (and no other byte onto them) */
static int is_ascii_letter(unsigned char c) { return (unsigned)((c | 0x20) - 'a') < 26u; }
static int is_alpha(unsigned char c) { return is_ascii_letter(c) || c >= 0x80; }
static int lower_ascii(unsigned char c) { return (c >= 'A' && c <= 'Z') ? c + 32 : c; }
static int is_digit(unsigned char c) { return (unsigned)(c - '0') < 10u; }
/* isspace() of the C locale */
static int is_space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

typedef struct {
    const char *word;
    double mult;
} mult_word;

static const mult_word MULTS[] = {{"thousand", 1e3}, {"million", 1e6}, {"mln", 1e6}, {"mn", 1e6},
                                  {"m", 1e6},        {"billion", 1e9}, {"bln", 1e9}, {"bn", 1e9},
                                  {"b", 1e9},        {"trillion", 1e12}, {"tn", 1e12}, {NULL, 0}};

typedef struct {
    const char *word;
    const char *code;
} cur_word;

static const cur_word CURRENCIES[] = {
    {"dollars", "USD"}, {"dollar", "USD"},   {"euros", "EUR"},    {"euro", "EUR"},
    {"pounds", "GBP"},  {"sterling", "GBP"}, {"yen", "JPY"},      {"yuan", "CNY"},
    {"rubles", "RUB"},  {"roubles", "RUB"},  {"ruble", "RUB"},    {"rupees", "INR"},
    {"manat", "AZN"},   {"drams", "AMD"},    {"dram", "AMD"},     {"lari", "GEL"},
    {"hryvnias", "UAH"}, {"hryvnia", "UAH"}, {"shekels", "ILS"},  {"riyals", "SAR"},
    {"lira", "TRY"},    {"liras", "TRY"},    {"francs", "CHF"},   {NULL, NULL}};

/* Is s[0..len) the lower-case word w, ignoring case? (No strlen: most calls
 * differ at the first letter.) */
static int word_eq(const char *s, size_t len, const char *w)
{
    for (size_t i = 0; i < len; i++)
        if (w[i] == 0 || lower_ascii((unsigned char)s[i]) != w[i])
            return 0;
    return w[len] == 0;
}

/* Length of the letters at s (ASCII only), max n. */
static size_t alpha_run(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && is_ascii_letter((unsigned char)s[i]))
        i++;
    return i;
}

/* Parses a number at t[i..); returns its end, value in *v. Accepts 3,000,000 and 4.2. */
static size_t number_end(const char *t, size_t len, size_t i, double *v)
{
    double val = 0, frac = 0, scale = 1;
    int in_frac = 0;
    size_t j = i;
    while (j < len) {
        unsigned char c = (unsigned char)t[j];
        if (is_digit(c)) {
            if (in_frac) {
                scale /= 10;
                frac += (c - '0') * scale;
            } else {
                val = val * 10 + (c - '0');
            }
            j++;
        } else if (c == ',' && !in_frac && j + 3 < len + 0 && is_digit((unsigned char)t[j + 1]) &&
                   is_digit((unsigned char)t[j + 2]) && is_digit((unsigned char)t[j + 3]) &&
                   (j + 4 >= len || !is_digit((unsigned char)t[j + 4]))) {
            j++;
        } else if (c == '.' && !in_frac && j + 1 < len && is_digit((unsigned char)t[j + 1])) {
            in_frac = 1;
            j++;
        } else {
            break;
        }
    }
    *v = val + frac;
    return j;
}

/* After a number ending at j: optional multiplier (attached or after a space) and
 * optional currency word. Returns the new end; updates *v and cur. */
static size_t money_tail(const char *t, size_t len, size_t j, double *v, const char **cur)
{
    size_t k = j;
    /* attached multiplier: 4.2m, 3bn */
    size_t al = alpha_run(t + k, len - k);
    int found = 0;
    for (const mult_word *m = MULTS; m->word && al; m++)
        if (word_eq(t + k, al, m->word)) {
            *v *= m->mult;
            k += al;
            found = 1;
            break;
        }
    if (!found && k < len && t[k] == ' ') {
        size_t s = k + 1;
        al = alpha_run(t + s, len - s);
        for (const mult_word *m = MULTS; m->word && al; m++)
            if (m->word[1] != 0 && word_eq(t + s, al, m->word) &&
                (s + al >= len || !is_alpha((unsigned char)t[s + al]))) {
                *v *= m->mult;
                k = s + al;
                break;
            }
    }
    if (k < len && t[k] == ' ') {
        size_t s = k + 1;
        /* "US dollars", "U.S. dollars" */
        if (len - s > 3 && (memcmp(t + s, "US ", 3) == 0))
            s += 3;
        else if (len - s > 5 && memcmp(t + s, "U.S. ", 5) == 0)
            s += 5;
        al = alpha_run(t + s, len - s);
        for (const cur_word *c = CURRENCIES; c->word && al; c++)
            if (word_eq(t + s, al, c->word)) {
                *cur = c->code;
                k = s + al;
                break;
            }
    }
    return k;
}

static int add(dyad_tokens *out, size_t off, size_t len, int kind, const char *text)
{
    if (DYAD_GROW(out->tok, out->cap, out->n + 1) < 0)
        return -1;
    dyad_token *t = &out->tok[out->n++];
    memset(t, 0, sizeof *t);
    t->off = (uint32_t)off;
    t->len = (uint32_t)len;
    t->kind = (uint8_t)kind;
    t->word = -1;
    t->lemma = -1;
    t->verb = -1;
    t->name_node = -1;
    const unsigned char *s = (const unsigned char *)text + off;
    /* ASCII classes spelled out: isalpha()/isupper() in the C locale, without the
     * locale table lookups */
    int any_upper = 0, any_lower = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = s[i];
        if (c >= 'a' && c <= 'z')
            any_lower = 1;
        else if (c >= 'A' && c <= 'Z')
            any_upper = 1;
        else if (c == '-')
            t->flags |= TOKF_HYPHEN;
    }
    if (len && s[0] >= 'A' && s[0] <= 'Z')
        t->flags |= TOKF_CAP;
    if (any_upper && !any_lower)
        t->flags |= TOKF_ALLCAPS;
    return 0;
}

/* Currency symbol at t[i]: returns its byte length and code, or 0. */
static size_t currency_symbol(const char *t, size_t len, size_t i, const char **code)
{
    unsigned char c = (unsigned char)t[i];
    if (c != '$' && c != 'U' && c != 0xe2 && c != 0xc2)
        return 0;   /* the first byte of none of the symbols below */
    if (t[i] == '$') {
        *code = "USD";
        return 1;
    }
    if (len - i >= 3 && memcmp(t + i, "US$", 3) == 0) {
        *code = "USD";
        return 3;
    }
    if (len - i >= 3 && memcmp(t + i, "\xe2\x82\xac", 3) == 0) {
        *code = "EUR";
        return 3;
    }
    if (len - i >= 2 && memcmp(t + i, "\xc2\xa3", 2) == 0) {
        *code = "GBP";
        return 2;
    }
    if (len - i >= 2 && memcmp(t + i, "\xc2\xa5", 2) == 0) {
        *code = "JPY";
        return 2;
    }
    return 0;
}

long dyad_tokenize(const char *t, size_t len, dyad_tokens *out)
{
    out->n = 0;
    size_t i = 0;
    while (i < len) {
        unsigned char c = (unsigned char)t[i];
        if (is_space(c)) {
            i++;
            continue;
        }
        const char *cur = NULL;
        size_t cl = currency_symbol(t, len, i, &cur);
        if (cl) {
            size_t j = i + cl;
            while (j < len && t[j] == ' ' && j < i + cl + 1)
                j++;
            if (j < len && is_digit((unsigned char)t[j])) {
                double v;
                size_t e = number_end(t, len, j, &v);
                const char *cur2 = NULL;
                e = money_tail(t, len, e, &v, &cur2);
                if (add(out, i, e - i, TOK_MONEY, t) < 0)
                    return -1;
                out->tok[out->n - 1].value = v;
                memcpy(out->tok[out->n - 1].currency, cur, 4);
                i = e;
                continue;
            }
        }
        if (is_digit(c)) {
            double v;
            size_t e = number_end(t, len, i, &v);
            /* ordinals and units glued to the number: 4th, 10km */
            size_t al = alpha_run(t + e, len - e);
            int year = (e - i == 4 && v >= 1900 && v <= 2099 && !memchr(t + i, ',', 4));
            const char *cur2 = NULL;
            double mv = v;
            size_t me = money_tail(t, len, e, &mv, &cur2);
            if (cur2) {
                if (add(out, i, me - i, TOK_MONEY, t) < 0)
                    return -1;
                out->tok[out->n - 1].value = mv;
                memcpy(out->tok[out->n - 1].currency, cur2, 4);
                i = me;
                continue;
            }
            if (me > e && !year) {
                e = me;
                v = mv;
            } else if (al && (word_eq(t + e, al, "th") || word_eq(t + e, al, "st") ||
                              word_eq(t + e, al, "nd") || word_eq(t + e, al, "rd") ||
                              word_eq(t + e, al, "s"))) {
                e += al; /* 4th, 1990s */
            }
            if (add(out, i, e - i, TOK_NUMBER, t) < 0)
                return -1;
            out->tok[out->n - 1].value = v;
            if (year)
                out->tok[out->n - 1].flags |= TOKF_YEAR;
            i = e;
            continue;
        }
        if ((c == 'n' || c == 'N') && len - i >= 3 && t[i + 1] == '\'' &&
            (t[i + 2] == 't' || t[i + 2] == 'T') && (i + 3 == len || !is_alpha((unsigned char)t[i + 3]))) {
            if (add(out, i, 3, TOK_WORD, t) < 0)
                return -1;
            i += 3;
            continue;
        }
        if (is_alpha(c)) {
            size_t j = i;
            for (;;) {
                while (j < len && (is_alpha((unsigned char)t[j]) || is_digit((unsigned char)t[j])))
                    j++;
                if (j + 1 < len && (t[j] == '-' || t[j] == '&') &&
                    (is_alpha((unsigned char)t[j + 1]) || is_digit((unsigned char)t[j + 1]))) {
                    j++;
                    continue;
                }
                if (j + 1 < len && t[j] == '\'' && is_alpha((unsigned char)t[j + 1])) {
                    /* clitics split off: 's 're 've 'll 'd 'm and n't */
                    size_t al = alpha_run(t + j + 1, len - j - 1);
                    const char *cl2 = t + j + 1;
                    if ((al == 1 && (tolower((unsigned char)cl2[0]) == 's' ||
                                     tolower((unsigned char)cl2[0]) == 'd' ||
                                     tolower((unsigned char)cl2[0]) == 'm')) ||
                        (al == 2 && (word_eq(cl2, 2, "re") || word_eq(cl2, 2, "ve") ||
                                     word_eq(cl2, 2, "ll"))))
                        break;
                    if (al == 1 && tolower((unsigned char)cl2[0]) == 't' && j > i + 1 &&
                        tolower((unsigned char)t[j - 1]) == 'n') {
                        j--; /* did|n't */
                        break;
                    }
                    j++;
                    continue;
                }
                /* U.S. U.N. a.m.: single letters separated by dots */
                if (j < len && t[j] == '.' && j - i >= 1) {
                    size_t seg = j;
                    while (seg > i && t[seg - 1] != '.')
                        seg--;
                    if (j - seg == 1 && j + 1 < len && is_alpha((unsigned char)t[j + 1]) &&
                        j + 2 <= len && (j + 2 == len || t[j + 2] == '.')) {
                        j++;
                        continue;
                    }
                    if (j - seg == 1 && (memchr(t + i, '.', j - i) || isupper((unsigned char)t[i]))) {
                        j++; /* final dot of U.S. or an initial "W." */
                    }
                }
                break;
            }
            if (j == i)
                j = i + 1; /* always move on */
            if (add(out, i, j - i, TOK_WORD, t) < 0)
                return -1;
            i = j;
            continue;
        }
        if (c == '\'' && i + 1 < len && is_alpha((unsigned char)t[i + 1]) &&
            out->n > 0 && out->tok[out->n - 1].off + out->tok[out->n - 1].len == i) {
            /* clitic after a word: 's 're ... */
            size_t al = alpha_run(t + i + 1, len - i - 1);
            if (al <= 2) {
                if (add(out, i, al + 1, TOK_WORD, t) < 0)
                    return -1;
                i += al + 1;
                continue;
            }
        }
        /* punctuation: -- and ... as one token */
        size_t e = i + 1;
        if ((c == '-' || c == '.') && e < len && t[e] == (char)c) {
            while (e < len && t[e] == (char)c)
                e++;
        }
        if (add(out, i, e - i, TOK_PUNCT, t) < 0)
            return -1;
        i = e;
    }
    return (long)out->n;
}

void dyad_tokens_free(dyad_tokens *t)
{
    free(t->tok);
    t->tok = NULL;
    t->n = t->cap = 0;
}
