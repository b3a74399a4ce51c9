/* explain.c - what `dyad explain` prints of one sentence's stages: tokens and
 * tags, actors with their dictionary entries, verb groups; and discard phrases. */
#include "explain.h"

#include "doc_date.h"

void dyad_explain_sentence(FILE *ex, const dyad_dict *d, const char *s, const dyad_token *tok,
                           size_t n, const dyad_mentions *ms, const dyad_vgroups *vgs,
                           const dyad_doc_stats *st)
{
    fprintf(ex, "  tokens:");
    for (size_t i = 0; i < n; i++)
        fprintf(ex, " %.*s/%s", (int)tok[i].len, s + tok[i].off, dyad_tag_name(tok[i].tag));
    fprintf(ex, "\n");
    for (size_t i = 0; i < ms->n; i++) {
        const dyad_mention *m = &ms->m[i];
        fprintf(ex, "  actor \"%.*s\" -> %s", (int)(tok[m->end - 1].off + tok[m->end - 1].len - tok[m->start].off),
                s + tok[m->start].off, m->code);
        if (m->entry >= 0) {
            const dyad_entry *e = &d->entries[m->entry];
            fprintf(ex, "  [%s, %s:%u", dyad_dict_str(d, e->name_off), d->files[e->file], e->line);
            for (uint32_t r = 0; r < e->role_n; r++) {
                const dyad_role *ro = &d->roles[e->role_first + r];
                if (ro->from || ro->to)
                    fprintf(ex, "; %s %d..%d", ro->code, ro->from, ro->to);
            }
            fprintf(ex, "]");
        }
        if (m->agent >= 0)
            fprintf(ex, "  agent [%s, %s:%u]", dyad_dict_str(d, d->entries[m->agent].name_off),
                    d->files[d->entries[m->agent].file], d->entries[m->agent].line);
        if (m->is_ref || m->recalled)
            fprintf(ex, m->is_ref ? "  (back-reference)" : "  (short for a name given in full earlier in the document)");
        if (m->group != (int32_t)i)
            fprintf(ex, "  (compound with \"%.*s\")", (int)tok[ms->m[m->group].start].len,
                    s + tok[ms->m[m->group].start].off);
        fprintf(ex, "\n");
        if (m->entry >= 0 && !m->is_ref &&
            dyad_role_depends_on_date(d, &d->entries[m->entry], dyad_role_ymd(&st->date)))
            dyad_explain_role(ex, d, &d->entries[m->entry], &st->date, st->date_source);
    }
    for (size_t i = 0; i < vgs->n; i++) {
        const dyad_vgroup *g = &vgs->g[i];
        fprintf(ex, "  verb group \"%.*s\"", (int)(tok[g->end - 1].off + tok[g->end - 1].len - tok[g->start].off),
                s + tok[g->start].off);
        if (g->verb >= 0)
            fprintf(ex, " [verb %s, %s:%u]", dyad_lexicon_str(&d->lex, d->verbs[g->verb].lemma),
                    d->files[d->verbs[g->verb].file], d->verbs[g->verb].line);
        fprintf(ex, "%s%s%s%s%s", g->passive ? " passive" : "", g->negated ? " negated" : "",
                g->future ? " future" : "", g->to_inf ? " to-infinitive" : "", g->gerund ? " gerund" : "");
        if (g->governor >= 0)
            fprintf(ex, " governed-by=%d", g->governor);
        if (g->coord >= 0)
            fprintf(ex, " coordinated-with=%d", g->coord);
        fprintf(ex, "\n");
    }
}

void dyad_explain_discard(FILE *ex, const dyad_dict *d, int32_t entry, int story)
{
    const dyad_entry *de = &d->entries[entry];
    fprintf(ex, story ? "story discarded: \"%s\" (%s:%u)\n" : "  sentence discarded: \"%s\" (%s:%u)\n",
            dyad_dict_str(d, de->name_off), d->files[de->file], de->line);
}
