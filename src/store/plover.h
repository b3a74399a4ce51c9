/* plover.h - CAMEO event codes in PLOVER, the ontology that succeeds CAMEO (Open Event Data
 * Alliance; used by the POLECAT dataset): an event type and, where the code says how, a mode.
 *
 * In: a CAMEO code ("0231", "19"). Out: the PLOVER event type and mode, or NULL with the
 * reason the code has no PLOVER equivalent. The table (plover.c) is written from the PLOVER
 * codebook's definitions; docs/plover.md lists where it differs from the PLOVER project's
 * CAMEO2PLOVER-2021 crosswalk and why (tests/store/plover_check.py checks both). */
#ifndef DYAD_PLOVER_H
#define DYAD_PLOVER_H

typedef struct {
    const char *event;   /* "AGREE" ... "ASSAULT"; NULL: unmapped */
    const char *mode;    /* "" when the CAMEO code says nothing about how */
    const char *reason;  /* why unmapped (event NULL) */
} dyad_plover;

/* The mapping of a CAMEO code; unknown codes come back unmapped with a reason. */
dyad_plover dyad_plover_of(const char *cameo_code);

/* Every entry of the table, for `dyad export --plover-table`: fn(code prefix, mapping). */
void dyad_plover_each(void (*fn)(void *ud, const char *prefix, dyad_plover m), void *ud);

#endif
