// bench-plain-xapian: the library floor for the speed benchmark. The same Xapian library as
// Verbatim, used the way its documentation shows, with its defaults: no pipeline, no folding,
// no spelling data, no re-ranking.
//
//   bench-plain-xapian index DB FILE.jsonl[.gz]    one document per statement, one commit at the end
//   bench-plain-xapian search DB < queries.tsv     one result line per query on stdout
//
// Index: TermGenerator with the English stemmer (default strategy STEM_SOME) and positions over
// the text; boolean terms A<speaker>, XR<region>, XC<country> and Q<id> (values as given); the
// year in value slot 0; the statement's JSON line as document data. Xapian's default flush
// threshold applies (XAPIAN_FLUSH_THRESHOLD, 10,000 documents), then one commit at the end.
//
// Search reads the lines of bench/make_queries.py
//   KIND <TAB> WORDS <TAB> PHRASE(0/1) <TAB> SPEAKER <TAB> REGION <TAB> YEAR_FROM <TAB> YEAR_TO
// ('#' lines skipped) and writes for each
//   N <TAB> KIND <TAB> HITS <TAB> ESTIMATE <TAB> ELAPSED_MS <TAB> ID,ID,...
// N counts the query lines from 0. ELAPSED_MS is the time of: QueryParser (English stemmer,
// STEM_SOME, default operator AND, no stop words) on the words (in quotes for a phrase), the
// filters as OP_FILTER, the top 10 by BM25 (get_mset(0, 10)), and for each hit get_data, the
// JSON parsed and MSet::snippet of the text. ESTIMATE is get_matches_estimated() of that MSet;
// HITS is the exact count, computed afterwards and not timed. IDs are the top-10 statement ids.

#include <xapian.h>
#include <zlib.h>

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace {

constexpr Xapian::valueno kYearSlot = 0;

std::string term(const std::string& prefix, const std::string& value) {
    std::string t = prefix + value;
    if (t.size() > 240) t.resize(240);  // Xapian's term length limit is 245 bytes
    return t;
}

std::string field(const nlohmann::json& o, const char* name) {
    const auto it = o.find(name);
    if (it == o.end() || it->is_null()) return "";
    if (it->is_string()) return it->get<std::string>();
    return it->dump();
}

int index_file(const std::string& db_path, const std::string& file) {
    gzFile in = gzopen(file.c_str(), "rb");  // reads plain files too
    if (!in) {
        std::cerr << "bench-plain-xapian: cannot open " << file << "\n";
        return 2;
    }
    gzbuffer(in, 1 << 17);
    Xapian::WritableDatabase db(db_path, Xapian::DB_CREATE_OR_OVERWRITE);
    Xapian::TermGenerator generator;
    generator.set_stemmer(Xapian::Stem("english"));
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
        Xapian::Document doc;
        generator.set_document(doc);
        generator.index_text(field(o, "text"));
        const std::string speaker = field(o, "speaker"), region = field(o, "region"), country = field(o, "country");
        if (!speaker.empty()) doc.add_boolean_term(term("A", speaker));
        if (!region.empty()) doc.add_boolean_term(term("XR", region));
        if (!country.empty()) doc.add_boolean_term(term("XC", country));
        doc.add_boolean_term(term("Q", field(o, "id")));
        doc.add_value(kYearSlot, field(o, "date").substr(0, 4));
        doc.set_data(text_line);
        db.add_document(doc);
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
    db.commit();
    std::cerr << "bench-plain-xapian: indexed " << added << " statements";
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

int search(const std::string& db_path) {
    Xapian::Database db(db_path);
    const Xapian::Stem stemmer("english");
    Xapian::QueryParser parser;
    parser.set_stemmer(stemmer);
    parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    parser.set_default_op(Xapian::Query::OP_AND);
    parser.set_database(db);
    std::size_t n = 0;
    for (std::string line; std::getline(std::cin, line);) {
        if (line.empty() || line[0] == '#') continue;
        auto f = split_tabs(line);
        f.resize(7);
        const std::string& kind = f[0];
        const auto started = std::chrono::steady_clock::now();
        const std::string words = f[2] == "1" ? "\"" + f[1] + "\"" : f[1];
        Xapian::Query query;
        try {
            query = parser.parse_query(words);
        } catch (const Xapian::QueryParserError& e) {
            std::cout << n++ << '\t' << kind << "\t-1\t-1\t-1\t\n";  // HITS -1: the query failed
            std::cerr << "bench-plain-xapian: " << words << ": " << e.get_description() << "\n";
            continue;
        }
        std::vector<Xapian::Query> filters;
        if (!f[3].empty()) filters.emplace_back(term("A", f[3]));
        if (!f[4].empty()) filters.emplace_back(term("XR", f[4]));
        if (!f[5].empty() || !f[6].empty())
            filters.emplace_back(Xapian::Query::OP_VALUE_RANGE, kYearSlot, f[5].empty() ? "0000" : f[5],
                                 f[6].empty() ? "9999" : f[6]);
        if (!filters.empty())
            query = Xapian::Query(Xapian::Query::OP_FILTER, query,
                                  Xapian::Query(Xapian::Query::OP_AND, filters.begin(), filters.end()));
        Xapian::Enquire enquire(db);
        enquire.set_query(query);
        const Xapian::MSet mset = enquire.get_mset(0, 10);
        std::string ids;
        std::size_t snippet_bytes = 0;
        for (auto it = mset.begin(); it != mset.end(); ++it) {
            const auto o = nlohmann::json::parse(it.get_document().get_data(), nullptr, false);
            const std::string text = o.is_object() ? field(o, "text") : "";
            snippet_bytes += mset.snippet(text, 200, stemmer).size();
            ids += (ids.empty() ? "" : ",") + (o.is_object() ? field(o, "id") : "?");
        }
        const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
        // The exact count, for the cross-check between engines (not timed).
        const Xapian::doccount exact = enquire.get_mset(0, 0, db.get_doccount()).get_matches_estimated();
        char elapsed[32];
        std::snprintf(elapsed, sizeof elapsed, "%.3f", ms);
        std::cout << n++ << '\t' << kind << '\t' << exact << '\t' << mset.get_matches_estimated() << '\t' << elapsed
                  << '\t' << ids << '\n';
        (void)snippet_bytes;
    }
    return 0;
}

}  // namespace

int main(int argc, char* argv[]) try {
    const std::string usage =
        "usage: bench-plain-xapian index DB FILE.jsonl[.gz]\n"
        "       bench-plain-xapian search DB < queries.tsv\n";
    if (argc == 4 && std::strcmp(argv[1], "index") == 0) return index_file(argv[2], argv[3]);
    if (argc == 3 && std::strcmp(argv[1], "search") == 0) return search(argv[2]);
    std::cerr << usage;
    return 2;
} catch (const Xapian::Error& e) {
    std::cerr << "bench-plain-xapian: Xapian: " << e.get_description() << "\n";
    return 2;
} catch (const std::exception& e) {
    std::cerr << "bench-plain-xapian: " << e.what() << "\n";
    return 2;
}
