"""examples/plot_events.py codes the bundled articles and saves a PNG."""
import os
import subprocess
import sys

from conftest import ROOT


def test_plot_events(tmp_path):
    png = tmp_path / "events.png"
    script = os.path.join(ROOT, "examples", "plot_events.py")
    r = subprocess.run([sys.executable, script, os.path.join(ROOT, "examples", "articles.jsonl"), str(png)],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=True, cwd=tmp_path)
    out = r.stdout.decode()
    assert "4 documents read, 4 coded, 0 skipped" in out and "Material conflict" in out
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and 5000 < len(data) < 200000
