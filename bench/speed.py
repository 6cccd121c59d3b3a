"""Extraction speed against the lxml parse floor, every extractor timed page by page in turn.

    python bench/speed.py [--data ../shared/eval/data] [--rounds 3] [--sample N] [--peers]
                          [--extractor NAME ...]

The referee (bench/extraction.py) times each extractor over all the pages before the next one
starts, so on a shared machine the extractors meet different loads minutes apart: the same tree
measured 3.9x and 6.1x the floor in runs an hour apart. Here every page is given to every
extractor in a row (their order turned each round), over several rounds; a page's time is its
best round (what the code costs, less what the machine took from it), and each extractor's
figure is the median over pages, the referee's measure, beside the floor's. Each round's own
ratio of medians is printed too, to show the spread. Extractors are named and called as the
referee calls them (its adapters, `module:function` or a peer's name); `--peers` adds every
installed peer of bench/extraction.py. The process runs under bench/netguard.py.
Writes bench/results/speed-<UTC date>.txt and .json.
"""
from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import statistics
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.extraction import OURS, add_page_arguments, datasets_in, installed_peers  # noqa: E402
from bench.netguard import allow_only_loopback  # noqa: E402

FLOOR = "lxml-parse"


def load_referee(path: Path):
    """The referee module (score.py), for its extractor adapters."""
    spec = importlib.util.spec_from_file_location("referee", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_pages(datasets: list[Path], sample: int = 0) -> list[tuple[str | None, bytes]]:
    """(url, html bytes) of every page of the datasets (at most `sample` a dataset), in order."""
    pages = []
    for folder in datasets:
        taken = 0
        for line in (folder / "truth.jsonl").read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            if sample and taken >= sample:
                break
            page = json.loads(line)
            pages.append((page.get("url"), gzip.decompress((folder / "html" / f"{page['id']}.html.gz").read_bytes())))
            taken += 1
    return pages


def time_pages(extractors: dict, pages: list, rounds: int) -> dict[str, list[list[float]]]:
    """Seconds per page per round for each extractor: [round][page]. Each page goes to every
    extractor in a row; the order turns by one each round, so none is always first. A call
    that raises is timed like one that returns (the referee scores it as an empty answer)."""
    names = list(extractors)
    times: dict[str, list[list[float]]] = {name: [] for name in names}
    for number in range(rounds):
        order = names[number % len(names):] + names[:number % len(names)]
        for name in order:
            times[name].append([])
        for url, html in pages:
            for name in order:
                run = extractors[name]
                start = time.perf_counter()
                try:
                    run(html, url=url)
                except Exception:  # noqa: BLE001 - timed and counted as the referee does
                    pass
                times[name][-1].append(time.perf_counter() - start)
    return times


def summarize(times: dict[str, list[list[float]]]) -> dict:
    """Per extractor: the median over pages of each page's best round (ms), its ratio to the
    floor's, and each round's ratio of medians."""
    best = {name: [min(column) for column in zip(*runs)] for name, runs in times.items()}
    medians = {name: 1000 * statistics.median(values) for name, values in best.items()}
    floor = medians.get(FLOOR)
    summary = {}
    for name, runs in times.items():
        row = {"ms_median_best": round(medians[name], 3),
               "ms_median_rounds": [round(1000 * statistics.median(run), 3) for run in runs]}
        if floor:
            row["x_floor"] = round(medians[name] / floor, 2)
            row["x_floor_rounds"] = [round(statistics.median(run) / statistics.median(base), 2)
                                     for run, base in zip(runs, times[FLOOR])]
        summary[name] = row
    return summary


def table(summary: dict) -> str:
    lines = [f"{'extractor':<28} {'ms median':>10} {'x floor':>8}   each round: ms (x floor)"]
    for name, row in sorted(summary.items(), key=lambda item: item[1]["ms_median_best"]):
        rounds = ", ".join(f"{ms:.3f} ({x:.2f})" if "x_floor_rounds" in row else f"{ms:.3f}"
                           for ms, x in zip(row["ms_median_rounds"], row.get("x_floor_rounds") or row["ms_median_rounds"]))
        ratio = f"{row['x_floor']:.2f}" if "x_floor" in row else "-"
        lines.append(f"{name:<28} {row['ms_median_best']:>10.3f} {ratio:>8}   {rounds}")
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_page_arguments(ap)
    ap.add_argument("--extractor", action="append", help="extractors beside the floor (default newsarchive)")
    ap.add_argument("--peers", action="store_true", help="add every installed peer")
    ap.add_argument("--rounds", type=int, default=3, help="rounds over all the pages (default 3)")
    args = ap.parse_args(argv)

    data = args.data.resolve()
    datasets = [d for d in datasets_in(data) if not args.dataset or d.name in set(args.dataset)]
    if not datasets:
        print(f"no datasets under {data}", file=sys.stderr)
        return 2
    allow_only_loopback()
    referee = load_referee((args.score or data.parent / "score.py").resolve())
    names = list(dict.fromkeys([*(args.extractor or [OURS]), *(installed_peers() if args.peers else []), FLOOR]))
    extractors = {name: referee.load_extractor(name) for name in names}
    pages = load_pages(datasets, args.sample)
    for url, html in pages[:20]:  # imports and first-call set-up are not a page's cost
        for run in extractors.values():
            try:
                run(html, url=url)
            except Exception:  # noqa: BLE001
                pass
    summary = summarize(time_pages(extractors, pages, max(1, args.rounds)))
    command = " ".join(["python", "bench/speed.py", *(argv if argv is not None else sys.argv[1:])])
    text = (f"# {command}\n# {len(pages)} pages of {', '.join(d.name for d in datasets)}; "
            f"{max(1, args.rounds)} rounds, each page to every extractor in turn; a page's best round\n"
            f"{table(summary)}\n")
    print(text, end="")
    args.out.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H%M")
    (args.out / f"speed-{stamp}.txt").write_text(text, encoding="utf-8")
    (args.out / f"speed-{stamp}.json").write_text(json.dumps(
        {"command": command, "pages": len(pages), "rounds": max(1, args.rounds), "results": summary},
        indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
