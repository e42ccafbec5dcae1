#!/usr/bin/env python3
"""dyad benchmark: one command, one table.

    bench/run.py [--runs N] [--quick]

Builds an optimised dyad (build-bench/), converts Reuters-21578 to JSONL,
then times every job N times (default 5) and prints medians with min-max:
coding with the builtin and the PETRARCH-2 dictionaries at --threads 1, 2
and all cores, dictionary load time, peak RSS, ingest into SQLite, and as
the floor a plain tokenising pass over the same text. Results are also
written as JSON to bench/out/results-<timestamp>.json for later comparison.
Claims should quote ratios measured in one run, not absolute times.
"""
import argparse
import datetime
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SHARED = os.environ.get("DYAD_SHARED", os.path.join(ROOT, "..", "shared"))
OUT = os.path.join(HERE, "out")
BUILD = os.path.join(ROOT, "build-bench")
DYAD = os.path.join(BUILD, "dyad")
PETR2 = os.path.join(SHARED, "peers/petrarch2/petrarch2/data/config/PETR_config.ini")


def sh(cmd, **kw):
    subprocess.run(cmd, check=True, **kw)


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def build():
    sh(["cmake", "-S", ROOT, "-B", BUILD, "-G", "Ninja", "-DCMAKE_BUILD_TYPE=Release",
        "-DDYAD_TESTS=OFF"], stdout=subprocess.DEVNULL)
    sh(["cmake", "--build", BUILD, "--target", "dyad", "bench_tokenise_pass"],
       stdout=subprocess.DEVNULL)


def timed(cmd, stdout_path=os.devnull):
    """Run cmd once; return (seconds, peak RSS in MB, stdout path)."""
    with open(stdout_path, "wb") as out:
        t0 = time.perf_counter()
        p = subprocess.Popen(cmd, stdout=out, stderr=subprocess.DEVNULL)
        _, status, ru = os.wait4(p.pid, 0)
        dt = time.perf_counter() - t0
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise SystemExit("bench: %s exited %d" % (" ".join(cmd), code))
    return dt, ru.ru_maxrss / 1024.0


def series(name, cmd, runs, setup=None, stdout_path=os.devnull):
    times, rss = [], []
    for _ in range(runs):
        if setup:
            setup()
        dt, mb = timed(cmd, stdout_path)
        times.append(dt)
        rss.append(mb)
    r = {"name": name, "cmd": " ".join(cmd), "runs": runs,
         "median_s": statistics.median(times), "min_s": min(times), "max_s": max(times),
         "peak_rss_mb": max(rss)}
    print("  %-34s median %.3f s (min %.3f, max %.3f), peak RSS %.0f MB" %
          (name, r["median_s"], r["min_s"], r["max_s"], r["peak_rss_mb"]), file=sys.stderr)
    return r


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--quick", action="store_true", help="first 2,000 articles only")
    args = ap.parse_args()
    os.makedirs(OUT, exist_ok=True)
    build()
    corpus = os.path.join(OUT, "reuters.jsonl")
    if not os.path.exists(corpus):
        sh([sys.executable, os.path.join(HERE, "reuters_to_jsonl.py"),
            os.path.join(SHARED, "corpora/reuters21578"), corpus])
    if args.quick:
        small = os.path.join(OUT, "reuters-quick.jsonl")
        with open(corpus, encoding="utf-8") as f, open(small, "w", encoding="utf-8") as g:
            for i, line in enumerate(f):
                if i >= 2000:
                    break
                g.write(line)
        corpus = small
    counts = json.loads(subprocess.run([os.path.join(BUILD, "bench_tokenise_pass"), corpus],
                                       check=True, capture_output=True, text=True).stdout)
    sents, mb = counts["sentences"], counts["bytes"] / 1e6
    ncpu = os.cpu_count() or 1
    load_start = os.getloadavg()
    print("corpus: %d sentences, %.1f MB of text, %d cores" % (sents, mb, ncpu), file=sys.stderr)

    rows = []
    rows.append(series("tokenise only (floor)", [os.path.join(BUILD, "bench_tokenise_pass"), corpus], args.runs))
    events_out = os.path.join(OUT, "events.jsonl")
    for label, spec in (("builtin", "builtin"), ("PETRARCH-2", PETR2)):
        for threads in sorted({1, 2, ncpu}):
            rows.append(series("code %s, --threads %d" % (label, threads),
                               [DYAD, "code", "--in", "jsonl", "--out", "jsonl", "--dict", spec,
                                "--threads", str(threads), corpus], args.runs, stdout_path=events_out))
    for label, spec in (("builtin", "builtin"), ("PETRARCH-2", PETR2)):
        rows.append(series("dict load %s (text)" % label, [DYAD, "dict", "stats", spec], args.runs))
        # the same set from its binary cache (`dyad dict compile`), when this dyad has one
        cache = os.path.join(OUT, "bench-%s.dydc" % label.lower().replace("-", ""))
        if subprocess.run([DYAD, "dict", "compile", spec, "-o", cache], stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL).returncode in (0, 1) and os.path.exists(cache):
            rows.append(series("dict load %s (binary cache)" % label, [DYAD, "dict", "stats", cache],
                               args.runs))
    db = os.path.join(OUT, "bench.db")

    def fresh_db():
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(db + suffix):
                os.remove(db + suffix)
    rows.append(series("ingest into SQLite (builtin)", [DYAD, "ingest", "--db", db, corpus],
                       args.runs, setup=fresh_db))

    narticles = sum(1 for _ in open(corpus, encoding="utf-8"))
    load_end = os.getloadavg()
    print("\nmachine: %s, %d cores; load average %.2f at the start, %.2f at the end "
          "(above ~0.5 the machine was shared and the times are noisy)"
          % (cpu_model(), ncpu, load_start[0], load_end[0]))
    print("\n| job | median s | min–max s | sentences/s | MB/s | peak RSS MB |")
    print("|---|---|---|---|---|---|")
    for r in rows:
        rate = sents / r["median_s"]
        extra = ""
        if r["name"].startswith("ingest"):
            extra = " (%.0f articles/s)" % (narticles / r["median_s"])
        if r["name"].startswith("dict load"):
            print("| %s | %.3f | %.3f–%.3f | – | – | %.0f |" %
                  (r["name"], r["median_s"], r["min_s"], r["max_s"], r["peak_rss_mb"]))
            continue
        print("| %s%s | %.3f | %.3f–%.3f | %.0f | %.1f | %.0f |" %
              (r["name"], extra, r["median_s"], r["min_s"], r["max_s"], rate, mb / r["median_s"],
               r["peak_rss_mb"]))
    result = {"when": datetime.datetime.utcnow().isoformat() + "Z", "machine": platform.platform(),
              "cpu": cpu_model(), "cpus": ncpu, "load_start": load_start[0], "load_end": load_end[0],
              "corpus": {"articles": narticles, "sentences": sents, "mb": mb},
              "rows": rows}
    path = os.path.join(OUT, "results-%s.json" % datetime.datetime.utcnow().strftime("%Y%m%dT%H%M%S"))
    with open(path, "w") as f:
        json.dump(result, f, indent=1)
    print("\nresults: %s" % os.path.relpath(path, ROOT), file=sys.stderr)


if __name__ == "__main__":
    main()
