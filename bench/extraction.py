"""Extraction benchmark: the referee over the dev pages, newsarchive beside every installed peer.

    python bench/extraction.py [--data ../shared/eval/data] [--by-dataset] [--worst N]
                               [--sample N] [--extractor NAME ...] [--no-memory-run]

Runs ../shared/eval/score.py (path overridable with --score) once with newsarchive:extract
and every peer that is installed (trafilatura, readability, newspaper4k, news-please, Fundus,
goose3, justext and the lxml-parse floor), so all are timed in the same run, in a process whose
sockets can only reach loopback (bench/netguard.py); prints the table and writes it to
bench/results/extraction-<UTC date>.txt and .json. Then runs newsarchive alone over the same
pages to report its own peak RSS (the first run's peak includes the peers).
Install the peers with `pip install -e '.[bench]'`.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import resource
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"

#: Extractor name as the referee takes it -> the module it needs. newspaper4k and news-please
#: run through bench/peers.py with image fetching off: the referee's own newspaper4k adapter
#: lets Article.parse() download the page's images. Fundus (bench/peers.py too) answers only
#: for the publishers it has parsers for. Every run is also under bench/netguard.py.
PEERS = {
    "trafilatura": "trafilatura",
    "readability": "readability",
    "bench.peers:newspaper4k": "newspaper",
    "bench.peers:news_please": "newsplease",
    "bench.peers:fundus": "fundus",
    "goose3": "goose3",
    "justext": "justext",
    "lxml-parse": "lxml",
}
OURS = "newsarchive:extract"


def installed_peers() -> list[str]:
    """The peers whose modules can be imported here."""
    return [name for name, module in PEERS.items() if importlib.util.find_spec(module) is not None]


def datasets_in(data: Path) -> list[Path]:
    """Every dataset folder (one with truth.jsonl) under `data`, sorted."""
    return sorted(p for p in data.iterdir() if (p / "truth.jsonl").is_file())


def referee_command(score: Path, datasets: list[Path], extractors: list[str], *, by_dataset: bool,
                    worst: int, sample: int, json_out: Path | None) -> list[str]:
    """The score.py command line."""
    cmd = [sys.executable, str(score), *map(str, datasets)]
    for name in extractors:
        cmd += ["--extractor", name]
    if by_dataset:
        cmd.append("--by-dataset")
    if worst:
        cmd += ["--worst", str(worst)]
    if sample:
        cmd += ["--sample", str(sample)]
    if json_out is not None:
        cmd += ["--json", str(json_out)]
    return cmd


#: Runs the referee in-process with the network guard on, and reports that process's own peak
#: RSS on stderr's last line.
_RSS_WRAPPER = (
    "import resource, runpy, sys\n"
    "from bench.netguard import allow_only_loopback\n"
    "allow_only_loopback()\n"
    "sys.argv = sys.argv[1:]\n"
    "try:\n"
    "    runpy.run_path(sys.argv[0], run_name='__main__')\n"
    "except SystemExit as exc:\n"
    "    code = exc.code\n"
    "else:\n"
    "    code = 0\n"
    "print('PEAK_RSS_KIB', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)\n"
    "sys.exit(code)\n"
)


def run_measured(cmd: list[str]) -> tuple[subprocess.CompletedProcess, float, int]:
    """Run the referee; return its result, wall time (s) and its own peak RSS (KiB)."""
    env = dict(os.environ, TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS="")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    start = time.perf_counter()
    result = subprocess.run([cmd[0], "-c", _RSS_WRAPPER, *cmd[1:]], capture_output=True,
                            text=True, env=env, cwd=ROOT)
    took = time.perf_counter() - start
    peak = 0
    for line in result.stderr.splitlines():
        if line.startswith("PEAK_RSS_KIB "):
            peak = int(line.split()[1])
    return result, took, peak


def add_page_arguments(ap: argparse.ArgumentParser) -> None:
    """The options choosing the evaluation pages, the referee and where results go."""
    ap.add_argument("--data", type=Path, default=ROOT / ".." / "shared" / "eval" / "data",
                    help="folder of datasets (default ../shared/eval/data from the project root)")
    ap.add_argument("--score", type=Path, default=None, help="the referee (default DATA/../score.py)")
    ap.add_argument("--dataset", action="append", help="only these dataset folder names; repeatable")
    ap.add_argument("--sample", type=int, default=0, help="at most N pages per dataset")
    ap.add_argument("--out", type=Path, default=RESULTS, help="where results are written")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_page_arguments(ap)
    ap.add_argument("--extractor", action="append", help="override the extractor list; repeatable")
    ap.add_argument("--by-dataset", action="store_true", help="a row per dataset too")
    ap.add_argument("--worst", type=int, default=0, help="list the N lowest-F1 pages")
    ap.add_argument("--no-memory-run", action="store_true", help="skip the newsarchive-only RSS run")
    args = ap.parse_args(argv)

    data = args.data.resolve()
    score = (args.score or data.parent / "score.py").resolve()
    datasets = datasets_in(data)
    if args.dataset:
        datasets = [d for d in datasets if d.name in set(args.dataset)]
    if not datasets:
        print(f"no datasets under {data}", file=sys.stderr)
        return 2
    extractors = args.extractor or [OURS, *installed_peers()]
    args.out.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H%M")
    json_out = args.out / f"extraction-{stamp}.json"
    cmd = referee_command(score, datasets, extractors, by_dataset=args.by_dataset,
                          worst=args.worst, sample=args.sample, json_out=json_out)
    result, took, peak_all = run_measured(cmd)
    if result.returncode != 0:
        sys.stderr.write(result.stderr)
        return result.returncode
    lines = [
        f"# {' '.join(['python', 'bench/extraction.py', *(argv if argv is not None else sys.argv[1:])])}",
        f"# referee: {' '.join(cmd[1:2])} on {len(datasets)} datasets: {', '.join(d.name for d in datasets)}",
        f"# extractors: {', '.join(extractors)}",
        result.stdout.rstrip(),
        f"# wall time {took:.1f} s; peak RSS of the whole run (all extractors) {peak_all / 1024:.0f} MiB",
    ]
    memory = {"peak_rss_all_kib": peak_all}
    if not args.no_memory_run and OURS in extractors:
        mem_cmd = referee_command(score, datasets, [OURS], by_dataset=False, worst=0,
                                  sample=args.sample, json_out=None)
        mem_result, mem_took, peak_ours = run_measured(mem_cmd)
        if mem_result.returncode == 0 and peak_ours:
            lines.append(f"# peak RSS of newsarchive alone over the same pages {peak_ours / 1024:.0f} MiB"
                         f" ({mem_took:.1f} s)")
            memory["peak_rss_newsarchive_kib"] = peak_ours
    table = "\n".join(lines) + "\n"
    print(table, end="")
    (args.out / f"extraction-{stamp}.txt").write_text(table, encoding="utf-8")
    results = json.loads(json_out.read_text(encoding="utf-8"))
    json_out.write_text(json.dumps({"command": cmd, "memory": memory, "results": results},
                                   ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
