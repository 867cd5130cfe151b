// bench-lucene: Lucene++ (Debian's liblucene++-dev, a C++ port of Apache Lucene 3.0) as a peer
// in the speed benchmark, with its defaults.
//
//   bench-lucene index DIR FILE.jsonl[.gz]     one document per statement, closed (committed) at the end
//   bench-lucene search DIR < queries.tsv      one result line per query on stdout
//
// Index: StandardAnalyzer (lower case, English stop words, no stemming); "text" analysed and
// stored; "id" stored, not analysed; "speaker" and "region" not analysed (exact values, not
// stored); "year" a NumericField (int). IndexWriter defaults (16 MB RAM buffer, merge factor 10),
// no optimize().
//
// Search reads the lines of bench/make_queries.py
//   KIND <TAB> WORDS <TAB> PHRASE(0/1) <TAB> SPEAKER <TAB> REGION <TAB> YEAR_FROM <TAB> YEAR_TO
// ('#' lines skipped) and writes for each
//   N <TAB> KIND <TAB> HITS <TAB> HITS <TAB> ELAPSED_MS <TAB> ID,ID,...
// ELAPSED_MS is the time of: QueryParser (StandardAnalyzer, default operator AND) on the words
// (in quotes for a phrase), the filters as MUST clauses (TermQuery for speaker and region,
// NumericRangeQuery for the years), the top 10 (Searcher::search(query, 10)) and for each hit
// the stored document with its text. HITS is TopDocs::totalHits, which Lucene counts exactly.

#include <lucene++/LuceneHeaders.h>
#include <lucene++/NumericField.h>
#include <lucene++/NumericRangeQuery.h>

#include <nlohmann/json.hpp>
#include <zlib.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

using namespace Lucene;

