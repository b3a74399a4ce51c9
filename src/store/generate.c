/* generate.c - synthetic events for benchmarks and index tests (dyad ingest --generate N):
 * N events in one statement (a recursive CTE in SQLite, generate_series in PostgreSQL) over
 * 60 countries with and without GOV/MIL roles, 20 CAMEO codes with their Goldstein weights
 * and quad classes, and days spread over 2000-2025; each event carries one mention's counts
 * but no mention rows. The event indexes are dropped before and built after, then the
 * planner's statistics refreshed. Deterministic: the same N gives the same events. */
#include <stdio.h>
#include <string.h>

#include "store_int.h"

static const char countries[] =
    "USAAZEARMRUSGEOTURIRNIRQSYRISRPSEEGYLBNJORSAUCHNJPNKORPRKINDPAKAFGUKRPOLDEUFRAGBRITAESPNLD"
    "BELCANMEXBRAARGNGAKENSDNETHZAFCODMLIMARDZALBYTUNYEMOMNQATKWTAREBHRKAZUZBTKMKGZTJKMNGVNM";
/* code (4 wide), quad class (1), Goldstein weight (5 wide), per slot */
static const char codes[] = "010 036 042 051 057 061 071 0841111 112 120 130 141 173 190 193 195 040 043 046 ";
static const char quads[] = "11111222333344444111";
static const char golds[] = "  0.0  4.0  1.9  3.4  8.0  6.4  7.4  7.0 -2.0 -2.0 -4.0 -4.4 -6.5 -5.0-10.0-10.0-10.0  1.0  2.8  7.0";

static const char *const index_names[] = {"ix_events_key", "ix_events_source", "ix_events_target", "ix_events_day",
                                          "ix_events_code", NULL};
int dyad_store_generate(dyad_store *st, long n, char *err, size_t errlen)
{
    int pg = !strcmp(st->ops->name, "postgresql");
    int nc = (int)(sizeof countries - 1) / 3;
    char sql[4096], drop[512] = "";
    for (int i = 0; index_names[i]; i++) {
        size_t l = strlen(drop);
        snprintf(drop + l, sizeof drop - l, "DROP INDEX IF EXISTS %s;", index_names[i]);
    }
    const char *series = pg ? "SELECT i FROM generate_series(0::bigint, %ld - 1) AS g(i)"
                            : "WITH RECURSIVE g(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM g WHERE i < %ld - 1)"
                              " SELECT i FROM g";
    char gen[256];
    snprintf(gen, sizeof gen, series, n);
    const char *date = pg ? "to_char(date '2000-01-01' + ((i * 7919) %% 9497)::int, 'YYYY-MM-DD')"
                          : "date('2000-01-01', '+' || ((i * 7919) %% 9497) || ' days')";
    char dexpr[160];
    snprintf(dexpr, sizeof dexpr, date, 0);
    snprintf(sql, sizeof sql,
             "INSERT INTO events(event_date, day, month, year, source, target, code, root, quad_class, goldstein,"
             " num_mentions, num_sources, num_docs, first_seen, last_seen)"
             " SELECT d, CAST(replace(d, '-', '') AS INTEGER), CAST(substr(replace(d, '-', ''), 1, 6) AS INTEGER),"
             " CAST(substr(d, 1, 4) AS INTEGER), src, tgt, code, substr(code, 1, 2),"
             " CAST(substr('%s', k + 1, 1) AS INTEGER), CAST(substr('%s', 5 * k + 1, 5) AS DOUBLE PRECISION),"
             " 1, 1, 1, d, d FROM ("
             "  SELECT %s AS d,"
             "   rtrim(substr('%s', 1 + 3 * CAST(i %% %d AS INTEGER), 3) || substr('   GOVMIL', 1 + 3 * CAST(i %% 3 AS INTEGER), 3)) AS src,"
             "   rtrim(substr('%s', 1 + 3 * CAST((i + 1 + (i / %d) %% %d) %% %d AS INTEGER), 3) || substr('   MIL   GOV', 1 + 3 * CAST(i %% 4 AS INTEGER), 3)) AS tgt,"
             "   rtrim(substr('%s', 1 + 4 * CAST((i * 13) %% 20 AS INTEGER), 4)) AS code,"
             "   CAST((i * 13) %% 20 AS INTEGER) AS k"
             "  FROM (%s) AS s) AS t",
             quads, golds, dexpr, countries, nc, countries, nc, nc - 1, nc, codes, gen);
    if (store_exec(st, pg ? "BEGIN" : "BEGIN IMMEDIATE", err, errlen) != 0)
        return -1;
    if (store_exec(st, drop, err, errlen) != 0 || store_exec(st, sql, err, errlen) != 0 ||
        store_exec(st, store_event_indexes_sql(), err, errlen) != 0 || store_exec(st, "COMMIT", err, errlen) != 0) {
        store_exec(st, "ROLLBACK", NULL, 0);
        return -1;
    }
    /* PostgreSQL: VACUUM too, so that its index-only scans need not visit the table */
    return store_exec(st, pg ? "VACUUM ANALYZE events" : "ANALYZE", err, errlen);
}
