/* export.c - events in the GDELT, ICEWS, Phoenix, PLOVER, CSV and dyad JSON layouts (export.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export.h"
#include "plover.h"

int export_format_parse(const char *s)
{
    static const char *const names[] = {"gdelt1", "gdelt2", "icews", "phoenix", "plover", "csv", "jsonl", NULL};
    for (int i = 0; names[i]; i++)
        if (!strcmp(s, names[i]))
            return i;
    return -1;
}

/* The columns of an event row (event_sql). */
enum {
    C_ID, C_DATE, C_DAY, C_MONTH, C_YEAR, C_SRC, C_TGT, C_CODE, C_ROOT, C_QUAD, C_GOLD, C_NMEN, C_NSRC,
    C_NDOC, C_FIRST, C_LAST, C_DOC, C_SENT, C_SENTENCE, C_STEXT, C_VTEXT, C_TTEXT, C_URL, C_PUB, C_ADDED,
    C_MINSENT, C_SENTIDS, C_URLS, C_PUBS, NCOLS
};

static int is_pg(const dyad_store *st) { return !strcmp(dyad_store_backend(st), "postgresql"); }

/* Events with their first mention, its document, and the lists Phoenix wants. */
static void event_sql(const dyad_store *st, const char *where, char *sql, size_t cap)
{
    /* a ';'-joined, sorted list of a column over the event's mentions */
    const char *agg = is_pg(st) ? "string_agg(u, ';' ORDER BY u)" : "group_concat(u, ';')";
    snprintf(sql, cap,
             "SELECT e.event_id, e.event_date, e.day, e.month, e.year, e.source, e.target, e.code, e.root,"
             " e.quad_class, e.goldstein, e.num_mentions, e.num_sources, e.num_docs, e.first_seen, e.last_seen,"
             " m.doc_id, m.sent, m.sentence, m.source_text, m.verb_text, m.target_text, d.url, d.publisher,"
             " d.ingested_at,"
             " (SELECT min(x.sent) FROM mentions x WHERE x.event_id = e.event_id),"
             " (SELECT %s FROM (SELECT x.doc_id || '_' || x.sent AS u FROM mentions x"
             "   WHERE x.event_id = e.event_id ORDER BY x.doc_id, x.sent) s),"
             " (SELECT %s FROM (SELECT DISTINCT y.url AS u FROM mentions x JOIN documents y"
             "   ON y.doc_id = x.doc_id WHERE x.event_id = e.event_id AND y.url <> '' ORDER BY 1) s),"
             " (SELECT %s FROM (SELECT DISTINCT y.publisher AS u FROM mentions x JOIN documents y"
             "   ON y.doc_id = x.doc_id WHERE x.event_id = e.event_id AND y.publisher <> '' ORDER BY 1) s)"
             " FROM events e"
             " JOIN mentions m ON m.mention_id = (SELECT min(x.mention_id) FROM mentions x WHERE x.event_id = e.event_id)"
             " LEFT JOIN documents d ON d.doc_id = m.doc_id%s"
             " ORDER BY e.event_date, e.source, e.target, e.code, e.event_id",
             agg, agg, agg, where);
}

/* ---------------------------------------------------------------- actor codes */

/* CAMEO top-level codes that are not countries: known groups and regions. */
static const char known_groups[] =
    " AFR ASA BLK CRB CAU CFR CAS CEU EIN EAF EEU EUR LAM MEA MDT NAF NMR PGS SCN SAM SAS SEA SAF WAF"
    " WST AAM ABD ACC ADB AEU AFB ALQ AMF AML AMN AMU ANO APE ARL ASL ASN ATD BCA BIS BTH CEM CFA CIS"
    " CMN COE CPA CPC CRC CSS CWN DFL EBR ECA EEC EFT ENN FAO FID FIS FLN FTA GCC GIA GOE GOS GSP GSS"
    " HCH HCR HEZ HIP HMS HRW IAC IAD IAE IAF ICC ICG ICJ ICO IDB IGC IHF ILO IMF IOM IPU IRC ISJ ITP"
    " JUR KDP KID LBA LKD MBR MRZ MSF MSP NAT NEP NON OAS OAU OIC OPC PAP PFL PLF PLO PLS PMD PRC PSE"
    " RCR RND SAA SAD SCE SHA SOT TAL UEM UNO WAD WAM WAS WBK WCT WEF WFP WHO WTO XFM ";
