#!/usr/bin/env python3
"""Helpers of bench/run_speed.sh: Verbatim's side of the query set, and the final table.

  speed_report.py verbatim-queries [--typed] QUERIES.tsv
      One Verbatim query per line of QUERIES.tsv (bench/make_queries.py), for
      verbatim-search --batch. By default every word is required, as the peers require it:
      "w1 AND w2". With --typed, the words as a user types them ("w1 w2": Verbatim then ranks
      the statements holding any of them). A phrase is quoted; filters are written in the query
      text: speaker:"NAME", region:"NAME", date:YYYY..YYYY.
  speed_report.py verbatim-results QUERIES.tsv QUERIES.txt TIMED.jsonl COUNTS.jsonl
      Verbatim's batch output turned into the result lines the peers print
      (N, KIND, HITS, ESTIMATE, ELAPSED_MS, IDS); ELAPSED_MS is -1 when verbatim-search printed
      no line for the query (no hit, or an error), HITS -1 on an error.
  speed_report.py table WORKDIR
      The Markdown tables from WORKDIR/runs.tsv and WORKDIR/results-*.tsv, on stdout.

Standard library only.
"""
import json
import math
import os
import re
import statistics
import sys

KINDS = ["rare", "common", "and", "phrase", "phrase+speaker", "words+region", "words+date"]
KIND_NAMES = {
    "rare": "rare word", "common": "common word", "and": "AND (2 words)", "phrase": "phrase (3 words)",
    "phrase+speaker": "phrase + speaker", "words+region": "2 words + region", "words+date": "2 words + 5-year range",
}
# Engines in table order: (key in runs.tsv / results-KEY.tsv, column title)
ENGINES = [("verbatim", "Verbatim"), ("plain-xapian", "plain Xapian"), ("lucene", "Lucene++"), ("fts5", "SQLite FTS5")]
TYPED = ("verbatim-typed", "Verbatim, words as typed")


