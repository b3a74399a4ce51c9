/* dict_stats.c - dictionary tools that load a folder on its own: `dyad dict check`
 * (every problem) and `dyad dict stats` (what the folder holds). */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dict.h"
#include "tabari.h"
#include "dyad.h"
#include "morph.h"

#define ISO_3166_JSON "/usr/share/iso-codes/json/iso_3166-1.json"

static void diag_quiet(void *ud, char sev, const char *msg)
{
    FILE *out = ud;
    if (sev == 'E')
        fprintf(out, "error: %s\n", msg);
}

static void diag_all(void *ud, char sev, const char *msg)
{
    fprintf((FILE *)ud, "%s: %s\n", sev == 'E' ? "error" : "warning", msg);
}

/* Loads dir without a coder: WordNet's forms for the inflections, then the
 * folder. Returns -1 (after a message on out) if WordNet cannot be read. */
static int load_alone(const char *dir, const dyad_options *opt, dyad_diag_fn diag, FILE *out,
                      dyad_dict *d, dyad_dict_counts *counts)
{
    char err[512] = "";
    const char *wn = opt && opt->wordnet_dir ? opt->wordnet_dir : DYAD_WORDNET_DEFAULT_DIR;
    dyad_morph *m = dyad_morph_load(wn, err, sizeof err);
    if (!m) {
        fprintf(out, "error: %s\n", err);
        return -1;
    }
    dyad_dict_load(d, dir, m, diag, out, counts);
    dyad_morph_free(m);
    return 0;
}

size_t dyad_dict_check(const char *dir, const dyad_options *opt, FILE *out, size_t *warnings)
{
    dyad_dict d;
    dyad_dict_counts counts = {0, 0};
    if (load_alone(dir, opt, diag_all, out, &d, &counts) < 0)
        return 1;
    dyad_dict_free(&d);
    /* TABARI-mode files (tabari.h) */
    char err[1024];
    dyad_tabari *t = dyad_tabari_load(dir, out, err, sizeof err);
    if (t)
        counts.warnings += t->warnings;
    else if (err[0]) {
        if (out)
            fprintf(out, "error: %s\n", err);
        counts.errors++;
    }
    dyad_tabari_free(t);
    if (warnings)
        *warnings = counts.warnings;
    return counts.errors;
}

static int has_dated_role(const dyad_dict *d, const dyad_entry *e)
{
    for (uint32_t i = 0; i < e->role_n; i++)
        if (d->roles[e->role_first + i].from || d->roles[e->role_first + i].to)
            return 1;
    return 0;
}

/* Is the code (3 letters) the default role of some state entry? */
static int state_code_present(const dyad_dict *d, const char *code)
{
    for (size_t i = 0; i < d->n_entries; i++) {
        const dyad_entry *e = &d->entries[i];
        if (e->kind != AK_STATE)
            continue;
        for (uint32_t r = 0; r < e->role_n; r++)
            if (strncmp(d->roles[e->role_first + r].code, code, 3) == 0)
                return 1;
    }
    return 0;
}

static void iso_coverage(const dyad_dict *d, FILE *out)
{
    json_error_t je;
    json_t *root = json_load_file(ISO_3166_JSON, 0, &je);
    json_t *arr = root ? json_object_get(root, "3166-1") : NULL;
    if (!json_is_array(arr)) {
        fprintf(out, "ISO 3166-1 countries:  (iso-codes not installed: %s)\n", ISO_3166_JSON);
        json_decref(root);
        return;
    }
    size_t n = json_array_size(arr), have = 0;
    char missing[2048] = "";
    for (size_t i = 0; i < n; i++) {
        const char *a3 = json_string_value(json_object_get(json_array_get(arr, i), "alpha_3"));
        if (!a3)
            continue;
        if (state_code_present(d, a3))
            have++;
        else if (strlen(missing) + 5 < sizeof missing)
            strcat(strcat(missing, " "), a3);
    }
    fprintf(out, "ISO 3166-1 countries:  %zu of %zu%s%s\n", have, n, *missing ? "; missing:" : "",
            missing);
    json_decref(root);
}

