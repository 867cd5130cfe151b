#include <verbatim/search/candidate_set.hpp>

#include <algorithm>

namespace verbatim::search {

CandidateSet::CandidateSet(const Xapian::Database& db, std::vector<Xapian::docid> docids) {
    auto shared = std::make_shared<Shared>();
    for (const auto& shard : db.internal) shared->shards.push_back(shard.get());
    std::sort(docids.begin(), docids.end());
    docids.erase(std::unique(docids.begin(), docids.end()), docids.end());
    shared->docids = std::move(docids);
    m_shared = std::move(shared);
}

Xapian::PostingSource* CandidateSet::clone() const { return new CandidateSet(m_shared); }

// Xapian hands each shard of a combined database its own clone; the combined docid g lives in
// shard (g - 1) % n as docid (g - 1) / n + 1.
void CandidateSet::init(const Xapian::Database& shard) {
    m_local.clear();
    m_at = 0;
    m_started = false;
    const std::size_t n = m_shared->shards.size();
    std::size_t index = 0;
    if (n > 1) {
        const void* self = shard.internal.empty() ? nullptr : shard.internal.front().get();
        const auto found = std::find(m_shared->shards.begin(), m_shared->shards.end(), self);
        if (found == m_shared->shards.end()) return;  // not one of ours: nothing matches
        index = static_cast<std::size_t>(found - m_shared->shards.begin());
    }
    for (Xapian::docid g : m_shared->docids)
        if ((g - 1) % n == index) m_local.push_back((g - 1) / static_cast<Xapian::docid>(n) + 1);
}

void CandidateSet::next(double) {
    if (m_started) ++m_at;
    m_started = true;
}

void CandidateSet::skip_to(Xapian::docid did, double) {
    m_started = true;
    m_at = static_cast<std::size_t>(std::lower_bound(m_local.begin() + static_cast<std::ptrdiff_t>(m_at), m_local.end(), did) -
                                    m_local.begin());
}

bool CandidateSet::check(Xapian::docid did, double min_wt) {
    skip_to(did, min_wt);
    return true;  // positioned exactly: at did, or past it when did is not a candidate
}

std::string CandidateSet::get_description() const {
    return "CandidateSet(" + std::to_string(m_shared->docids.size()) + " documents)";
}

}  // namespace verbatim::search