/* Role and type codes that may start a code without a country. */
static const char roles[] =
    " GOV MIL REB OPP PTY COP JUD SPY MED EDU BUS CRM CVL LAB LEG HLH REF AGR ELI IGO NGO IMG MNC UAF"
    " INS SEP RAD MOD DEV HRI ENV SET UIS ";

static int in_list(const char *list, const char *three)
{
    char key[6] = {' ', three[0], three[1], three[2], ' ', 0};
    return strstr(list, key) != NULL;
}

typedef struct {
    char country[4], group[4], type[3][4];
} actor_parts;

/* USAGOVMIL -> country USA, types GOV MIL; NAT -> group NAT; ---GOV -> type GOV. */
static void split_actor(const char *code, actor_parts *a)
{
    memset(a, 0, sizeof *a);
    size_t n = code ? strlen(code) : 0, at = 0;
    int t = 0;
    if (n >= 3) {
        if (!strncmp(code, "---", 3))
            at = 3;
        else if (in_list(known_groups, code))
            memcpy(a->group, code, 3), at = 3;
        else if (!in_list(roles, code))
            memcpy(a->country, code, 3), at = 3;
    }
    for (; at + 3 <= n && t < 3; at += 3)
        memcpy(a->type[t++], code + at, 3);
}

/* ---------------------------------------------------------------- writers */

typedef struct {
    FILE *out;
    export_format f;
    const export_names *names;
    export_stats *stats;
    char last_doc[512];   /* jsonl: the document whose record was written last */
    int have_doc;
} writer;

static const char *val(const char *const *v, int i) { return v[i] ? v[i] : ""; }

/* A TSV field: tabs and line breaks become spaces. */
static void tsv(FILE *f, const char *s, int last)
{
    for (; *s; s++)
        fputc(*s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s, f);
    fputc(last ? '\n' : '\t', f);
}

static void tsv_n(FILE *f, int n)
{
    for (int i = 0; i < n; i++)
        fputc('\t', f);
}

static void yyyymmdd(const char *iso, char out[16])
{
    out[0] = 0;
    if (iso && strlen(iso) >= 10)
        snprintf(out, 16, "%.4s%.2s%.2s", iso, iso + 5, iso + 8);
}

static void gdelt_actor(FILE *f, const char *code, const char *name)
{
    actor_parts a;
    split_actor(code, &a);
    tsv(f, code, 0);
    tsv(f, name, 0);
    tsv(f, a.country, 0);
    tsv(f, a.group, 0);
    tsv_n(f, 3); /* ethnic, religion 1 and 2 */
    for (int i = 0; i < 3; i++)
        tsv(f, a.type[i], 0);
}

/* Geo fields of one actor or the action: type 0 (none), the rest empty; GDELT 2.0 adds ADM2. */
static void gdelt_geo(FILE *f, int v2)
{
    fputs("0\t", f);
    tsv_n(f, v2 ? 7 : 6);
}

static void upper(char *s)
{
    for (; *s; s++)
        if (*s >= 'a' && *s <= 'z')
            *s = (char)(*s - 'a' + 'A');
}

