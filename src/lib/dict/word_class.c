/* word_class.c - the function-word lists behind word_class.h. */
#include "word_class.h"

#include <string.h>

/* auxiliaries: a verb group goes on after these, and ends after any other verb */
static const char *const AUX[] = {"be", "is", "are", "was", "were", "been", "being", "'s", "'re",
                                  "am", "have", "has", "had", "having", "'ve", "'d", "do", "does",
                                  "did", "get", "gets", "got", "gotten", "getting", NULL};

static const char *const BE[] = {"be", "is", "are", "was", "were", "been", "being", "'s", "'re",
                                 "am", "get", "gets", "got", "gotten", "getting", NULL};
static const char *const NEG[] = {"not", "n't", "never", "no", NULL};
static const char *const FUT[] = {"will", "would", "shall", "'ll", "wo", NULL};
static const char *const SUBORD[] = {"that", "which", "who", "whom", "whose", "because",
                                     "while", "although", "though", "whereas", "if", "unless",
                                     "until", "when", "where", "since", "as", "after", "before", "whether",
                                     NULL};
static const char *const COORD[] = {"and", "but", "or", "then", "also", NULL};
static const char *const AUXTO[] = {"going", "is", "are", "was", "were", "has", "have", "had", NULL};
static const char *const TEMPORAL[] = {"after", "before", "since", "until", NULL};

static int set_class(dyad_dict *d, const char *const *words, unsigned bit)
{
    for (; *words; words++) {
        int32_t w = dyad_dict_intern(d, *words, strlen(*words));
        if (w < 0)
            return -1;
        d->word_class[w] |= (uint16_t)bit;
    }
    return 0;
}

int dyad_word_classes_register(dyad_dict *d)
{
    static const char *const THAT[] = {"that", NULL}, *const WH[] = {"which", "who", NULL},
                             *const STOP[] = {";", ":", "--", NULL}, *const COMMA[] = {",", NULL},
                             *const AS[] = {"as", NULL},
                             *const CONTRAST[] = {"while", "whereas", NULL};
    return set_class(d, BE, WC_BE) | set_class(d, NEG, WC_NEG) | set_class(d, FUT, WC_FUT) |
           set_class(d, SUBORD, WC_SUBORD) | set_class(d, COORD, WC_COORD) |
           set_class(d, THAT, WC_THAT) | set_class(d, WH, WC_WH) | set_class(d, STOP, WC_STOP) |
           set_class(d, COMMA, WC_COMMA) | set_class(d, AUXTO, WC_AUXTO) | set_class(d, AS, WC_AS) |
           set_class(d, TEMPORAL, WC_TEMPORAL) | set_class(d, AUX, WC_AUX) |
           set_class(d, CONTRAST, WC_CONTRAST);
}
