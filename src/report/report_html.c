/* report_html.c - the report page: a header written here (readable without scripts and
 * in print), the data as inline JSON, and the style sheet and script that draw the charts
 * and the table from it. The Content-Security-Policy forbids every fetch, so the page
 * makes no network request; the guard script writes any script error or blocked request
 * into <html data-errors> for the headless test. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dyad.h"
#include "report_int.h"

static void put_html(FILE *out, const char *s)
{
    for (; s && *s; s++) {
        switch (*s) {
        case '<': fputs("&lt;", out); break;
        case '>': fputs("&gt;", out); break;
        case '&': fputs("&amp;", out); break;
        case '"': fputs("&quot;", out); break;
        default: fputc(*s, out);
        }
    }
}

/* 1234567 -> "1,234,567" */
static const char *grouped(long long v, char buf[32])
{
    char digits[24];
    int n = snprintf(digits, sizeof digits, "%lld", v < 0 ? -v : v), j = 0;
    if (v < 0)
        buf[j++] = '-';
    for (int i = 0; i < n; i++) {
        if (i && (n - i) % 3 == 0)
            buf[j++] = ',';
        buf[j++] = digits[i];
    }
    buf[j] = 0;
    return buf;
}

static void figure(FILE *out, const char *id, const char *label, long long v)
{
    char buf[32];
    fprintf(out, "<div class=\"fig\"><span class=\"num\" id=\"%s\" data-value=\"%lld\">%s</span>"
                 "<span class=\"lab\">%s</span></div>\n", id, v, grouped(v, buf), label);
}

static void title(FILE *out, const dyad_report_opts *o)
{
    if (o->dyad_a) {
        fputs("Dyad ", out);
        put_html(out, o->dyad_a);
        fputs(" &harr; ", out);
        put_html(out, o->dyad_b);
    } else if (o->actor) {
        fputs("Actor ", out);
        put_html(out, o->actor);
    } else {
        fputs("All events of the store", out);
    }
}

static void covers(FILE *out, const dyad_report_opts *o, json_t *totals)
{
    fputs("<p class=\"covers\">", out);
    if (o->dyad_a) {
        fputs("Events between actors whose codes begin with <b>", out);
        put_html(out, o->dyad_a);
        fputs("</b> and <b>", out);
        put_html(out, o->dyad_b);
        fputs("</b>, both directions", out);
    } else if (o->actor) {
        fputs("Events whose source or target code begins with <b>", out);
        put_html(out, o->actor);
        fputs("</b>", out);
    } else {
        fputs("Every event in the store", out);
    }
    fputs("; period: <b id=\"period\">", out);
    put_html(out, o->from ? o->from : "any");
    fputs(" to ", out);
    put_html(out, o->to ? o->to : "any");
    fputs("</b>", out);
    if (o->nroots) {
        fputs("; CAMEO roots: <b>", out);
        for (int i = 0; i < o->nroots; i++) {
            fputs(i ? ", " : "", out);
            put_html(out, o->roots[i]);
        }
        fputs("</b>", out);
    }
    const char *first = json_string_value(json_array_get(totals, 3));
    const char *last = json_string_value(json_array_get(totals, 4));
    fputs(". Events dated from <b id=\"first-date\">", out);
    put_html(out, first && *first ? first : "-");
    fputs("</b> to <b id=\"last-date\">", out);
    put_html(out, last && *last ? last : "-");
    fputs("</b>.</p>\n", out);
}

static void header(FILE *out, const dyad_report_opts *o, json_t *data)
{
    json_t *t = json_object_get(data, "totals");
#define TOT(i) ((long long)json_integer_value(json_array_get(t, i)))
    fputs("<header>\n<h1>", out);
    title(out, o);
    fputs("</h1>\n", out);
    covers(out, o, t);
    fputs("<div class=\"figs\">\n", out);
    figure(out, "n-events", "events", TOT(0));
    figure(out, "n-mentions", "mentions (reports)", TOT(1));
    figure(out, "n-docs", "documents", (long long)json_integer_value(json_object_get(data, "ndocs")));
    figure(out, "n-q1", "verbal cooperation", TOT(5));
    figure(out, "n-q2", "material cooperation", TOT(6));
    figure(out, "n-q3", "verbal conflict", TOT(7));
    figure(out, "n-q4", "material conflict", TOT(8));
    fprintf(out, "<div class=\"fig\"><span class=\"num\" id=\"goldstein-sum\">%.1f</span>"
                 "<span class=\"lab\">Goldstein sum</span></div>\n",
            json_real_value(json_array_get(t, 2)));
    fputs("</div>\n<p class=\"meta\">Store: <b>", out);
    put_html(out, o->store_label);
    fputs("</b>. Made by dyad " DYAD_VERSION " on ", out);
    put_html(out, o->made_at);
    if (TOT(9))
        fprintf(out, ". <span id=\"n-undated\">%lld</span> undated events are counted but not"
                     " on the timeline", TOT(9));
    fputs(".</p>\n</header>\n", out);
#undef TOT
}

