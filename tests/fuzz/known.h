/* known.h - inputs that hit bugs already reported, so that a fuzzing run can go
 * past them and look for new ones.
 *
 * Off by default: `make fuzz` must fail while a bug is open. Set
 * DYAD_FUZZ_SKIP_KNOWN=1 in the environment to skip such inputs. Each entry
 * names its reproducer in tests/fuzz/crashes/; remove it when the bug is fixed. */
#ifndef DYAD_FUZZ_KNOWN_H
#define DYAD_FUZZ_KNOWN_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static inline int fuzz_skip_known_enabled(void)
{
    static int on = -1;
    if (on < 0) {
        const char *e = getenv("DYAD_FUZZ_SKIP_KNOWN");
        on = e && *e && *e != '0';
    }
    return on;
}

/* No known bugs are open: the fixed ones' reproducers are seeds in corpus/. */
static inline int fuzz_known_xml_nul_attr(const unsigned char *d, size_t n)
{
    (void)d;
    (void)n;
    return 0;
}

#endif
