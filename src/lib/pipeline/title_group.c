#include "title_group.h"

int dyad_title_of_several(const char *text, const dyad_token *tok, size_t n, const dyad_mention *m,
                          const char *story_org)
{
    static const char *const TITLES[] = {"ministers", "delegates", "delegations", "negotiators",
                                         "commissioners", NULL};
    static const char *const AFTER[] = {"in", "from", "of", "at", NULL};
    if (m->entry >= 0 || m->agent < 0 || m->named || m->end == 0 || story_org[0])
        return 0;
    const dyad_token *head = &tok[m->end - 1];
    if (head->tag != TAG_NNS && head->tag != TAG_NNPS)
        return 0;
    int title = 0;
    for (int i = 0; TITLES[i] && !title; i++)
        title = dyad_tok_is(text, head, TITLES[i]);
    /* "his ministers" (the latest actor's), "cabinet ministers" (one government's) */
    if (!title || (m->start > 0 && tok[m->start - 1].tag == TAG_PRPS))
        return 0;
    for (uint32_t t = m->start > 0 ? m->start - 1 : 0; t + 1 < m->end; t++)
        if (dyad_tok_is(text, &tok[t], "cabinet"))
            return 0;
    for (int i = 0; AFTER[i] && m->end < n; i++)
        if (dyad_tok_is(text, &tok[m->end], AFTER[i]))
            return 0;
    return 1;
}
