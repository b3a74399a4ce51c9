/* plover.c - the CAMEO -> PLOVER table (see plover.h).
 *
 * A code takes the entry of its longest listed prefix: a CAMEO root gives the PLOVER event
 * type of its cue category, and the 3- and 4-digit codes listed below it give a mode (the
 * "how" of PLOVER's event-mode-context scheme) or, where PLOVER draws the line elsewhere
 * than CAMEO's root, another type:
 *   - YIELD (08) is split: verbal concessions (081-083) are CONCEDE, material ones (084-087,
 *     and easing a curfew or martial law, 0813/0814) RETREAT;
 *   - INVESTIGATE (09) and DISAPPROVE (11) are ACCUSE, told apart by mode (investigate,
 *     disapprove, allege), and DEMAND (10) is REQUEST (the type's name since 2024);
 *   - imposing an embargo or sanctions (163), a blockade (191) and occupying territory (192)
 *     are COERCE; destroying property (1712) and violent repression (175) are ASSAULT;
 *     FIGHT (19) and mass violence (20) are ASSAULT with weapon modes;
 *   - MAKE PUBLIC STATEMENT (01) and APPEAL (02) have no PLOVER type: PLOVER eliminated
 *     CAMEO's comment categories.
 * Context (PLOVER's "why") is not derived from CAMEO codes here. */
#include <string.h>

#include "plover.h"

typedef struct {
    const char *prefix, *event, *mode;
} entry;

static const char no_comment[] = "PLOVER has no type for public statements: it eliminated CAMEO's "
                                 "comment categories 01 (make public statement) and 02 (appeal)";