namespace {

String wide(const std::string& utf8) { return StringUtils::toUnicode(utf8); }
std::string narrow(const String& s) { return StringUtils::toUTF8(s); }

std::string field(const nlohmann::json& o, const char* name) {
    const auto it = o.find(name);
    if (it == o.end() || it->is_null()) return "";
    if (it->is_string()) return it->get<std::string>();
    return it->dump();
}

int index_file(const std::string& dir, const std::string& file) {
    gzFile in = gzopen(file.c_str(), "rb");  // reads plain files too
    if (!in) {
        std::cerr << "bench-lucene: cannot open " << file << "\n";
        return 2;
    }
    gzbuffer(in, 1 << 17);
    IndexWriterPtr writer = newLucene<IndexWriter>(FSDirectory::open(wide(dir)),
                                                   newLucene<StandardAnalyzer>(LuceneVersion::LUCENE_CURRENT), true,
                                                   IndexWriter::MaxFieldLengthUNLIMITED);
    std::string line;
    std::vector<char> buffer(1 << 16);
    std::size_t added = 0, bad = 0;
    auto add = [&](const std::string& text_line) {
        if (text_line.empty()) return;
        const auto o = nlohmann::json::parse(text_line, nullptr, false);
        if (o.is_discarded() || !o.is_object()) {
            ++bad;
            return;
        }
        DocumentPtr doc = newLucene<Document>();
        doc->add(newLucene<Field>(L"id", wide(field(o, "id")), Field::STORE_YES, Field::INDEX_NOT_ANALYZED_NO_NORMS));
        doc->add(newLucene<Field>(L"text", wide(field(o, "text")), Field::STORE_YES, Field::INDEX_ANALYZED));
        const std::string speaker = field(o, "speaker"), region = field(o, "region");
        if (!speaker.empty())
            doc->add(newLucene<Field>(L"speaker", wide(speaker), Field::STORE_NO, Field::INDEX_NOT_ANALYZED_NO_NORMS));
        if (!region.empty())
            doc->add(newLucene<Field>(L"region", wide(region), Field::STORE_NO, Field::INDEX_NOT_ANALYZED_NO_NORMS));
        const std::string year = field(o, "date").substr(0, 4);
        if (year.size() == 4) doc->add(newLucene<NumericField>(L"year")->setIntValue(std::stoi(year)));
        writer->addDocument(doc);
        ++added;
    };
    while (gzgets(in, buffer.data(), static_cast<int>(buffer.size()))) {
        line += buffer.data();
        if (line.back() != '\n') continue;
        line.pop_back();
        add(line);
        line.clear();
    }
    add(line);
    gzclose(in);
    writer->close();
    std::cerr << "bench-lucene: indexed " << added << " statements";
    if (bad) std::cerr << " (" << bad << " bad lines skipped)";
    std::cerr << "\n";
    return 0;
}

std::vector<std::string> split_tabs(const std::string& line) {
    std::vector<std::string> out;
    std::size_t at = 0;
    while (true) {
        const std::size_t tab = line.find('\t', at);
        out.push_back(line.substr(at, tab == std::string::npos ? std::string::npos : tab - at));
        if (tab == std::string::npos) break;
        at = tab + 1;
    }
    return out;
}

int search(const std::string& dir) {
    IndexReaderPtr reader = IndexReader::open(FSDirectory::open(wide(dir)), true);
    SearcherPtr searcher = newLucene<IndexSearcher>(reader);
    AnalyzerPtr analyzer = newLucene<StandardAnalyzer>(LuceneVersion::LUCENE_CURRENT);
    QueryParserPtr parser = newLucene<QueryParser>(LuceneVersion::LUCENE_CURRENT, L"text", analyzer);
    parser->setDefaultOperator(QueryParser::AND_OPERATOR);
    std::size_t n = 0;
    for (std::string line; std::getline(std::cin, line);) {
        if (line.empty() || line[0] == '#') continue;
        auto f = split_tabs(line);
        f.resize(7);
        const std::string& kind = f[0];
        try {
            const auto started = std::chrono::steady_clock::now();
            const String words = f[2] == "1" ? L"\"" + wide(f[1]) + L"\"" : wide(f[1]);  // letters and spaces only (make_queries.py)
            QueryPtr query = parser->parse(words);
            if (!f[3].empty() || !f[4].empty() || !f[5].empty() || !f[6].empty()) {
                BooleanQueryPtr all = newLucene<BooleanQuery>();
                all->add(query, BooleanClause::MUST);
                if (!f[3].empty()) all->add(newLucene<TermQuery>(newLucene<Term>(L"speaker", wide(f[3]))), BooleanClause::MUST);
                if (!f[4].empty()) all->add(newLucene<TermQuery>(newLucene<Term>(L"region", wide(f[4]))), BooleanClause::MUST);
                if (!f[5].empty() || !f[6].empty())
                    all->add(NumericRangeQuery::newIntRange(L"year", f[5].empty() ? 0 : std::stoi(f[5]),
                                                            f[6].empty() ? 9999 : std::stoi(f[6]), true, true),
                             BooleanClause::MUST);
                query = all;
            }
            TopDocsPtr top = searcher->search(query, 10);
            std::string ids;
            std::size_t text_bytes = 0;
            for (int32_t i = 0; i < top->scoreDocs.size(); ++i) {
                DocumentPtr doc = searcher->doc(top->scoreDocs[i]->doc);
                text_bytes += doc->get(L"text").size();
                ids += (ids.empty() ? "" : ",") + narrow(doc->get(L"id"));
            }
            (void)text_bytes;
            const double ms =
                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
            char elapsed[32];
            std::snprintf(elapsed, sizeof elapsed, "%.3f", ms);
            std::cout << n++ << '\t' << kind << '\t' << top->totalHits << '\t' << top->totalHits << '\t' << elapsed
                      << '\t' << ids << '\n';
        } catch (const LuceneException& e) {
            std::cout << n++ << '\t' << kind << "\t-1\t-1\t-1\t\n";  // HITS -1: the query failed
            std::cerr << "bench-lucene: " << f[1] << ": " << narrow(e.getError()) << "\n";
        }
    }
    return 0;
}

}  // namespace

int main(int argc, char* argv[]) try {
    const std::string usage =
        "usage: bench-lucene index DIR FILE.jsonl[.gz]\n"
        "       bench-lucene search DIR < queries.tsv\n";
    if (argc == 4 && std::strcmp(argv[1], "index") == 0) return index_file(argv[2], argv[3]);
    if (argc == 3 && std::strcmp(argv[1], "search") == 0) return search(argv[2]);
    std::cerr << usage;
    return 2;
} catch (const LuceneException& e) {
    std::cerr << "bench-lucene: " << narrow(e.getError()) << "\n";
    return 2;
} catch (const std::exception& e) {
    std::cerr << "bench-lucene: " << e.what() << "\n";
    return 2;
}
