#include <verbatim/index/copies.hpp>

#include <verbatim/schema.hpp>

#include <unordered_set>

namespace verbatim::index {

namespace {

// One change to one statement of one database.
struct Change {
    Xapian::docid docid;
    std::string key;  // "" clears the value
};

}  // namespace

bool copies_pending(const Xapian::Database& first) { return !first.get_metadata(std::string(schema::kCopiesPendingKey)).empty(); }
void set_copies_pending(Xapian::WritableDatabase& first) { first.set_metadata(std::string(schema::kCopiesPendingKey), "1"); }

CopyMarks mark_copies(const std::vector<std::string>& databases) {
    CopyMarks marks;
    if (databases.empty()) return marks;
    const std::size_t n = databases.size();
    // The keys two statements share, and where those statements are. A combined database
    // interleaves document ids: id d of the whole is id (d - 1) / n + 1 of database (d - 1) % n.
    Xapian::Database all;
    for (const auto& path : databases) all.add_database(Xapian::Database(path));
    const std::string prefix(schema::prefix::collapse);
    std::unordered_set<std::string> shared;
    std::vector<std::vector<Change>> changes(n);
    for (auto t = all.allterms_begin(prefix); t != all.allterms_end(prefix); ++t) {
        if (t.get_termfreq() < 2) continue;
        const std::string term = *t;
        const std::string key = term.substr(prefix.size());
        shared.insert(key);
        ++marks.keys_shared;
        for (auto p = all.postlist_begin(term); p != all.postlist_end(term); ++p) {
            const Xapian::docid d = *p - 1;
            changes[d % n].push_back({static_cast<Xapian::docid>(d / n + 1), key});
        }
    }
    // The first database last: it holds the note that the marking is pending.
    for (std::size_t i = n; i-- > 0;) {
        Xapian::WritableDatabase db(databases[i], Xapian::DB_OPEN);
        // Statements holding a key that nobody else holds any more.
        for (auto v = db.valuestream_begin(schema::slot::collapse); v != db.valuestream_end(schema::slot::collapse); ++v)
            if (!shared.count(*v)) changes[i].push_back({v.get_docid(), ""});
        bool changed = false;
        for (const auto& c : changes[i]) {
            // A document read from this database and given back with only a value changed:
            // Xapian rewrites the value alone, not the terms, positions or data.
            Xapian::Document doc = db.get_document(c.docid);
            if (doc.get_value(schema::slot::collapse) == c.key) continue;
            if (c.key.empty()) {
                doc.remove_value(schema::slot::collapse);
                ++marks.unmarked;
            } else {
                doc.add_value(schema::slot::collapse, c.key);
                ++marks.marked;
            }
            db.replace_document(c.docid, doc);
            changed = true;
        }
        if (i == 0 && copies_pending(db)) {
            db.set_metadata(std::string(schema::kCopiesPendingKey), "");
            changed = true;
        }
        if (changed) db.commit();
    }
    return marks;
}

}  // namespace verbatim::index
