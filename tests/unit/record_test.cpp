// index::encode_record / decode_record: the statement as document data, every field kept.

#include <verbatim/error.hpp>
#include <verbatim/index/record.hpp>
#include <verbatim/text/unicode.hpp>

#include <gtest/gtest.h>

namespace verbatim {
namespace {

Statement full() {
    Statement s;
    s.source = "press/2024-06-27-ferry.txt";
    s.doc = "8a2d19454040a24d";
    s.paragraph = 3;
    s.id = "8a2d19454040a24d-3-12";
    s.start = 1200;
    s.end = 1261;
    s.text = "\u201cWe will order two new ferries for the islands,\u201d she said.";
    s.kind = Kind::reported;
    s.speaker = "Mair\u00ed Ross";
    s.role = "Harbour Master";
    s.organisation = "Portree Harbour Trust";
    s.region = "Highland";
    s.country = "United Kingdom";
    s.date = "2024-06-27";
    s.title = "Island ferry keeps its evening crossing";
    s.url = "https://example.org/ferry";
    s.quotes = {{1200, 1248}, {1250, 1255}};
    s.mentions = {"Orkney", "Shetland"};
    s.evidence = "pronoun 'she' \u2192 Mair\u00ed Ross, the subject before it";
    s.confidence = 0.85;
    return s;
}

TEST(Record, RoundTripsEveryField) {
    const Statement s = full();
    EXPECT_EQ(index::decode_record(index::encode_record(s)), s);
}

TEST(Record, RoundTripsEachFormOfId) {
    Statement s = full();
    for (const std::string& id : {std::string("8a2d19454040a24d-3-0"), std::string("8a2d19454040a24d-3-007"),
                                  text::stable_hash("press/2024-06-27-ferry.txt") + "-ungd-2020-USA-0003",
                                  std::string("someone-else's-id"), std::string("")}) {
        s.id = id;
        EXPECT_EQ(index::decode_record(index::encode_record(s)).id, id);
    }
    s.doc = "not-hex";
    s.id = "not-hex-3-1";
    EXPECT_EQ(index::decode_record(index::encode_record(s)), s);
}

TEST(Record, RoundTripsEmptyAndGivenStatements) {
    Statement empty;
    EXPECT_EQ(index::decode_record(index::encode_record(empty)), empty);
    Statement given = full();
    given.evidence = "given in the input";
    given.confidence = 1.0;
    given.quotes.clear();
    given.mentions.clear();
    EXPECT_EQ(index::decode_record(index::encode_record(given)), given);
    EXPECT_LT(index::encode_record(given).size(), index::encode_record(full()).size());
}

TEST(Record, DamagedBytesAreRefused) {
    const std::string bytes = index::encode_record(full());
    EXPECT_THROW(index::decode_record(""), IndexError);
    EXPECT_THROW(index::decode_record(bytes.substr(0, bytes.size() / 2)), IndexError);
    EXPECT_THROW(index::decode_record(bytes + "x"), IndexError);
    EXPECT_THROW(index::decode_record("{\"id\":\"a\"}"), IndexError);  // the JSON of schema 2
}

}  // namespace
}  // namespace verbatim
