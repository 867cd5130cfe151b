#pragma once
// Paragraphs → statements with speaker, role, organisation, region and country.
//
// Two passes over a document. The first finds the people it names (title-and-name patterns
// in either order, transcript turns) and builds the document's cast: one entity per person,
// with the fullest name, gender, title, region and country. The second reads sentence by
// sentence: verbs of saying and their subjects (a name, a surname, a pronoun, a role noun),
// quotations and who they belong to, transcript turns, and continuations; then it merges
// consecutive sentences of one speaker and one kind into statements.

#include <verbatim/attribute/gazetteer.hpp>
#include <verbatim/corpus/document.hpp>
#include <verbatim/segment/segments.hpp>
#include <verbatim/statement.hpp>

#include <vector>

namespace verbatim::attribute {

class Attributor {
public:
    explicit Attributor(const Gazetteer& gazetteer) : m_gazetteer(gazetteer) {}

    std::vector<Statement> attribute(const corpus::RawDocument& document,
                                     const std::vector<segment::Paragraph>& paragraphs) const;

private:
    const Gazetteer& m_gazetteer;
};

}  // namespace verbatim::attribute
