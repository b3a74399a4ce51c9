/* cameo.h - CAMEO event-code arithmetic: how a code changes in the future tense,
 * after a verb of intent, threat or refusal, and CAMEO's own rules on which
 * actors a code may join. Pure functions over code strings. */
#ifndef DYAD_CAMEO_H
#define DYAD_CAMEO_H

/* Each writes the new code into out (8 bytes) and returns out. */
const char *dyad_cameo_intent(const char *code, char out[8]);  /* 071 -> 0331, 040 -> 036 */
const char *dyad_cameo_threat(const char *code, char out[8]);  /* 190 -> 138, 163 -> 1312 */
const char *dyad_cameo_refuse(const char *code, char out[8]);  /* 040 -> 125, 0841 -> 1243 */
const char *dyad_cameo_appeal(const char *code, char out[8]);  /* urge X to: 087 -> 0256 */
const char *dyad_cameo_demand(const char *code, char out[8]);  /* demand that X: 087 -> 1056 */
/* Future tense: cooperative acts become intents, conflictual acts threats; the
 * verbal roots (01-03, 09-13) stay as they are, but for a veto: "will veto the
 * bill" is a veto threat (129 -> 130). */
const char *dyad_cameo_future(const char *code, char out[8]);

/* A trip inside one's own country is no visit ("the president arrived in the
 * capital"): 1 when code is a visit (042, 043) and source and target share their
 * first three letters (the country). */
int dyad_cameo_home_visit(const char *code, const char *source, const char *target);

#endif
