#!/usr/bin/env python3
"""SQLite FTS5 as a peer in the speed benchmark (bench/run_speed.sh). Standard library only.

  fts5_speed.py index DB FILE.jsonl[.gz]   one row per statement, one transaction
  fts5_speed.py search DB < queries.tsv     one result line per query on stdout

Index: one FTS5 table `statements(text, id UNINDEXED, speaker UNINDEXED, region UNINDEXED,
year UNINDEXED)` with tokenize = 'porter unicode61 remove_diacritics 2' (the tokenizer of
bench/fts5_baseline.py), filled with executemany in one transaction; SQLite's defaults
otherwise (page size, automerge; no 'optimize').

Search reads the lines of bench/make_queries.py
  KIND <TAB> WORDS <TAB> PHRASE(0/1) <TAB> SPEAKER <TAB> REGION <TAB> YEAR_FROM <TAB> YEAR_TO
('#' lines skipped) and writes for each
  N <TAB> KIND <TAB> HITS <TAB> HITS <TAB> ELAPSED_MS <TAB> ID,ID,...
ELAPSED_MS is the time of one SELECT id, text ... WHERE statements MATCH ? [AND speaker = ?]
[AND region = ?] [AND year BETWEEN ? AND ?] ORDER BY rank LIMIT 10 (rank is bm25()), rows fetched.
The words become FTS5 strings: "w1" "w2" (implicit AND) or "w1 w2 w3" for a phrase. HITS is a
separate SELECT count(*) with the same conditions, not timed.
"""
import gzip
import json
import os
import sqlite3
import sys
import time

TOKENIZE = "porter unicode61 remove_diacritics 2"
BATCH = 10000


def rows_of(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            o = json.loads(line)
            year = str(o.get("date") or "")[:4]
            yield (o.get("text") or "", o.get("id") or "", o.get("speaker") or "", o.get("region") or "",
                   int(year) if year.isdigit() else None)


def index(db, path):
    if os.path.exists(db):
        os.remove(db)
    con = sqlite3.connect(db)
    con.execute("CREATE VIRTUAL TABLE statements USING fts5(text, id UNINDEXED, speaker UNINDEXED, "
                "region UNINDEXED, year UNINDEXED, tokenize = '%s')" % TOKENIZE)
    n = 0
    batch = []
    with con:
        for row in rows_of(path):
            batch.append(row)
            if len(batch) >= BATCH:
                con.executemany("INSERT INTO statements VALUES (?, ?, ?, ?, ?)", batch)
                n += len(batch)
                batch = []
        con.executemany("INSERT INTO statements VALUES (?, ?, ?, ?, ?)", batch)
        n += len(batch)
    con.close()
    print("fts5_speed: indexed %d statements" % n, file=sys.stderr)


def to_match(words, phrase):
    if phrase:
        return '"%s"' % words.replace('"', '""')
    return " ".join('"%s"' % w.replace('"', '""') for w in words.split())


def search(db):
    con = sqlite3.connect("file:%s?mode=ro" % db, uri=True)
    n = 0
    for line in sys.stdin:
        line = line.rstrip("\n")
        if not line or line.startswith("#"):
            continue
        f = (line.split("\t") + [""] * 7)[:7]
        kind, words, phrase, speaker, region, year_from, year_to = f
        where = ["statements MATCH ?"]
        args = [to_match(words, phrase == "1")]
        if speaker:
            where.append("speaker = ?")
            args.append(speaker)
        if region:
            where.append("region = ?")
            args.append(region)
        if year_from or year_to:
            where.append("year BETWEEN ? AND ?")
            args += [int(year_from or 0), int(year_to or 9999)]
        cond = " AND ".join(where)
        try:
            started = time.perf_counter()
            top = con.execute("SELECT id, text FROM statements WHERE %s ORDER BY rank LIMIT 10" % cond, args).fetchall()
            ms = (time.perf_counter() - started) * 1000.0
            hits = con.execute("SELECT count(*) FROM statements WHERE %s" % cond, args).fetchone()[0]
        except sqlite3.Error as e:
            print("%d\t%s\t-1\t-1\t-1\t" % (n, kind))
            print("fts5_speed: %s: %s" % (words, e), file=sys.stderr)
            n += 1
            continue
        print("%d\t%s\t%d\t%d\t%.3f\t%s" % (n, kind, hits, hits, ms, ",".join(r[0] for r in top)))
        n += 1
    con.close()


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "index":
        index(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 3 and sys.argv[1] == "search":
        search(sys.argv[2])
    else:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        sys.exit(2)


if __name__ == "__main__":
    main()
