-- A small store with known answers for tests/report.sh (schema v1 of src/store/store.h).
-- Whole store: 12 events, 17 mentions, 5 documents; quad classes 6/1/2/3; Goldstein sum
-- 0.3; 1 undated event (e11); 11 events on the monthly timeline (2020-09: 3, 2020-10: 4,
-- 2020-11: 2, 2020-12: 0, 2021-01: 2); 9 directed dyads with both actors; top code 057 (3).
-- Dyad ARM:AZE: 5 events, ARM -> AZE 2 (e1, e5), AZE -> ARM 3 (e2, e3, e6), by day.
-- Actor AZE from 2020-10-01 to 2020-12-31: 3 events (e5, e6, e7), counterparts ARM 2, RUS 1.
-- Root 19: 3 events (e1, e2, e6).
CREATE TABLE IF NOT EXISTS dyad_meta(key TEXT PRIMARY KEY, value TEXT);
INSERT INTO dyad_meta VALUES ('schema_version', '1');
CREATE TABLE documents(doc_id TEXT PRIMARY KEY, doc_date TEXT, publisher TEXT, url TEXT,
                       title TEXT, ingested_at TEXT);
CREATE TABLE events(event_id BIGINT PRIMARY KEY, event_date TEXT NOT NULL, day INTEGER,
                    month INTEGER, year INTEGER, source TEXT NOT NULL, target TEXT NOT NULL,
                    code TEXT NOT NULL, root TEXT NOT NULL, quad_class INTEGER, goldstein REAL,
                    num_mentions INTEGER, num_sources INTEGER, num_docs INTEGER,
                    first_seen TEXT, last_seen TEXT);
CREATE TABLE mentions(mention_id BIGINT PRIMARY KEY, event_id BIGINT NOT NULL,
                      doc_id TEXT NOT NULL, sent INTEGER NOT NULL, sentence TEXT,
                      source_text TEXT, verb_text TEXT, target_text TEXT);
INSERT INTO documents VALUES
 ('d1', '2020-09-27', 'Reuters', 'https://example.org/d1', 'Fighting breaks out in Nagorno-Karabakh', ''),
 ('d2', '2020-10-02', 'AP', 'https://example.org/d2', 'Moscow offers talks', ''),
 ('d3', '2020-10-15', 'Reuters', '', 'Strikes continue <despite> "truce"', ''),
 ('d4', '2021-01-05', 'AFP', 'https://example.org/d4', 'Aid for Azerbaijan', ''),
 ('d5', '', '', '', 'An undated statement', '');
INSERT INTO events VALUES
 (1, '2020-09-27', 20200927, 202009, 2020, 'ARMMIL', 'AZE', '190', '19', 4, -10.0, 5, 2, 3, '2020-09-27', '2020-10-15'),
 (2, '2020-09-27', 20200927, 202009, 2020, 'AZEMIL', 'ARM', '190', '19', 4, -10.0, 2, 2, 2, '2020-09-27', '2020-10-02'),
 (3, '2020-09-28', 20200928, 202009, 2020, 'AZE', 'ARM', '111', '11', 3, -2.0, 1, 1, 1, '2020-09-27', '2020-09-27'),
 (4, '2020-10-02', 20201002, 202010, 2020, 'RUS', 'ARM', '036', '03', 1, 4.0, 1, 1, 1, '2020-10-02', '2020-10-02'),
 (5, '2020-10-10', 20201010, 202010, 2020, 'ARM', 'AZE', '057', '05', 1, 8.0, 1, 1, 1, '2020-10-15', '2020-10-15'),
 (6, '2020-10-15', 20201015, 202010, 2020, 'AZE', 'ARM', '195', '19', 4, -10.0, 1, 1, 1, '2020-10-15', '2020-10-15'),
 (7, '2020-11-10', 20201110, 202011, 2020, 'RUS', 'AZE', '057', '05', 1, 8.0, 1, 1, 1, '2021-01-05', '2021-01-05'),
 (8, '2020-11-10', 20201110, 202011, 2020, 'RUS', 'ARM', '057', '05', 1, 8.0, 1, 1, 1, '2021-01-05', '2021-01-05'),
 (9, '2021-01-05', 20210105, 202101, 2021, 'USA', 'AZE', '071', '07', 2, 7.4, 1, 1, 1, '2021-01-05', '2021-01-05'),
 (10, '2021-01', 0, 202101, 2021, 'TUR', 'AZE', '051', '05', 1, 3.4, 1, 1, 1, '2021-01-05', '2021-01-05'),
 (11, '', 0, 0, 0, 'USA', 'ARM', '010', '01', 1, 0.0, 1, 1, 1, '', ''),
 (12, '2020-10-15', 20201015, 202010, 2020, 'ARM', '', '141', '14', 3, -6.5, 1, 1, 1, '2020-10-15', '2020-10-15');
INSERT INTO mentions VALUES
 (1, 1, 'd1', 0, 'Armenian forces shelled Azerbaijani positions on Sunday.', 'Armenian forces', 'shelled', 'Azerbaijani positions'),
 (2, 1, 'd1', 3, 'The Armenian army attacked Azerbaijan overnight.', '', '', ''),
 (3, 1, 'd2', 1, 'Armenian troops fired on Azerbaijan, officials said.', '', '', ''),
 (4, 1, 'd2', 4, 'A fourth report of the same attack.', '', '', ''),
 (5, 1, 'd3', 2, 'A fifth report of the same attack.', '', '', ''),
 (6, 2, 'd1', 1, 'Azerbaijani forces attacked Armenia.', '', '', ''),
 (7, 2, 'd2', 2, 'Azerbaijan''s military struck Armenian positions.', '', '', ''),
 (8, 3, 'd1', 5, 'Azerbaijan condemned Armenia for the escalation.', '', '', ''),
 (9, 4, 'd2', 0, 'Russia said it was ready to host talks with Armenia.', '', '', ''),
 (10, 5, 'd3', 0, 'Armenia signed a ceasefire agreement with Azerbaijan.', '', '', ''),
 (11, 6, 'd3', 1, 'Azerbaijani jets bombed Armenian positions </script><b>despite</b> the truce.', '', '', ''),
 (12, 7, 'd4', 0, 'Russia signed an agreement with Azerbaijan.', '', '', ''),
 (13, 8, 'd4', 1, 'Russia signed an agreement with Armenia.', '', '', ''),
 (14, 9, 'd4', 2, 'The United States gave Azerbaijan $3 million in aid.', '', '', ''),
 (15, 10, 'd4', 3, 'Turkey praised Azerbaijan.', '', '', ''),
 (16, 11, 'd5', 0, 'The United States made a statement about Armenia.', '', '', ''),
 (17, 12, 'd3', 3, 'Armenians rallied in Yerevan.', '', '', '');
