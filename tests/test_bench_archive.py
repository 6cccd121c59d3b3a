"""bench/archive.py at 10,000 articles: builds, measures and reports (figures not judged here)."""
from __future__ import annotations

import importlib.util
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent / "bench" / "archive.py"


def load_bench():
    spec = importlib.util.spec_from_file_location("bench_archive", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_archive_benchmark_at_ten_thousand_articles(tmp_path):
    bench = load_bench()
    result: dict = {}
    bench.run(10_000, tmp_path / "bench.db", 500, result)
    insert = result["insert"]
    assert insert["articles"] == 10_000 and insert["window"] == 1_000
    assert insert["insert_rate_first"] > 0 and insert["insert_rate_last"] > 0
    assert 2_000 < result["html_bytes_median"] and 1_000 < result["body_chars_median"]
    assert 5_000 < result["size"]["bytes_per_article"] < 100_000
    assert {"pages", "articles", "articles_fts"} <= result["size"]["bytes_per_article_by_table"].keys()
    fts = result["fts"]
    assert len(fts["terms"]["common"]) == 20 and len(fts["terms"]["rare"]) == 20
    for shape in ("common_newest", "common_best_match", "rare_newest", "rare_best_match"):
        assert fts[shape]["queries"] == 60 and fts[shape]["p95_ms"] >= fts[shape]["median_ms"]
    reextract = result["reextract"]
    assert reextract["counts"]["errors"] == 0 and reextract["counts"]["removed"] == 0
    assert reextract["counts"]["articles"] > 0 and reextract["pages_per_s"] > 0
    assert result["export"]["articles"] > 1_000 and result["export"]["bytes"] > 0
    text = bench.report(result)
    assert "insert, per CPU second" in text and "reextract --site" in text