static void write_gdelt(writer *w, const char *const *v, int v2)
{
    FILE *f = w->out;
    char frac[32] = "", base[8], added[32], n1[256], n2[256];
    long day = atol(val(v, C_DAY));
    if (day > 0)
        snprintf(frac, sizeof frac, "%.4f", day / 10000 + ((day / 100 % 100) * 30 + day % 100) / 365.0);
    snprintf(base, sizeof base, "%.3s", val(v, C_CODE));
    yyyymmdd(v[C_ADDED], added);
    if (v2 && added[0] && v[C_ADDED] && strlen(v[C_ADDED]) >= 19)
        snprintf(added + 8, sizeof added - 8, "%.2s%.2s%.2s", v[C_ADDED] + 11, v[C_ADDED] + 14, v[C_ADDED] + 17);
    snprintf(n1, sizeof n1, "%s", val(v, C_STEXT));
    snprintf(n2, sizeof n2, "%s", val(v, C_TTEXT));
    upper(n1);
    upper(n2);
    tsv(f, val(v, C_ID), 0);
    tsv(f, day > 0 ? val(v, C_DAY) : "", 0);
    tsv(f, atol(val(v, C_MONTH)) > 0 ? val(v, C_MONTH) : "", 0);
    tsv(f, atol(val(v, C_YEAR)) > 0 ? val(v, C_YEAR) : "", 0);
    tsv(f, frac, 0);
    gdelt_actor(f, val(v, C_SRC), n1);
    gdelt_actor(f, val(v, C_TGT), n2);
    tsv(f, v[C_MINSENT] && !strcmp(v[C_MINSENT], "0") ? "1" : "0", 0);
    tsv(f, val(v, C_CODE), 0);
    tsv(f, base, 0);
    tsv(f, val(v, C_ROOT), 0);
    tsv(f, val(v, C_QUAD), 0);
    tsv(f, val(v, C_GOLD), 0);
    tsv(f, val(v, C_NMEN), 0);
    tsv(f, val(v, C_NSRC), 0);
    tsv(f, val(v, C_NDOC), 0);
    tsv(f, "", 0); /* AvgTone */
    for (int i = 0; i < 3; i++)
        gdelt_geo(f, v2);
    tsv(f, added, 0);
    tsv(f, *val(v, C_URL) ? val(v, C_URL) : val(v, C_DOC), 1);
}

static const char *const icews_header[] = {
    "Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text", "CAMEO Code",
    "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID", "Sentence Number",
    "Publisher", "City", "District", "Province", "Country", "Latitude", "Longitude", NULL};

static void sectors(const char *code, char *out, size_t cap, char *country)
{
    actor_parts a;
    split_actor(code, &a);
    out[0] = 0;
    for (int i = 0; i < 3 && a.type[i][0]; i++) {
        size_t l = strlen(out);
        snprintf(out + l, cap - l, "%s%s", l ? "," : "", a.type[i]);
    }
    snprintf(country, 4, "%s", a.country[0] ? a.country : a.group);
}

static void write_icews(writer *w, const char *const *v)
{
    FILE *f = w->out;
    char s1[64], s2[64], c1[4], c2[4];
    sectors(val(v, C_SRC), s1, sizeof s1, c1);
    sectors(val(v, C_TGT), s2, sizeof s2, c2);
    const char *label = w->names && w->names->code_name ? w->names->code_name(w->names->ud, val(v, C_CODE)) : NULL;
    tsv(f, val(v, C_ID), 0);
    tsv(f, val(v, C_DATE), 0);
    tsv(f, val(v, C_STEXT), 0);
    tsv(f, s1, 0);
    tsv(f, c1, 0);
    tsv(f, label ? label : "", 0);
    tsv(f, val(v, C_CODE), 0);
    tsv(f, val(v, C_GOLD), 0);
    tsv(f, val(v, C_TTEXT), 0);
    tsv(f, s2, 0);
    tsv(f, c2, 0);
    tsv(f, val(v, C_DOC), 0);
    tsv(f, val(v, C_SENT), 0);
    tsv(f, val(v, C_PUB), 0);
    tsv_n(f, 5);
    fputc('\n', f);
}

/* Phoenix's five classes by root: 0 = 01-02, 1 = 03-05, 2 = 06-08, 3 = 09-13 and 16, 4 = the rest. */
static int penta_class(const char *root)
{
    int r = atoi(root);
    return r <= 2 ? 0 : r <= 5 ? 1 : r <= 8 ? 2 : (r <= 13 || r == 16) ? 3 : 4;
}

