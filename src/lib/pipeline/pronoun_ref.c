#include "pronoun_ref.h"

#include <string.h>

#include "dict.h"

int dyad_person_like(const dyad_dict *d, const char *text, const dyad_token *tok, const dyad_mention *m)
{
    static const char *const TITLES[] = {
        "spokesman", "spokeswoman", "spokesperson", "minister", "official", "president", "premier",
        "chancellor", "secretary", "leader", "ambassador", "envoy", "diplomat", "negotiator", "delegate",
        "governor", "king", "queen", "prince", "emir", "sheikh", "chairman", "commander", "general",
        "senator", "congressman", "aide", "adviser", "advisor", "mayor", "judge", "prosecutor",
        "representative", "director", NULL};
    if (m->kind == AK_PERSON)   /* not a body with dated roles ("the Bundesbank", dict.h) */
        return !(m->entry >= 0 && d->entries[m->entry].ref == REF_ORG);
    if (m->agent < 0 || m->end == 0)
        return 0;
    const dyad_token *head = &tok[m->end - 1];
    if (head->tag != TAG_NN && head->tag != TAG_NNP)
        return 0;
    for (int i = 0; TITLES[i]; i++)
        if (dyad_tok_is(text, head, TITLES[i]))
            return 1;
    return 0;
}

int dyad_opens_sentence(const char *text, const dyad_token *tok, const dyad_mention *m)
{
    if (m->end != m->start + 1 || !(dyad_tok_is(text, &tok[m->start], "he") || dyad_tok_is(text, &tok[m->start], "she")))
        return 0;
    for (uint32_t i = 0; i < m->start; i++)
        if (tok[i].kind == TOK_WORD)
            return 0;
    return 1;
}

int dyad_pronoun_antecedent(const dyad_actor_memory *mem, int ref, int first, int opens, char out[32],
                            int32_t *entry)
{
    if (!first || (ref != REF_ANY && !(ref == REF_PERSON && opens)))
        return 0;
    if (ref == REF_ANY && mem->subject_unknown)
        return -1;
    if (!mem->subject[0] || (ref == REF_PERSON && !mem->subject_person))
        return 0;
    memcpy(out, mem->subject, 32);
    *entry = mem->subject_entry;
    return 1;
}
