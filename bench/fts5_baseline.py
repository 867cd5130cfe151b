#!/usr/bin/env python3
"""Plain BM25 baseline for Verbatim's known-item search: SQLite FTS5 over paragraphs.

  fts5_baseline.py index DB PATH...             (re)build the FTS5 table in DB from the corpus at PATH...
  fts5_baseline.py search [--limit N] DB QUERY  print the best N paragraphs as JSON Lines, best first

It reads the same files Verbatim reads (see corpus/FORMAT.md), in a deliberately simple way:

  .txt    optional header of `Key: value` lines ended by a line `---`; then one paragraph per
          non-blank line
  .csv    header row; body from the first of the columns text/body/content; a body has no real
          paragraph breaks, so each of its lines is cut into groups of about 3 sentences
  .html   text of the <p> elements inside the element with itemprop="articleBody", else of all <p>
  .jsonl  objects with "text" (also "body"/"content" for articles); one paragraph per line of it
  folders are walked recursively in sorted order; *.gold.jsonl, .md, .tsv, .xml and any other
  extension are skipped.

There is no segmentation into statements, no attribution and no field search: each paragraph is
one row (text, source) of an FTS5 table with tokenize = 'porter unicode61 remove_diacritics 2',
ranked by FTS5's built-in bm25(). Standard library only (python3's sqlite3 module has FTS5).

Exit status of `search`: 0 with results, 1 when nothing matched (like grep), 2 on errors.
"""
import argparse
import csv
import html.parser
import json
import os
import re
import sqlite3
import sys

TOKENIZE = "porter unicode61 remove_diacritics 2"
SENTENCES_PER_UNIT = 3
HEADER_KEYS = {"title", "date", "url", "source", "event", "location", "language"}


# ---------------------------------------------------------------------------------------------
# Reading the corpus


def read_text(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        data = f.read()
    if data.startswith("\ufeff"):
        data = data[1:]
    lines = data.splitlines()
    # Optional header: every non-blank line before the first `---` line is `Key: value`.
    for i, line in enumerate(lines):
        if line.strip() == "---":
            head = [l for l in lines[:i] if l.strip()]
            if all(re.match(r"\s*([A-Za-z]+)\s*:", l) and
                   re.match(r"\s*([A-Za-z]+)\s*:", l).group(1).lower() in HEADER_KEYS for l in head):
                lines = lines[i + 1:]
            break
    return lines_to_paragraphs(lines)


def lines_to_paragraphs(lines):
    out = []
    for line in lines:
        p = " ".join(line.split())
        if p:
            out.append(p)
    return out


# A sentence ends at . ! or ? (optionally followed by a closing quote) before white space.
SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’»)]?\s+")
# Scraped CSV bodies lose the space after a full stop ("fees.The decision"); put it back, as
# Verbatim does for CSV bodies (corpus/FORMAT.md, "Run-together sentences").
RUN_TOGETHER = re.compile(r"(?<=[a-z]{2}[.!?])([\"”]?)(?=[A-Z][a-z])")


def sentence_groups(text, n=SENTENCES_PER_UNIT):
    """Cut one long paragraph into units of about n sentences, so that CSV bodies (whole
    speeches or press releases without paragraph breaks) give units of a size comparable to
    the paragraphs of the other formats."""
    text = RUN_TOGETHER.sub(r"\1 ", text)
    sentences, start = [], 0
    for m in SENTENCE_END.finditer(text):
        sentences.append(text[start:m.end()])
        start = m.end()
    sentences.append(text[start:])
    sentences = [s.strip() for s in sentences if s.strip()]
    return [" ".join(sentences[i:i + n]) for i in range(0, len(sentences), n)]