static void phoenix_actor(FILE *f, const char *code)
{
    actor_parts a;
    split_actor(code, &a);
    char attrs[16] = "";
    for (int i = 1; i < 3 && a.type[i][0]; i++) {
        size_t l = strlen(attrs);
        snprintf(attrs + l, sizeof attrs - l, "%s%s", l ? ";" : "", a.type[i]);
    }
    tsv(f, code, 0);
    tsv(f, a.country[0] ? a.country : a.group, 0);
    tsv(f, a.type[0], 0);
    tsv(f, attrs, 0);
}

static void write_phoenix(writer *w, const char *const *v)
{
    FILE *f = w->out;
    long day = atol(val(v, C_DAY)), month = atol(val(v, C_MONTH));
    char d[24] = "", y[8] = "", mo[24] = "", dd[24] = "", pc[16];
    if (day > 0)
        snprintf(d, sizeof d, "%ld", day);
    if (atol(val(v, C_YEAR)) > 0)
        snprintf(y, sizeof y, "%s", val(v, C_YEAR));
    if (month > 0)
        snprintf(mo, sizeof mo, "%ld", month % 100);
    if (day > 0)
        snprintf(dd, sizeof dd, "%ld", day % 100);
    snprintf(pc, sizeof pc, "%d", penta_class(val(v, C_ROOT)));
    tsv(f, val(v, C_ID), 0);
    tsv(f, d, 0);
    tsv(f, y, 0);
    tsv(f, mo, 0);
    tsv(f, dd, 0);
    phoenix_actor(f, val(v, C_SRC));
    phoenix_actor(f, val(v, C_TGT));
    tsv(f, val(v, C_CODE), 0);
    tsv(f, val(v, C_ROOT), 0);
    tsv(f, pc, 0);
    tsv(f, val(v, C_GOLD), 0);
    tsv_n(f, 6); /* Issues, Lat, Lon, LocationName, StateName, CountryCode */
    tsv(f, val(v, C_SENTIDS), 0);
    tsv(f, val(v, C_URLS), 0);
    tsv(f, val(v, C_PUBS), 1);
}

void export_json_string(FILE *f, const char *s)
{
    fputc('"', f);
    for (; s && *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\')
            fprintf(f, "\\%c", c);
        else if (c == '\n')
            fputs("\\n", f);
        else if (c < 0x20)
            fprintf(f, "\\u%04x", c);
        else
            fputc(c, f);
    }
    fputc('"', f);
}

static void plover_actor(FILE *f, const char *code)
{
    actor_parts a;
    split_actor(code, &a);
    if (!code || !*code) {
        fputs("[]", f);
        return;
    }
    fputs("[{\"code\":", f);
    export_json_string(f, a.country[0] ? a.country : a.group);
    fputs(",\"sector\":", f);
    export_json_string(f, a.type[0]);
    fputs(",\"cameo\":", f);
    export_json_string(f, code);
    fputs("}]", f);
}

static void write_plover(writer *w, const char *const *v)
{
    FILE *f = w->out;
    dyad_plover p = dyad_plover_of(val(v, C_CODE));
    if (!p.event) {
        w->stats->unmapped++;
        w->stats->rows--;
        return;
    }
    fprintf(f, "{\"id\":%s,\"date\":", val(v, C_ID));
    export_json_string(f, val(v, C_DATE));
    fputs(",\"actor\":", f);
    plover_actor(f, val(v, C_SRC));
    fputs(",\"recipient\":", f);
    plover_actor(f, val(v, C_TGT));
    fputs(",\"event\":[", f);
    export_json_string(f, p.event);
    fputs("],\"mode\":[", f);
    if (*p.mode)
        export_json_string(f, p.mode);
    fprintf(f, "],\"context\":[],\"cameo\":");
    export_json_string(f, val(v, C_CODE));
    fprintf(f, ",\"num_mentions\":%s,\"num_sources\":%s,\"text\":", val(v, C_NMEN), val(v, C_NSRC));
    export_json_string(f, val(v, C_SENTENCE));
    fputs("}\n", f);
}