def read_queries(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line and not line.startswith("#"):
                rows.append((line.split("\t") + [""] * 7)[:7])
    return rows


def statements_in(path):
    with open(path, encoding="utf-8") as f:
        m = re.search(r"corpus (\d+) statements", f.readline())
    return int(m.group(1)) if m else 0


def verbatim_query(row, typed=False):
    kind, words, phrase, speaker, region, year_from, year_to = row
    if phrase == "1":
        q = '"%s"' % words
    else:
        q = words if typed else " AND ".join(words.split())
    if speaker:
        q += ' speaker:"%s"' % speaker
    if region:
        q += ' region:"%s"' % region
    if year_from or year_to:
        q += " date:%s..%s" % (year_from, year_to)
    return q


def verbatim_id(vid):
    # verbatim-index prefixes an input id with the hash of its file: 16 hex digits and '-'.
    m = re.match(r"^[0-9a-f]{16}-(.*)$", vid)
    return m.group(1) if m else vid


def verbatim_results(queries_tsv, queries_txt, timed_jsonl, counts_jsonl):
    rows = read_queries(queries_tsv)
    with open(queries_txt, encoding="utf-8") as f:
        texts = [l.rstrip("\n") for l in f]
    if len(texts) != len(rows):
        sys.exit("speed_report: %s and %s differ in length" % (queries_tsv, queries_txt))
    timed, ids, errors, counts = {}, {}, {}, {}
    with open(timed_jsonl, encoding="utf-8") as f:
        for line in f:
            j = json.loads(line)
            q = j.get("query")
            if "error" in j:
                errors[q] = j["error"]
                continue
            if "elapsed_ms" in j and q not in timed:
                timed[q] = j["elapsed_ms"]
            if "id" in j:
                ids.setdefault(q, []).append(verbatim_id(j["id"]))
    with open(counts_jsonl, encoding="utf-8") as f:
        for line in f:
            j = json.loads(line)
            if "error" in j:
                errors[j.get("query")] = j["error"]
            elif "count" in j:
                counts[j.get("query")] = j["count"]
    for n, (row, q) in enumerate(zip(rows, texts)):
        if q in errors:
            print("verbatim-search: %s: %s" % (q, errors[q]), file=sys.stderr)
        hits = -1 if q in errors else counts.get(q, -1)
        ms = timed.get(q, -1)
        print("%d\t%s\t%d\t%d\t%s\t%s" % (n, row[0], hits, hits, ms, ",".join(ids.get(q, [])[:10])))


# ---------------------------------------------------------------------------------------------
# The table


def read_results(path):
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            p = (line.rstrip("\n").split("\t") + [""] * 6)[:6]
            n, kind, hits, _est, ms, ids = p
            out[int(n)] = {"kind": kind, "hits": int(hits), "ms": float(ms) if ms else -1.0,
                           "ids": [i for i in ids.split(",") if i]}
    return out


def percentile(values, p):
    """Linear interpolation between closest ranks (numpy's default)."""
    if not values:
        return float("nan")
    v = sorted(values)
    k = (len(v) - 1) * p / 100.0
    lo, hi = math.floor(k), math.ceil(k)
    return v[lo] + (v[hi] - v[lo]) * (k - lo)


def fmt_ms(x):
    if x != x:
        return "—"
    return "%.2f" % x if x < 10 else "%.1f" % x if x < 100 else "%.0f" % x


def fmt_ratio(a, b):
    if a != a or b != b or not b:
        return "—"
    r = a / b
    return ("%.2f×" % r) if r < 10 else ("%.1f×" % r) if r < 100 else ("%.0f×" % r)


def mb(nbytes):
    return "%s MB" % format(round(nbytes / 1e6), ",") if nbytes else "—"


def table(work):
    runs = {}
    with open(os.path.join(work, "runs.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            engine, key, value = line.rstrip("\n").split("\t")
            runs.setdefault(engine, {})[key] = value
    statements = statements_in(os.path.join(work, "queries.tsv"))
    engines = [(k, t) for k, t in ENGINES if os.path.exists(os.path.join(work, "results-%s.tsv" % k))]
    typed = os.path.exists(os.path.join(work, "results-%s.tsv" % TYPED[0]))
    results = {k: read_results(os.path.join(work, "results-%s.tsv" % k)) for k, _ in engines}
    if typed:
        results[TYPED[0]] = read_results(os.path.join(work, "results-%s.tsv" % TYPED[0]))
    peers = [(k, t) for k, t in engines if k != "verbatim"]

    def num(engine, key):
        try:
            return float(runs.get(engine, {}).get(key, "nan"))
        except ValueError:
            return float("nan")

    def stats(engine, kind=None):
        ms = [r["ms"] for r in results[engine].values() if (kind is None or r["kind"] == kind) and r["ms"] >= 0]
        return [percentile(ms, p) for p in (50, 95, 99)], len(ms)

    cols = [t for _, t in engines] + ["Verbatim ÷ %s" % t for _, t in peers] + ([TYPED[1]] if typed else [])
    print("| | " + " | ".join(cols) + " |")
    print("|---|" + "---:|" * len(cols))

    def row(label, values, ratios, extra=""):
        cells = values + ratios + ([extra] if typed else [])
        print("| %s | %s |" % (label, " | ".join(cells)))

    def index_row(label, key, show, ratio=True):
        vals = [num(k, key) for k, _ in engines]
        ratios = [fmt_ratio(num("verbatim", key), num(k, key)) if ratio else "" for k, _ in peers]
        row(label, [show(v) if v == v else "—" for v in vals], ratios, "(same index)" if key != "search_rss_kb" else
            (show(num(TYPED[0], key)) if num(TYPED[0], key) == num(TYPED[0], key) else "—"))

    index_row("index time", "index_s", lambda v: "%s s" % format(round(v), ","))
    vals = [statements / num(k, "index_s") if num(k, "index_s") else float("nan") for k, _ in engines]
    row("statements/s", ["%s" % format(round(v), ",") if v == v else "—" for v in vals],
        [fmt_ratio(vals[0], v) for v in vals[1:]], "")
    index_row("index size", "size_bytes", mb)
    index_row("size after xapian-compact", "compact_bytes", mb)
    index_row("peak RSS, indexing", "index_rss_kb", lambda v: mb(v * 1024))
    index_row("peak RSS, searching", "search_rss_kb", lambda v: mb(v * 1024))
    if any("load_before" in runs.get(k, {}) for k, _ in engines):
        row("load average (1 min) before → after indexing",
            ["%s → %s" % (runs.get(k, {}).get("load_before", "?"), runs.get(k, {}).get("load_after", "?"))
             for k, _ in engines], ["" for _ in peers], "")

    untimed = {}
    for kind in [None] + KINDS:
        label = "query p50 / p95 / p99, %s (ms)" % ("all %d queries" % len(results[engines[0][0]]) if kind is None
                                                   else KIND_NAMES.get(kind, kind))
        per = {k: stats(k, kind) for k in list(results)}
        for k in per:
            total = sum(1 for r in results[k].values() if kind is None or r["kind"] == kind)
            if kind is None:
                untimed[k] = total - per[k][1]
        vals = ["%s / %s / %s" % tuple(fmt_ms(x) for x in per[k][0]) for k, _ in engines]
        ratios = ["%s / %s / %s" % tuple(fmt_ratio(a, b) for a, b in zip(per["verbatim"][0], per[k][0]))
                  for k, _ in peers]
        extra = "%s / %s / %s" % tuple(fmt_ms(x) for x in per[TYPED[0]][0]) if typed else ""
        if kind is None:
            label = "**" + label + "**"
        row(label, vals, ratios, extra)
    print()
    notes = []
    for k, t in engines + ([TYPED] if typed else []):
        if untimed.get(k):
            notes.append("%s: %d of %d queries have no time (no result line: nothing found or an error); "
                         "the percentiles are over the others." % (t, untimed[k], len(results[k])))
    for n in notes:
        print("- " + n)
    if notes:
        print()

    # Cross-check of hit counts and top-10 sets, Verbatim against each peer.
    print("Cross-check against Verbatim (every word required; hit counts exact). Per kind and peer: "
          "median of Verbatim's hit count ÷ the peer's; the share of queries whose top-10 lists share "
          "at least one statement; queries where one engine finds nothing and the other something.")
    print()
    cols = ["median hits ÷ %s; top-10 overlap; one finds nothing" % t for _, t in peers]
    print("| kind | median hits: " + " / ".join(t for _, t in engines) + " | " + " | ".join(cols) + " |")
    print("|---|---:|" + "---:|" * len(cols))
    flagged = []
    v = results["verbatim"]
    for kind in KINDS:
        qs = [n for n, r in v.items() if r["kind"] == kind]
        if not qs:
            continue
        med = []
        for k, _ in engines:
            h = [results[k][n]["hits"] for n in qs if n in results[k] and results[k][n]["hits"] >= 0]
            med.append(fmt_count(statistics.median(h)) if h else "—")
        cells = []
        for k, t in peers:
            r = results[k]
            ratios, overlap, both, zero = [], 0, 0, 0
            for n in qs:
                a, b = v[n], r.get(n)
                if b is None or a["hits"] < 0 or b["hits"] < 0:
                    continue
                if (a["hits"] == 0) != (b["hits"] == 0):
                    zero += 1
                if a["hits"] and b["hits"]:
                    ratios.append(a["hits"] / b["hits"])
                    both += 1
                    overlap += bool(set(a["ids"]) & set(b["ids"]))
            m = statistics.median(ratios) if ratios else float("nan")
            cells.append("%s; %s; %d" % (fmt_ratio(m, 1.0), "%d%%" % round(100 * overlap / both) if both else "—", zero))
            if ratios and (m > 2 or m < 0.5) or zero > len(qs) // 10:
                flagged.append("%s vs %s (median ratio %s, %d with one side empty)" % (KIND_NAMES[kind], t,
                                                                                     fmt_ratio(m, 1.0), zero))
        print("| %s | %s | %s |" % (KIND_NAMES[kind], " / ".join(med), " | ".join(cells)))
    print()
    if flagged:
        print("Counts differ widely (median ratio outside 0.5×-2×, or over 10% of the queries empty on one "
              "side only): " + "; ".join(flagged) + ".")
    else:
        print("No kind's hit counts differ widely (median ratios within 0.5×-2×).")
    # The queries Verbatim misses, for the reader to look at.
    misses = [(n, r) for n, r in sorted(v.items()) if r["hits"] == 0 and
              any(results[k].get(n, {}).get("hits", 0) > 0 for k, _ in peers)]
    if misses:
        q = read_queries(os.path.join(work, "queries.tsv"))
        print()
        print("Queries where Verbatim finds nothing and a peer finds something (%d):" % len(misses))
        for n, r in misses[:15]:
            peer_hits = ", ".join("%s %d" % (t, results[k][n]["hits"]) for k, t in peers if n in results[k])
            print("- `%s` (%s)" % (verbatim_query(q[n]), peer_hits))
        if len(misses) > 15:
            print("- … and %d more" % (len(misses) - 15))
    errors = [n for n, r in sorted(v.items()) if r["hits"] < 0]
    if errors:
        print()
        print("Queries Verbatim rejected with an error: %d (see the run's stderr)." % len(errors))


def fmt_count(x):
    return format(round(x), ",") if x >= 10 else ("%g" % x)


def main():
    a = sys.argv[1:]
    if a and a[0] == "verbatim-queries":
        typed = "--typed" in a
        rest = [x for x in a[1:] if x != "--typed"]
        for row in read_queries(rest[0]):
            print(verbatim_query(row, typed))
    elif a and a[0] == "verbatim-results" and len(a) == 5:
        verbatim_results(*a[1:])
    elif a and a[0] == "table" and len(a) == 2:
        table(a[1])
    else:
        print(__doc__, file=sys.stderr)
        sys.exit(2)


if __name__ == "__main__":
    main()
