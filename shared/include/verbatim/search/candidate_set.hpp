#pragma once
// A fixed set of documents as a Xapian posting list: the second, positional pass of the
// ranking looks at the first pass's candidates only, without a posting-list lookup per
// candidate (an OR of their id terms cost more than the whole first pass).

#include <xapian.h>

#include <memory>
#include <vector>

namespace verbatim::search {

class CandidateSet : public Xapian::PostingSource {
public:
    // `docids` are docids of `db`, which may be a database of several local shards. Remote
    // shards cannot take it (their server knows no such class): Xapian then throws
    // UnimplementedError, and the caller filters by id terms instead.
    CandidateSet(const Xapian::Database& db, std::vector<Xapian::docid> docids);

    Xapian::doccount get_termfreq_min() const override { return static_cast<Xapian::doccount>(m_local.size()); }
    Xapian::doccount get_termfreq_est() const override { return static_cast<Xapian::doccount>(m_local.size()); }
    Xapian::doccount get_termfreq_max() const override { return static_cast<Xapian::doccount>(m_local.size()); }
    Xapian::docid get_docid() const override { return m_local[m_at]; }
    void next(double min_wt) override;
    void skip_to(Xapian::docid did, double min_wt) override;
    bool check(Xapian::docid did, double min_wt) override;
    bool at_end() const override { return m_at >= m_local.size(); }
    PostingSource* clone() const override;
    void init(const Xapian::Database& shard) override;
    std::string get_description() const override;

private:
    struct Shared {
        std::vector<const void*> shards;  // the combined database's shards, in order
        std::vector<Xapian::docid> docids;  // sorted, of the combined database
    };
    explicit CandidateSet(std::shared_ptr<const Shared> shared) : m_shared(std::move(shared)) {}

    std::shared_ptr<const Shared> m_shared;
    std::vector<Xapian::docid> m_local;  // the docids in the shard init() was given
    std::size_t m_at = 0;
    bool m_started = false;
};

}  // namespace verbatim::search