static const char *const csv_header[] = {
    "event_id", "event_date", "source", "target", "code", "root", "quad_class", "goldstein", "num_mentions",
    "num_sources", "num_docs", "first_seen", "last_seen", "doc_id", "sent", "sentence", "url", "publisher", NULL};

static void csv_field(FILE *f, const char *s, int last)
{
    if (strpbrk(s, ",\"\r\n")) {
        fputc('"', f);
        for (; *s; s++) {
            if (*s == '"')
                fputc('"', f);
            fputc(*s, f);
        }
        fputc('"', f);
    } else {
        fputs(s, f);
    }
    fputc(last ? '\n' : ',', f);
}

static void write_csv(writer *w, const char *const *v)
{
    static const int cols[] = {C_ID, C_DATE, C_SRC, C_TGT, C_CODE, C_ROOT, C_QUAD, C_GOLD, C_NMEN, C_NSRC,
                               C_NDOC, C_FIRST, C_LAST, C_DOC, C_SENT, C_SENTENCE, C_URL, C_PUB};
    int n = (int)(sizeof cols / sizeof cols[0]);
    for (int i = 0; i < n; i++)
        csv_field(w->out, val(v, cols[i]), i == n - 1);
}

static int event_row(void *ud, int ncol, const char *const *values)
{
    writer *w = ud;
    if (ncol < NCOLS)
        return 1;
    w->stats->rows++;
    /* the weight printed alike whichever backend stored it ("1.0", not "1") */
    const char *v[NCOLS];
    char gold[32];
    memcpy(v, values, sizeof v);
    if (v[C_GOLD]) {
        snprintf(gold, sizeof gold, "%.1f", strtod(v[C_GOLD], NULL));
        v[C_GOLD] = gold;
    }
    switch (w->f) {
    case EXPORT_GDELT1: write_gdelt(w, v, 0); break;
    case EXPORT_GDELT2: write_gdelt(w, v, 1); break;
    case EXPORT_ICEWS: write_icews(w, v); break;
    case EXPORT_PHOENIX: write_phoenix(w, v); break;
    case EXPORT_PLOVER: write_plover(w, v); break;
    default: write_csv(w, v); break;
    }
    return ferror(w->out) ? 1 : 0;
}

/* ---------------------------------------------------------------- dyad JSON lines */

enum { J_DOC, J_DOCDATE, J_TITLE, J_PUB, J_URL, J_SENT, J_DATE, J_SRC, J_TGT, J_CODE, J_ROOT, J_QUAD, J_GOLD,
       J_STEXT, J_VTEXT, J_TTEXT, J_SSPAN, J_VSPAN, J_TSPAN, J_TEXT, JCOLS };

static void json_span(FILE *f, const char *s)
{
    long a, b;
    if (s && sscanf(s, "%ld:%ld", &a, &b) == 2)
        fprintf(f, "[%ld,%ld]", a, b);
    else
        fputs("null", f);
}

static void json_opt(FILE *f, const char *s)
{
    if (s && *s)
        export_json_string(f, s);
    else
        fputs("null", f);
}

