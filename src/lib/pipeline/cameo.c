#include "cameo.h"

#include <string.h>

typedef struct {
    const char *from, *to;
} map;

/* Longest prefix of code found in m (entries with longer keys first within a root). */
static const char *lookup(const map *m, const char *code, const char *dflt, char out[8])
{
    const map *best = NULL;
    size_t bl = 0;
    for (; m->from; m++) {
        size_t l = strlen(m->from);
        if (l > bl && strncmp(code, m->from, l) == 0) {
            best = m;
            bl = l;
        }
    }
    strcpy(out, best ? best->to : dflt);
    return out;
}

static const map INTENT[] = {
    {"03", ""},     {"04", "036"},   {"05", "032"},   {"057", "037"},  {"06", "031"},
    {"061", "0311"}, {"062", "0312"}, {"063", "0313"}, {"064", "0314"}, {"07", "033"},
    {"071", "0331"}, {"072", "0332"}, {"073", "0333"}, {"074", "0334"}, {"08", "035"},
    {"081", "0351"}, {"082", "0352"}, {"083", "034"},  {"0831", "0341"}, {"0832", "0342"},
    {"0833", "0343"}, {"0834", "0344"}, {"084", "0353"}, {"085", "0354"}, {"086", "0355"},
    {"087", "0356"}, {"09", "030"},   {"045", "039"},  {"046", "036"},  {NULL, NULL}};

static const map THREAT[] = {
    {"14", "133"},  {"15", "138"},   {"16", "131"},   {"161", "1313"}, {"162", "1311"},
    {"163", "1312"}, {"164", "134"},  {"165", "135"},  {"166", "136"},  {"17", "137"},
    {"172", "132"},  {"1721", "1321"}, {"1722", "1322"}, {"1723", "1323"}, {"1724", "1324"},
    {"18", "1383"},
    {"19", "138"},  {"191", "1381"}, {"192", "1382"}, {"193", "1384"}, {"194", "1384"},
    {"195", "1384"}, {"20", "1383"},  {"204", "1385"}, {"13", ""},     {NULL, NULL}};

static const map REFUSE[] = {
    {"04", "125"},  {"05", "120"},   {"057", "127"},  {"06", "121"},  {"061", "1211"},
    {"062", "1212"}, {"063", "1213"}, {"064", "1214"}, {"07", "122"},  {"08", "124"},
    {"081", "1241"}, {"082", "1242"}, {"084", "1243"}, {"085", "1244"}, {"086", "1245"},
    {"087", "1246"}, {"03", "120"},   {"12", ""},      {"083", "123"},  {"0831", "1231"},
    {"0832", "1232"}, {"0833", "1233"}, {"0834", "1234"}, {"071", "1221"}, {"072", "1222"},
    {"073", "1223"}, {"074", "1224"},
    /* "declined to reveal details", "refused to say": a refusal to speak is 011 */
    {"010", "011"}, {NULL, NULL}};

static const map APPEAL[] = {
    {"06", "021"},  {"061", "0211"}, {"062", "0212"}, {"063", "0213"}, {"064", "0214"},
    {"05", "022"},  {"057", "027"},  {"07", "023"},   {"071", "0231"}, {"072", "0232"},
    {"073", "0233"}, {"074", "0234"}, {"083", "024"},  {"0831", "0241"}, {"0832", "0242"},
    {"0833", "0243"}, {"0834", "0244"}, {"08", "025"},  {"081", "0251"}, {"082", "0252"},
    {"084", "0253"}, {"085", "0254"}, {"086", "0255"}, {"087", "0256"}, {"04", "026"},
    {"038", "028"},  {"039", "028"},  {"045", "028"},  {NULL, NULL}};

static const map DEMAND[] = {
    {"06", "101"},  {"061", "1011"}, {"062", "1012"}, {"063", "1013"}, {"064", "1014"},
    {"05", "102"},  {"057", "107"},  {"07", "103"},   {"071", "1031"}, {"072", "1032"},
    {"073", "1033"}, {"074", "1034"}, {"083", "104"},  {"0831", "1041"}, {"0832", "1042"},
    {"0833", "1043"}, {"0834", "1044"}, {"08", "105"},  {"081", "1051"}, {"082", "1052"},
    {"084", "1053"}, {"085", "1054"}, {"086", "1055"}, {"087", "1056"}, {"04", "106"},
    {"038", "108"},  {"039", "108"},  {"045", "108"},  {NULL, NULL}};

const char *dyad_cameo_appeal(const char *code, char out[8])
{
    /* calling on others to unite against someone is itself rallying opposition */
    if (!strcmp(code, "113")) {
        strcpy(out, code);
        return out;
    }
    return lookup(APPEAL, code, "020", out);
}
const char *dyad_cameo_demand(const char *code, char out[8]) { return lookup(DEMAND, code, "100", out); }

const char *dyad_cameo_intent(const char *code, char out[8])
{
    /* an intent to fight is a threat: "vowed to fight", "sworn to retaliate" */
    if (code[0] >= '1' && (code[0] > '1' || code[1] >= '4'))
        return dyad_cameo_threat(code, out);
    lookup(INTENT, code, "030", out);
    if (!out[0])
        strcpy(out, code);
    return out;
}

const char *dyad_cameo_threat(const char *code, char out[8])
{
    lookup(THREAT, code, "130", out);
    if (!out[0])
        strcpy(out, code);
    return out;
}

const char *dyad_cameo_refuse(const char *code, char out[8])
{
    lookup(REFUSE, code, "120", out);
    if (!out[0])
        strcpy(out, code);
    return out;
}

const char *dyad_cameo_future(const char *code, char out[8])
{
    int root = (code[0] - '0') * 10 + (code[1] - '0');
    if (root >= 4 && root <= 8)
        return dyad_cameo_intent(code, out);
    if (root >= 14 && root != 15)
        return dyad_cameo_threat(code, out);
    if (!strcmp(code, "129"))
        return dyad_cameo_threat(code, out);    /* a veto announced is a veto threat */
    strcpy(out, code);
    return out;
}

int dyad_cameo_home_visit(const char *code, const char *source, const char *target)
{
    return (!strncmp(code, "042", 3) || !strncmp(code, "043", 3)) && strlen(source) >= 3 &&
           !strncmp(source, target, 3);
}
