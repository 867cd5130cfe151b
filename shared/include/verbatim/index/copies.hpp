#pragma once
// Copies of one statement (the same folded text in several releases, or twice in one) share a
// collapse key. Every statement carries its key as a term (XCOL), but only a statement that
// has a copy carries it in value slot 6, which the searcher collapses on: a statement without
// copies then costs the match no value to decode, and the index no value. mark_copies brings
// slot 6 up to date once a build has written its statements.

#include <xapian.h>

#include <cstddef>
#include <string>
#include <vector>

namespace verbatim::index {

struct CopyMarks {
    std::size_t keys_shared = 0;  // collapse keys held by two or more statements
    std::size_t marked = 0;       // statements that got their key in slot 6
    std::size_t unmarked = 0;     // statements whose copies are gone: slot 6 cleared
};

// Over the databases that make up one index (its shards or parallel parts, in the stub's
// order): sets slot 6 on every statement whose key another statement shares, clears it on the
// others, and commits each database it changed, the first one last. No other writer may hold
// the databases.
CopyMarks mark_copies(const std::vector<std::string>& databases);

// A build notes in its first database that copies wait to be marked (with its first commit),
// and mark_copies removes the note: a build stopped in between is finished by the next one.
bool copies_pending(const Xapian::Database& first);
void set_copies_pending(Xapian::WritableDatabase& first);

}  // namespace verbatim::index