static int mention_row(void *ud, int ncol, const char *const *v)
{
    writer *w = ud;
    FILE *f = w->out;
    if (ncol < JCOLS)
        return 1;
    if (!w->have_doc || strcmp(w->last_doc, val(v, J_DOC)) != 0) {
        fputs("{\"dyad_doc\":{\"id\":", f);
        export_json_string(f, val(v, J_DOC));
        fputs(",\"date\":", f);
        json_opt(f, v[J_DOCDATE]);
        fputs(",\"title\":", f);
        json_opt(f, v[J_TITLE]);
        fputs(",\"source\":", f);
        json_opt(f, v[J_PUB]);
        fputs(",\"url\":", f);
        json_opt(f, v[J_URL]);
        fputs("}}\n", f);
        snprintf(w->last_doc, sizeof w->last_doc, "%s", val(v, J_DOC));
        w->have_doc = 1;
    }
    size_t dl = strlen(val(v, J_DATE));
    static const char *const precision[] = {NULL, NULL, NULL, NULL, "year", NULL, NULL, "month",
                                            NULL, NULL, "day"};
    fputs("{\"doc\":", f);
    export_json_string(f, val(v, J_DOC));
    fprintf(f, ",\"sent\":%s,\"date\":", val(v, J_SENT));
    json_opt(f, v[J_DATE]);
    fputs(",\"date_precision\":", f);
    json_opt(f, dl <= 10 ? precision[dl] : NULL);
    static const char *const keys[] = {"source", "target", "code", "root"};
    for (int i = 0; i < 4; i++) {
        fprintf(f, ",\"%s\":", keys[i]);
        export_json_string(f, val(v, J_SRC + i));
    }
    fprintf(f, ",\"quad_class\":%s,\"goldstein\":", val(v, J_QUAD));
    if (*val(v, J_GOLD))
        fprintf(f, "%.1f", strtod(val(v, J_GOLD), NULL));
    else
        fputs("null", f);
    static const char *const tkeys[] = {"source_text", "verb_text", "target_text"};
    for (int i = 0; i < 3; i++) {
        fprintf(f, ",\"%s\":", tkeys[i]);
        export_json_string(f, val(v, J_STEXT + i));
    }
    static const char *const skeys[] = {"source_span", "verb_span", "target_span"};
    for (int i = 0; i < 3; i++) {
        fprintf(f, ",\"%s\":", skeys[i]);
        json_span(f, v[J_SSPAN + i]);
    }
    fputs(",\"text\":", f);
    export_json_string(f, val(v, J_TEXT));
    fputs("}\n", f);
    w->stats->rows++;
    return ferror(f) ? 1 : 0;
}

int dyad_export(dyad_store *st, const dyad_query *q, export_format f, FILE *out, const export_names *names,
                export_stats *stats, char *err, size_t errlen)
{
    if (dyad_query_check(q, err, errlen) != 0)
        return -1;
    char where[4096], buf[QUERY_SCRATCH][32], sql[8192];
    const char *params[QUERY_MAX_PARAMS];
    int n = 0;
    if (dyad_query_where(st, q, where, sizeof where, params, &n, buf) != 0) {
        snprintf(err, errlen, "query too long");
        return -1;
    }
    writer w = {out, f, names, stats, "", 0};
    memset(stats, 0, sizeof *stats);
    if (f == EXPORT_JSONL) {
        snprintf(sql, sizeof sql,
                 "SELECT m.doc_id, d.doc_date, d.title, d.publisher, d.url, m.sent, e.event_date, e.source,"
                 " e.target, e.code, e.root, e.quad_class, e.goldstein, m.source_text, m.verb_text,"
                 " m.target_text, m.source_span, m.verb_span, m.target_span, m.sentence"
                 " FROM events e JOIN mentions m ON m.event_id = e.event_id"
                 " LEFT JOIN documents d ON d.doc_id = m.doc_id%s ORDER BY m.doc_id, m.sent, m.mention_id",
                 where);
        return dyad_store_select(st, sql, params, n, mention_row, &w, err, errlen);
    }
    if (f == EXPORT_ICEWS || f == EXPORT_CSV) {
        const char *const *h = f == EXPORT_ICEWS ? icews_header : csv_header;
        for (int i = 0; h[i]; i++) {
            if (f == EXPORT_ICEWS)
                tsv(out, h[i], !h[i + 1]);
            else
                csv_field(out, h[i], !h[i + 1]);
        }
    }
    event_sql(st, where, sql, sizeof sql);
    return dyad_store_select(st, sql, params, n, event_row, &w, err, errlen);
}
