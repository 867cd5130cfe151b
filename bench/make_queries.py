#!/usr/bin/env python3
"""Deterministic query set for the speed benchmark, drawn from the benchmark corpus itself.

  make_queries.py [--per-kind N] [--seed S] CORPUS.jsonl[.gz] > queries.tsv

Reads the statements (JSON Lines with text, speaker, region, date = year) and writes N queries
of each of seven kinds, as tab-separated lines

  KIND  WORDS  PHRASE(0/1)  SPEAKER  REGION  YEAR_FROM  YEAR_TO

with empty fields where a kind has no filter. WORDS are lower-case ASCII words separated by one
space; PHRASE 1 means they are one exact phrase, 0 means every word must occur (AND). SPEAKER and
REGION are the exact field values of the corpus. Lines starting with '#' are comments (the first
line names the columns). Each engine's driver turns a line into its own query syntax.

The kinds:
  rare            one word held by 2-10 statements
  common          one of the 50 words held by the most statements (stop words excluded)
  and             two mid-frequency words of one statement (each held by 0.1%-1% of statements)
  phrase          three consecutive words of one statement (first and last no stop word)
  phrase+speaker  such a phrase and the statement's speaker
  words+region    two mid-frequency words of one statement and the statement's region
  words+date      two mid-frequency words of one statement and a 5-year range holding its year

Word statistics count a word once per statement, over the words made only of ASCII letters
(case folded). The same corpus and seed give the same file, byte for byte (Python's random
module with a fixed seed, candidates sorted before sampling). Standard library only.
"""
import argparse
import collections
import gzip
import json
import random
import re
import sys

# Never chosen as a query word: the union of Lucene's and Verbatim's stop lists and other
# function words, so that every engine keeps each query word.
STOPWORDS = set("""
a about above after again against all also am an and any are as at be because been before being
below between both but by can could did do does doing down during each few for from further had
has have having he her here hers herself him himself his how i if in into is it its itself just
me more most my myself no nor not now of off on once only or other our ours ourselves out over own
same she should so some such than that the their theirs them themselves then there these they
this those through to too under until up upon very was we were what when where which while who
whom why will with would you your yours yourself yourselves shall must may might us one two
mr ms mrs
""".split())

WORD = re.compile(r"[A-Za-z]+")
TOKEN = re.compile(r"\S+")


def open_corpus(path):
    if path.endswith(".gz"):
        return gzip.open(path, "rt", encoding="utf-8")
    return open(path, encoding="utf-8")


def is_word(token):
    return WORD.fullmatch(token) is not None


def read(path):
    """Statements as (text, speaker, region, year) and the document frequency of each word."""
    statements = []
    df = collections.Counter()
    with open_corpus(path) as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            o = json.loads(line)
            text = o.get("text") or ""
            year = str(o.get("date") or "")[:4]
            statements.append((text, o.get("speaker") or "", o.get("region") or "",
                               int(year) if year.isdigit() else None))
            df.update({t.lower() for t in TOKEN.findall(text) if is_word(t)})
    return statements, df


def words_of(text):
    """The distinct words of a text made only of ASCII letters, lower-cased, in order."""
    seen = []
    for t in TOKEN.findall(text):
        w = t.lower()
        if is_word(t) and w not in seen:
            seen.append(w)
    return seen


def phrases_of(text):
    """Runs of three whitespace-separated tokens, each only letters (so no punctuation between)."""
    tokens = TOKEN.findall(text)
    out = []
    for i in range(len(tokens) - 2):
        run = tokens[i:i + 3]
        if all(is_word(t) for t in run):
            words = [t.lower() for t in run]
            if words[0] not in STOPWORDS and words[2] not in STOPWORDS and len(words[0]) > 2 and len(words[2]) > 2:
                out.append(" ".join(words))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus")
    ap.add_argument("--per-kind", type=int, default=40)
    ap.add_argument("--seed", type=int, default=20261129)
    args = ap.parse_args()

    statements, df = read(args.corpus)
    n = len(statements)
    if n == 0:
        sys.exit("make_queries: no statements in " + args.corpus)
    rng = random.Random(args.seed)
    lo, hi = max(2, n // 1000), max(3, n // 100)  # mid frequency: 0.1% .. 1% of the statements

    def content(w):
        return w not in STOPWORDS and len(w) >= 3

    def mid(w):
        return content(w) and lo <= df[w] <= hi

    def two_mid_words(text):
        words = sorted(w for w in words_of(text) if mid(w))
        if len(words) < 2:
            return None
        a, b = rng.sample(words, 2)
        if a[:5] == b[:5]:  # two forms of one word ("develop", "developing")
            return None
        return a + " " + b

    used = set()
    rows = []

    def add(kind, words, phrase, speaker="", region="", year_from="", year_to=""):
        row = (kind, words, "1" if phrase else "0", speaker, region, str(year_from), str(year_to))
        if row[1:] in used:
            return False
        used.add(row[1:])
        rows.append(row)
        return True

    # rare and common: sampled from sorted candidate lists.
    rare = sorted(w for w, c in df.items() if 2 <= c <= 10 and content(w) and len(w) >= 5)
    for w in rng.sample(rare, min(args.per_kind, len(rare))):
        add("rare", w, False)
    common = [w for w, _ in sorted(((w, c) for w, c in df.items() if content(w)), key=lambda x: (-x[1], x[0]))][:50]
    for w in rng.sample(common, min(args.per_kind, len(common))):
        add("common", w, False)

    # The other kinds: a random statement at a time until N queries of the kind are found.
    def draw(kind, make):
        found, tries = 0, 0
        while found < args.per_kind and tries < 200 * args.per_kind:
            tries += 1
            text, speaker, region, year = statements[rng.randrange(n)]
            q = make(text, speaker, region, year)
            if q is not None and add(kind, *q):
                found += 1
        if found < args.per_kind:
            print("make_queries: only %d %s queries" % (found, kind), file=sys.stderr)

    def and_query(text, speaker, region, year):
        w = two_mid_words(text)
        return None if w is None else (w, False)

    def phrase_query(text, speaker, region, year):
        p = phrases_of(text)
        return (rng.choice(p), True) if p else None

    def safe(value):
        return value and '"' not in value and "\t" not in value and ":" not in value

    def phrase_speaker_query(text, speaker, region, year):
        if not safe(speaker):
            return None
        p = phrases_of(text)
        return (rng.choice(p), True, speaker) if p else None

    def words_region_query(text, speaker, region, year):
        if not safe(region):
            return None
        w = two_mid_words(text)
        return None if w is None else (w, False, "", region)

    def words_date_query(text, speaker, region, year):
        if year is None:
            return None
        w = two_mid_words(text)
        if w is None:
            return None
        start = year - rng.randrange(5)
        return (w, False, "", "", start, start + 4)

    draw("and", and_query)
    draw("phrase", phrase_query)
    draw("phrase+speaker", phrase_speaker_query)
    draw("words+region", words_region_query)
    draw("words+date", words_date_query)

    out = sys.stdout
    out.write("# kind\twords\tphrase\tspeaker\tregion\tyear_from\tyear_to"
              "\t(corpus %d statements, seed %d, %d per kind)\n" % (n, args.seed, args.per_kind))
    for row in rows:
        out.write("\t".join(row) + "\n")


if __name__ == "__main__":
    main()
