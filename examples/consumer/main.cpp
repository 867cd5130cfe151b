// Segments and attributes one paragraph with the installed Verbatim engine and prints who said it.
//
//   verbatim-consumer [DATA_DIR]
//
// DATA_DIR holds gazetteer/*.tsv; by default $VERBATIM_DATA, else the installed share/verbatim
// that find_package(Verbatim) reported (Verbatim_DATA_DIR).

#include <verbatim/attribute/attributor.hpp>
#include <verbatim/attribute/gazetteer.hpp>
#include <verbatim/corpus/document.hpp>
#include <verbatim/segment/segments.hpp>
#include <verbatim/statement.hpp>

#include <cstdlib>
#include <exception>
#include <iostream>
#include <string>

#ifndef VERBATIM_CONSUMER_DATA_DIR
#define VERBATIM_CONSUMER_DATA_DIR ""
#endif

int main(int argc, char* argv[]) try {
    namespace attribute = verbatim::attribute;
    std::string given = argc > 1 ? argv[1] : "";
    const char* env = std::getenv("VERBATIM_DATA");
    if (given.empty() && !(env && *env)) given = VERBATIM_CONSUMER_DATA_DIR;
    const auto data = attribute::find_data_folder(given);
    std::cout << "data: " << data.string() << '\n';

    const attribute::Gazetteer gazetteer = attribute::Gazetteer::load(data);
    const attribute::Attributor attributor(gazetteer);

    verbatim::corpus::RawDocument document;
    document.source = "example.txt";
    document.title = "A new bus route";
    document.date = "2024-06-27";
    document.paragraphs = {
        "Smolensk Region Governor Irina Kovrova said: \u201cWe will open a new bus route between "
        "Smolensk and Orsha next spring.\u201d"};

    const auto paragraphs = verbatim::segment::segment(document);
    const auto statements = attributor.attribute(document, paragraphs);
    for (const auto& s : statements) {
        std::cout << "statement: " << verbatim::to_string(s.kind) << '\n'
                  << "speaker: " << s.speaker << '\n'
                  << "role: " << s.role << '\n'
                  << "region: " << s.region << '\n'
                  << "country: " << s.country << '\n';
    }
    return statements.empty() ? 1 : 0;
} catch (const std::exception& e) {
    std::cerr << "verbatim-consumer: " << e.what() << '\n';
    return 2;
}