size_t dyad_dict_stats(const char *dir, const dyad_options *opt, FILE *out)
{
    dyad_dict d;
    dyad_dict_counts counts = {0, 0};
    if (load_alone(dir, opt, diag_quiet, out, &d, &counts) < 0)
        return 1;
    if (counts.errors) {
        dyad_dict_free(&d);
        return counts.errors;
    }
    size_t kind[AK_DISCARD + 1] = {0}, people = 0, names = d.n_names;
    size_t *per_file = calloc(d.n_files ? d.n_files : 1, sizeof *per_file);
    for (size_t i = 0; i < d.n_entries; i++) {
        const dyad_entry *e = &d.entries[i];
        kind[e->kind]++;
        if (e->kind == AK_PERSON && has_dated_role(&d, e))
            people++;
        if (per_file)
            per_file[e->file]++;
    }
    fprintf(out, "dictionary: %s\n", dir);
    for (size_t f = 0; f < d.n_files && per_file; f++)
        if (per_file[f])
            fprintf(out, "  %-28s %6zu entries\n", strrchr(d.files[f], '/') ? strrchr(d.files[f], '/') + 1 : d.files[f],
                    per_file[f]);
    free(per_file);
    fprintf(out, "states and regions:    %zu\n", kind[AK_STATE]);
    iso_coverage(&d, out);
    fprintf(out, "people (dated roles):  %zu (of %zu person entries)\n", people, kind[AK_PERSON]);
    fprintf(out, "organizations, groups: %zu\n", kind[AK_ORG]);
    fprintf(out, "agents:                %zu nouns and noun phrases (%zu lines; plurals generated)\n",
            d.names_written[AK_AGENT], kind[AK_AGENT]);
    fprintf(out, "back-references:       %zu\n", kind[AK_REF]);
    fprintf(out, "discard phrases:       %zu (%zu for whole stories)\n", kind[AK_DISCARD], d.n_story_discards);
    fprintf(out, "names in the trie:     %zu\n", names);
    /* verbs: lemmas, patterns (one per lemma it applies to), codes */
    size_t lemmas = 0, bare = 0;
    for (size_t v = 0; v < d.n_verbs; v++) {
        lemmas++;
        if (strcmp(d.verbs[v].code, "---") != 0)
            bare++;
    }
    fprintf(out, "verb lemmas:           %zu (%zu with a code of their own)\n", lemmas, bare);
    fprintf(out, "verb patterns:         %zu\n", d.n_pats);
    fprintf(out, "synonym sets:          %zu\n", d.n_sets);
    fprintf(out, "CAMEO codes:           %zu\n", d.n_codes);
    size_t *uses = calloc(d.n_codes ? d.n_codes : 1, sizeof *uses);
    if (uses) {
        for (size_t v = 0; v < d.n_verbs; v++) {
            const dyad_code_info *ci = dyad_dict_code(&d, d.verbs[v].code);
            if (ci)
                uses[ci - d.codes]++;
        }
        for (size_t p = 0; p < d.n_pats; p++) {
            const dyad_code_info *ci = dyad_dict_code(&d, d.pats[p].code);
            if (ci)
                uses[ci - d.codes]++;
        }
        size_t none = 0;
        fprintf(out, "patterns and verbs per code:\n");
        for (size_t c = 0; c < d.n_codes; c++) {
            if (strlen(d.codes[c].code) == 2)
                continue; /* roots are aggregates, not coded */
            fprintf(out, "  %-5s %5zu  %s\n", d.codes[c].code, uses[c], dyad_dict_str(&d, d.codes[c].name_off));
            none += uses[c] == 0;
        }
        fprintf(out, "codes with no verb or pattern: %zu", none);
        for (size_t c = 0; c < d.n_codes; c++)
            if (strlen(d.codes[c].code) > 2 && !uses[c])
                fprintf(out, " %s", d.codes[c].code);
        fputc('\n', out);
        free(uses);
    }
    dyad_dict_free(&d);
    return 0;
}