static const char *const sections =
    "<section id=\"timeline\"><h2 id=\"timeline-title\">Events over time</h2>"
    "<div id=\"timeline-chart\" class=\"chart\"></div><p class=\"note\" id=\"timeline-note\">"
    "</p></section>\n"
    "<div class=\"pair\"><section id=\"top-actors\"><h2 id=\"actors-title\">Top actors</h2>"
    "<div id=\"actors-chart\" class=\"chart\"></div></section>\n"
    "<section id=\"top-codes\"><h2>Top event codes</h2><div id=\"codes-chart\" class=\"chart\">"
    "</div></section></div>\n"
    "<section id=\"network\"><h2>Strongest dyads</h2><p class=\"note\">Nodes are actors, arrows"
    " go from source to target; width: events, colour: mean Goldstein (red conflict, blue"
    " cooperation).</p><div id=\"network-chart\" class=\"chart\"></div></section>\n"
    "<section id=\"events\"><h2>Events, newest first</h2><div class=\"filters\">"
    "<label>Code <input id=\"f-code\" placeholder=\"e.g. 19 or 0231\"></label>"
    "<label>Actor <input id=\"f-actor\" placeholder=\"e.g. AZE\"></label>"
    "<label>Text <input id=\"f-text\" placeholder=\"words in the evidence\"></label>"
    "<span id=\"shown\"></span></div><p class=\"note\" id=\"table-note\"></p>"
    "<table id=\"event-table\"><thead><tr><th data-k=\"1\">Date</th><th data-k=\"2\">Source"
    "</th><th data-k=\"3\">Target</th><th data-k=\"4\">Event</th><th data-k=\"6\">Goldstein"
    "</th><th data-k=\"7\">Mentions</th><th data-k=\"8\">Sources</th><th>Evidence</th></tr>"
    "</thead><tbody></tbody></table></section>\n"
    "<div id=\"tip\" role=\"tooltip\"></div>\n";

/* The data inline; '<' becomes \u003c so no text in it can close the script element. */
static void put_data(FILE *out, json_t *data)
{
    char *json = json_dumps(data, JSON_COMPACT);
    fputs("<script type=\"application/json\" id=\"report-data\">", out);
    for (const char *p = json; p && *p; p++) {
        if (*p == '<')
            fputs("\\u003c", out);
        else
            fputc(*p, out);
    }
    fputs("</script>\n", out);
    free(json);
}

int rp_render(FILE *out, const dyad_report_opts *o, json_t *data)
{
    fputs("<!DOCTYPE html>\n<html lang=\"en\" data-errors=\"\">\n<head>\n<meta charset=\"utf-8\">\n"
          "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
          "script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:\">\n"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>dyad"
          " report: ", out);
    title(out, o);
    fprintf(out, "</title>\n<script>%s</script>\n<style>%s</style>\n</head>\n<body>\n",
            rp_asset_guard_js, rp_asset_report_css);
    header(out, o, data);
    fputs(sections, out);
    put_data(out, data);
    fprintf(out, "<script>%s</script>\n</body>\n</html>\n", rp_asset_report_js);
    return ferror(out) ? -1 : 0;
}

int dyad_report_write(dyad_store *st, const dyad_report_opts *o, FILE *out, char *err,
                      size_t errlen)
{
    json_t *data = rp_collect(st, o, err, errlen);
    if (!data)
        return -1;
    int rc = rp_render(out, o, data);
    json_decref(data);
    if (rc < 0 || fflush(out) != 0) {
        snprintf(err, errlen, "could not write the report");
        return -1;
    }
    return 0;
}
