#!/usr/bin/env python3
"""Unit tests of tools/audit.py (run by `make audit-test`): the Wilson interval, the
judged-file reader and its errors, the baseline reader, the topic groups."""
import os
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "tools"))
import audit  # noqa: E402


class WilsonTest(unittest.TestCase):
    def test_known_values(self):
        lo, hi = audit.wilson(13, 200)
        self.assertAlmostEqual(lo, 0.0385, places=3)
        self.assertAlmostEqual(hi, 0.1080, places=3)

    def test_bounds(self):
        self.assertEqual(audit.wilson(0, 0), (0.0, 0.0))
        lo, hi = audit.wilson(200, 200)
        self.assertLess(lo, 1.0)
        self.assertEqual(hi, 1.0)
        lo, hi = audit.wilson(0, 50)
        self.assertEqual(lo, 0.0)
        self.assertGreater(hi, 0.0)


class JudgedTest(unittest.TestCase):
    def write(self, folder, name, text):
        with open(os.path.join(folder, name), "w") as f:
            f.write(text)

    def test_reads_rows_and_skips_header_and_baseline(self):
        with tempfile.TemporaryDirectory() as d:
            self.write(d, "a.tsv", "# comment\ndoc\tsent\tsource\ttarget\tcode\tverdict\tcategory\tnote\n"
                       "reuters-1\t3\tUSA\tJPN\t112\tCORRECT\t-\taccusation\n"
                       "reuters-2\t0\tBUS\t\t010\tWRONG\tbusiness\tearnings\n")
            self.write(d, "baseline.tsv", "topic\tdocs\tsentences\tevents\tdyadic\nearn\t1\t2\t3\t4\n")
            j = audit.read_judged(d)
            self.assertEqual(len(j), 2)
            self.assertEqual(j[("reuters-1", 3, "USA", "JPN", "112")][:2], ("CORRECT", "-"))
            self.assertEqual(j[("reuters-2", 0, "BUS", "", "010")][:2], ("WRONG", "business"))

    def test_bad_verdict_is_an_error_with_file_and_line(self):
        with tempfile.TemporaryDirectory() as d:
            self.write(d, "b.tsv", "reuters-1\t3\tUSA\tJPN\t112\tMAYBE\t-\tx\n")
            with self.assertRaises(SystemExit) as cm:
                audit.read_judged(d)
            self.assertIn("b.tsv:1:", str(cm.exception))

    def test_short_row_and_conflict_are_errors(self):
        with tempfile.TemporaryDirectory() as d:
            self.write(d, "c.tsv", "reuters-1\t3\tUSA\n")
            with self.assertRaises(SystemExit):
                audit.read_judged(d)
        with tempfile.TemporaryDirectory() as d:
            self.write(d, "d.tsv", "reuters-1\t3\tUSA\tJPN\t112\tCORRECT\t-\tx\n"
                       "reuters-1\t3\tUSA\tJPN\t112\tWRONG\tbusiness\tx\n")
            with self.assertRaises(SystemExit) as cm:
                audit.read_judged(d)
            self.assertIn("d.tsv:2:", str(cm.exception))


class TopicsTest(unittest.TestCase):
    def test_groups(self):
        self.assertEqual(audit.groups_of([]), ["untagged"])
        self.assertEqual(audit.groups_of(["earn"]), ["earn"])
        self.assertEqual(audit.groups_of(["acq", "crude", "ship"]), ["acq", "crude"])
        self.assertEqual(audit.groups_of(["cocoa"]), [])

    def test_baseline_file_of_the_project(self):
        base = audit.read_baseline(os.path.join(HERE, "baseline.tsv"))
        self.assertEqual(sorted(base), sorted(audit.TOPIC_GROUPS))
        for docs, sentences, events, dyadic in base.values():
            self.assertGreater(sentences, 0)
            self.assertLessEqual(dyadic, events)

    def test_judged_files_of_the_project_load(self):
        judged = audit.read_judged(HERE)
        self.assertGreaterEqual(len(judged), 200)
        for verdict, category, _, _ in judged.values():
            self.assertIn(verdict, audit.VERDICTS)
            self.assertTrue(category)


if __name__ == "__main__":
    unittest.main()
