"""bench/speed.py on three fixture pages: every extractor timed page by page, ratios to the floor
(figures not judged here: timed assertions do not belong in tests)."""
from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from bench import speed

ROOT = Path(__file__).resolve().parent.parent
REFEREE = ROOT.parent / "shared" / "eval" / "score.py"
PAGES = ["aeb-cleveland-teasers-en", "aeb-foxnews-teasers-en", "aeb-jaraguadosul-pt"]


@pytest.fixture
def dataset(tmp_path):
    folder = tmp_path / "data" / "fixtures"
    (folder / "html").mkdir(parents=True)
    lines = []
    for slug in PAGES:
        page = ROOT / "tests" / "fixtures" / "pages" / slug
        url = json.loads((page / "expected.json").read_text(encoding="utf-8")).get("url")
        (folder / "html" / f"{slug}.html.gz").write_bytes(gzip.compress((page / "page.html").read_bytes()))
        lines.append(json.dumps({"id": slug, "url": url}))
    (folder / "truth.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder.parent


@pytest.mark.skipif(not REFEREE.is_file(), reason="the referee lives in ../shared/eval")
def test_each_page_goes_to_every_extractor_and_the_figures_are_written(dataset, tmp_path, capsys):
    out = tmp_path / "results"
    assert speed.main(["--data", str(dataset), "--score", str(REFEREE), "--rounds", "2", "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "3 pages of fixtures; 2 rounds" in printed and "newsarchive:extract" in printed
    (written,) = out.glob("speed-*.json")
    results = json.loads(written.read_text(encoding="utf-8"))["results"]
    assert set(results) == {"newsarchive:extract", "lxml-parse"}
    assert results["lxml-parse"]["x_floor"] == 1.0 and results["lxml-parse"]["x_floor_rounds"] == [1.0, 1.0]
    ours = results["newsarchive:extract"]
    assert ours["ms_median_best"] > 0 and len(ours["ms_median_rounds"]) == 2 and ours["x_floor"] > 0
    assert (out / written.name.replace(".json", ".txt")).read_text(encoding="utf-8") == printed


def test_the_best_round_of_each_page_makes_the_median():
    times = {"lxml-parse": [[0.001, 0.004, 0.002], [0.002, 0.001, 0.002]],
             "ours": [[0.010, 0.012, 0.009], [0.008, 0.020, 0.010]]}
    summary = speed.summarize(times)
    assert summary["lxml-parse"]["ms_median_best"] == 1.0  # best rounds 1, 1, 2 ms
    assert summary["ours"]["ms_median_best"] == 9.0  # best rounds 8, 12, 9 ms
    assert summary["ours"]["x_floor"] == 9.0 and summary["ours"]["x_floor_rounds"] == [5.0, 5.0]
