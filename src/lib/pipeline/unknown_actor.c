/* unknown_actor.c - proper-noun runs that may be actors the dictionaries lack
 * (unknown_actor.h). */
#include "unknown_actor.h"

#include "date.h"
#include "sentence.h"

void dyad_report_unknown_actors(const char *s, const dyad_token *tok, size_t n,
                                const dyad_mentions *ms, const dyad_vgroups *vgs,
                                dyad_unknown_fn fn, void *ud)
{
    size_t i = 0;
    while (i < n) {
        if (!(tok[i].tag == TAG_NNP || tok[i].tag == TAG_NNPS) || !(tok[i].flags & TOKF_CAP) ||
            dyad_mention_at(ms, (uint32_t)i) >= 0) {
            i++;
            continue;
        }
        size_t j = i;
        while (j < n && (tok[j].tag == TAG_NNP || tok[j].tag == TAG_NNPS) &&
               dyad_mention_at(ms, (uint32_t)j) < 0)
            j++;
        int near_verb = 0;
        for (size_t g = 0; g < vgs->n; g++) {
            const dyad_vgroup *vg = &vgs->g[g];
            if (vg->start == j || (vg->verb >= 0 && (vg->end == i || (i > 0 && vg->end == i - 1))))
                near_verb = 1;
        }
        int date_word = j == i + 1 && (dyad_month_from_name(s + tok[i].off, tok[i].len) ||
                                       (tok[i].word >= 0 && dyad_is_weekday(s, &tok[i])));
        if (near_verb && !date_word && !(j == i + 1 && i == 0 && tok[i].word >= 0))
            fn(ud, s + tok[i].off, tok[j - 1].off + tok[j - 1].len - tok[i].off);
        i = j;
    }
}