def read_csv(path):
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    out = []
    with open(path, encoding="utf-8", errors="replace", newline="") as f:
        reader = csv.reader(f)
        try:
            header = next(reader)
        except StopIteration:
            return out
        names = [h.lstrip("\ufeff").lower() for h in header]
        col = next((names.index(c) for c in ("text", "body", "content") if c in names), None)
        if col is None:
            return None  # no body column: not a corpus file (e.g. lookup tables)
        for row in reader:
            if col < len(row):
                for para in lines_to_paragraphs(row[col].splitlines()):
                    out.extend(sentence_groups(para))
    return out


class ParagraphCollector(html.parser.HTMLParser):
    """Collects the text of every <p>, noting whether it lies inside the first element with
    itemprop="articleBody"."""

    SKIP = {"script", "style", "noscript", "template"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.paragraphs = []  # (inside_article_body, text)
        self.body_tag = None  # tag name of the articleBody element while inside it
        self.body_depth = 0
        self.body_seen = False
        self.in_p = False
        self.skip_depth = 0
        self.buf = []

    def _close_p(self):
        if self.in_p:
            text = " ".join("".join(self.buf).split())
            if text:
                self.paragraphs.append((self.body_tag is not None, text))
        self.in_p = False
        self.buf = []

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.skip_depth += 1
        if self.body_tag is not None and tag == self.body_tag:
            self.body_depth += 1
        elif self.body_tag is None and not self.body_seen and dict(attrs).get("itemprop") == "articleBody":
            self._close_p()
            self.body_tag, self.body_depth, self.body_seen = tag, 1, True
        if tag == "p":
            self._close_p()
            self.in_p = True
        elif tag == "br" and self.in_p:
            self.buf.append(" ")

    def handle_endtag(self, tag):
        if tag in self.SKIP and self.skip_depth:
            self.skip_depth -= 1
        if tag == "p":
            self._close_p()
        if self.body_tag is not None and tag == self.body_tag:
            self.body_depth -= 1
            if self.body_depth == 0:
                self._close_p()
                self.body_tag = None

    def handle_data(self, data):
        if self.in_p and not self.skip_depth:
            self.buf.append(data)

    def close(self):
        super().close()
        self._close_p()


def read_html(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        data = f.read()
    p = ParagraphCollector()
    p.feed(data)
    p.close()
    inside = [t for in_body, t in p.paragraphs if in_body]
    return inside if p.body_seen and inside else [t for _, t in p.paragraphs]


def read_jsonl(path):
    out = []
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except ValueError:
                continue
            if not isinstance(obj, dict):
                continue
            text = next((obj[k] for k in ("text", "body", "content") if isinstance(obj.get(k), str) and obj[k]), "")
            out.extend(lines_to_paragraphs(text.splitlines()))
    return out


READERS = {".txt": read_text, ".csv": read_csv, ".html": read_html, ".jsonl": read_jsonl}


def corpus_files(paths):
    for path in paths:
        if os.path.isdir(path):
            found = []
            for root, dirs, files in os.walk(path):
                found.extend(os.path.join(root, name) for name in files)
            yield from sorted(found)
        elif os.path.exists(path):
            yield path
        else:
            raise SystemExit(f"fts5_baseline: no such file or folder: {path}")


def cmd_index(args):
    if os.path.exists(args.db):
        os.remove(args.db)
    con = sqlite3.connect(args.db)
    # source is UNINDEXED: file names that hold a speaker's name (say "2024-06-27-kowal.txt")
    # must not match query words; only the paragraph text is searched.
    con.execute(f"CREATE VIRTUAL TABLE paragraphs USING fts5(text, source UNINDEXED, tokenize = '{TOKENIZE}')")
    n_files = n_rows = 0
    skipped = {}
    with con:
        for path in corpus_files(args.paths):
            name = os.path.basename(path).lower()
            ext = os.path.splitext(name)[1]
            reader = READERS.get(ext)
            why = (".gold.jsonl" if name.endswith(".gold.jsonl") else
                   (ext or "(no extension)") if reader is None else None)
            paras = None if why else reader(path)
            if paras is None:
                why = why or ext + " without a text/body/content column"
                skipped[why] = skipped.get(why, 0) + 1
                continue
            con.executemany("INSERT INTO paragraphs(text, source) VALUES (?, ?)", ((p, path) for p in paras))
            n_files += 1
            n_rows += len(paras)
        con.execute("INSERT INTO paragraphs(paragraphs) VALUES ('optimize')")
    con.close()
    print(f"fts5_baseline: indexed {n_rows} paragraphs from {n_files} files into {args.db}"
          + "".join(f"; skipped {n} {why}" for why, n in sorted(skipped.items())), file=sys.stderr)
    return 0


# ---------------------------------------------------------------------------------------------
# Searching

FIELD_PREFIX = re.compile(r"^[A-Za-z_]+:")
QUOTES = "\"“”„«»"


def to_fts5_query(query, operator="OR"):
    """The query as a plain baseline would pass it to FTS5: its words in order, field prefixes
    (speaker:, region:, date: ...) and quote marks removed, each word quoted as an FTS5 string
    (so that punctuation such as - . : ' cannot be read as FTS5 syntax; inside the string the
    tokenizer splits it, e.g. "door-to-door" becomes the phrase door to door), joined with OR
    (operator "AND" gives FTS5's implicit AND instead; --all-words, for comparison only).

    Why OR and not FTS5's implicit AND: these known-item queries are what a fact-checker
    remembers -- misspelt or transliterated names, a speaker's name that the paragraph itself
    does not contain, a paraphrase instead of the exact word, a filter value such as a date
    range. With AND, one such word makes the paragraph unfindable: on the real-corpus queries
    (dev-real.tsv) AND found the wanted paragraph for fewer than a third of them (bench/README.md).
    OR with bm25 ranking (the paragraphs holding most of the rare words come first) is the
    standard bag-of-words baseline, and the honest one to compare against."""
    words = []
    for token in query.split():
        token = FIELD_PREFIX.sub("", token)
        token = "".join(c for c in token if c not in QUOTES)
        if any(c.isalnum() for c in token):
            words.append('"' + token.replace('"', '""') + '"')
    return (" OR " if operator == "OR" else " ").join(words)


def cmd_search(args):
    if not os.path.exists(args.db):
        print(f"fts5_baseline: no such database: {args.db}", file=sys.stderr)
        return 2
    match = to_fts5_query(args.query, "AND" if args.all_words else "OR")
    if not match:
        return 1
    con = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
    rows = con.execute(
        "SELECT text, source, bm25(paragraphs) FROM paragraphs WHERE paragraphs MATCH ? "
        "ORDER BY bm25(paragraphs) LIMIT ?", (match, args.limit)).fetchall()
    con.close()
    for text, source, score in rows:
        # bm25() is lower-is-better; print its negation so that higher means better.
        print(json.dumps({"text": text, "source": source, "score": round(-score, 4)}, ensure_ascii=False))
    return 0 if rows else 1


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    ix = sub.add_parser("index", help="build the FTS5 table (replaces DB)")
    ix.add_argument("db")
    ix.add_argument("paths", nargs="+")
    se = sub.add_parser("search", help="search; JSON Lines on stdout")
    se.add_argument("--limit", type=int, default=10)
    se.add_argument("--all-words", action="store_true",
                    help="require all words (FTS5 implicit AND) instead of OR; for comparison only")
    se.add_argument("--show-query", action="store_true", help="print the FTS5 query on stderr")
    se.add_argument("db")
    # REMAINDER: the query is everything after DB, even words that start with "-".
    se.add_argument("query", nargs=argparse.REMAINDER)
    args = ap.parse_args()
    if args.cmd == "search":
        args.query = " ".join(args.query)
    if args.cmd == "index":
        return cmd_index(args)
    if args.show_query:
        print(to_fts5_query(args.query, "AND" if args.all_words else "OR"), file=sys.stderr)
    return cmd_search(args)


if __name__ == "__main__":
    sys.exit(main())
