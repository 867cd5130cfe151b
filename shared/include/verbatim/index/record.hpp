#pragma once
// The statement as stored in a Xapian document's data: a compact binary record (schema
// version 3), about half the size of the statement's JSON. docs/schema.md gives the layout.

#include <verbatim/statement.hpp>

#include <string>
#include <string_view>

namespace verbatim::index {

std::string encode_record(const Statement& statement);

// Throws IndexError when the bytes are not a record of this version.
Statement decode_record(std::string_view bytes);

}  // namespace verbatim::index