static const entry table[] = {
    {"01", NULL, NULL}, {"02", NULL, NULL},
    {"03", "AGREE", ""},
    {"04", "CONSULT", ""}, {"041", "CONSULT", "phone"}, {"042", "CONSULT", "visit"},
    {"043", "CONSULT", "visit"}, {"044", "CONSULT", "third-party"},
    {"05", "SUPPORT", ""},
    {"06", "COOPERATE", ""},
    {"07", "AID", ""},
    {"08", "CONCEDE", ""}, {"0813", "RETREAT", ""}, {"0814", "RETREAT", ""},
    {"084", "RETREAT", ""}, {"0841", "RETREAT", "release"}, {"0842", "RETREAT", "return"},
    {"085", "RETREAT", ""}, {"086", "RETREAT", "access"}, {"087", "RETREAT", "disarm"},
    {"0871", "RETREAT", "ceasefire"}, {"0872", "RETREAT", "withdraw"},
    {"09", "ACCUSE", "investigate"},
    {"10", "REQUEST", ""}, {"101", "REQUEST", "assist"}, {"102", "REQUEST", "assist"},
    {"103", "REQUEST", "assist"}, {"104", "REQUEST", "change"}, {"105", "REQUEST", "yield"},
    {"106", "REQUEST", "meet"}, {"107", "REQUEST", "meet"}, {"108", "REQUEST", "meet"},
    {"11", "ACCUSE", "disapprove"}, {"1121", "ACCUSE", "allege"}, {"1122", "ACCUSE", "allege"},
    {"1123", "ACCUSE", "allege"}, {"1124", "ACCUSE", "allege"}, {"1125", "ACCUSE", "allege"},
    {"114", "ACCUSE", "allege"}, {"115", "ACCUSE", "allege"},
    {"12", "REJECT", ""}, {"121", "REJECT", "assist"}, {"122", "REJECT", "assist"},
    {"123", "REJECT", "change"}, {"124", "REJECT", "change"}, {"1243", "REJECT", "yield"},
    {"1244", "REJECT", "yield"}, {"1245", "REJECT", "yield"}, {"1246", "REJECT", "yield"},
    {"125", "REJECT", "meet"}, {"126", "REJECT", "meet"}, {"127", "REJECT", "meet"},
    {"128", "REJECT", "yield"}, {"129", "REJECT", "yield"},
    {"13", "THREATEN", ""}, {"1311", "THREATEN", "relations"}, {"1312", "THREATEN", "restrict"},
    {"1313", "THREATEN", "relations"}, {"132", "THREATEN", "ban"}, {"1321", "THREATEN", "political"},
    {"1322", "THREATEN", "ban"}, {"1323", "THREATEN", "restrict"}, {"1324", "THREATEN", "restrict"},
    {"133", "THREATEN", "relations"}, {"134", "THREATEN", "relations"},
    {"135", "THREATEN", "relations"}, {"136", "THREATEN", "expel"}, {"137", "THREATEN", "violence"},
    {"138", "THREATEN", "violence"}, {"1381", "THREATEN", "restrict"},
    {"1382", "THREATEN", "territory"}, {"139", "THREATEN", "relations"},
    {"14", "PROTEST", ""}, {"141", "PROTEST", "demo"}, {"142", "PROTEST", "hunger"},
    {"143", "PROTEST", "boycott"}, {"144", "PROTEST", "obstruct"}, {"145", "PROTEST", "riot"},
    {"15", "MOBILIZE", ""}, {"151", "MOBILIZE", "police"}, {"152", "MOBILIZE", "troops"},
    {"153", "MOBILIZE", "police"}, {"154", "MOBILIZE", "troops"},
    {"16", "SANCTION", ""}, {"161", "SANCTION", "withdraw"}, {"162", "SANCTION", "discontinue"},
    {"163", "COERCE", "restrict"}, {"164", "SANCTION", "withdraw"}, {"165", "SANCTION", "withdraw"},
    {"166", "SANCTION", "expel"},
    {"17", "COERCE", ""}, {"171", "COERCE", "seize"}, {"1712", "ASSAULT", "seize"},
    {"172", "COERCE", "restrict"}, {"1722", "COERCE", "ban"}, {"1723", "COERCE", "curfew"},
    {"1724", "COERCE", "martial-law"}, {"173", "COERCE", "arrest"}, {"174", "COERCE", "deport"},
    {"175", "ASSAULT", ""},
    {"18", "ASSAULT", ""}, {"181", "ASSAULT", "abduct"}, {"182", "ASSAULT", "beat"},
    {"1821", "ASSAULT", "sexual"}, {"1822", "ASSAULT", "torture"}, {"1823", "ASSAULT", ""},
    {"183", "ASSAULT", "explosives"}, {"1831", "ASSAULT", "suicide-attack"},
    {"184", "ASSAULT", "abduct"}, {"185", "ASSAULT", "assassinate"}, {"186", "ASSAULT", "assassinate"},
    {"19", "ASSAULT", ""}, {"191", "COERCE", "restrict"}, {"192", "COERCE", "seize"},
    {"193", "ASSAULT", "firearms"}, {"194", "ASSAULT", "heavy-weapons"}, {"195", "ASSAULT", "aerial"},
    {"1952", "ASSAULT", "drone"},
    {"20", "ASSAULT", ""}, {"200", "ASSAULT", "massacre"}, {"201", "ASSAULT", "cleansing"},
    {"202", "ASSAULT", "massacre"}, {"203", "ASSAULT", "cleansing"},
    {"204", "ASSAULT", "unconventional"},
};

dyad_plover dyad_plover_of(const char *code)
{
    dyad_plover m = {NULL, NULL, "not a CAMEO event code"};
    size_t best = 0;
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
        size_t n = strlen(table[i].prefix);
        if (n > best && !strncmp(code, table[i].prefix, n)) {
            best = n;
            m.event = table[i].event;
            m.mode = table[i].mode;
            m.reason = table[i].event ? NULL : no_comment;
        }
    }
    /* a CAMEO code is its root and up to two more digits */
    size_t len = strlen(code);
    if (len < 2 || len > 4 || strspn(code, "0123456789") != len) {
        m.event = m.mode = NULL;
        m.reason = "not a CAMEO event code";
    }
    return m;
}

void dyad_plover_each(void (*fn)(void *ud, const char *prefix, dyad_plover m), void *ud)
{
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
        fn(ud, table[i].prefix, dyad_plover_of(table[i].prefix));
}
