#include <verbatim/segment/segments.hpp>

#include <verbatim/text/unicode.hpp>

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <algorithm>
#include <array>
#include <memory>
#include <mutex>

namespace verbatim::segment {

namespace {

// Words that end with a full stop without ending a sentence (compared without the stop).
constexpr std::array<std::string_view, 44> kAbbreviations = {
    "Mr", "Mrs", "Ms", "Dr", "St", "Sen", "Sens", "Rep", "Reps", "Gov", "Lt", "Gen", "Col",
    "Maj", "Capt", "Sgt", "Jr", "Sr", "Prof", "Rev", "Hon", "Gen", "No", "Nos", "Inc", "Co",
    "Corp", "Ltd", "vs", "etc", "approx", "Jan", "Feb", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec",
    "Mt", "Ft", "Pres", "Dept", "Univ"};

// The last word before the full stop that ends `sentence`.
std::string_view last_word(std::string_view sentence) {
    while (!sentence.empty() && (sentence.back() == ' ' || sentence.back() == '\n')) sentence.remove_suffix(1);
    if (sentence.empty() || sentence.back() != '.') return {};
    sentence.remove_suffix(1);
    const std::size_t space = sentence.find_last_of(" (\"\n");
    std::string_view word = space == std::string_view::npos ? sentence : sentence.substr(space + 1);
    // An opening quotation mark glued to the word: “A. «Gov. „U.S.
    for (std::string_view mark : {"\xE2\x80\x9C", "\xC2\xAB", "\xE2\x80\x9E", "\xE2\x80\x98", "'"})
        if (word.starts_with(mark)) word.remove_prefix(mark.size());
    return word;
}

// A full stop that does not end the sentence: an abbreviation, an initial ("A. Beglov"),
// or a dotted acronym ("U.S.", "D.C.") followed by a capitalised word.
bool false_stop(std::string_view sentence, std::string_view following) {
    const std::string_view word = last_word(sentence);
    if (word.empty()) return false;
    // "Sen.", "SEN.", "sen." alike.
    const auto same = [&](std::string_view a) {
        return a.size() == word.size() && std::equal(a.begin(), a.end(), word.begin(), [](char x, char y) {
                   return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
               });
    };
    if (std::any_of(kAbbreviations.begin(), kAbbreviations.end(), same)) return true;
    const bool initial = word.size() == 1 && std::isupper(static_cast<unsigned char>(word[0]));
    const bool dotted = word.size() >= 3 && word[1] == '.' && std::isupper(static_cast<unsigned char>(word[0]));
    if (!initial && !dotted) return false;
    // "U.S." can end a sentence: merge only when a name-like word follows.
    const std::size_t i = following.find_first_not_of(' ');
    if (i == std::string_view::npos) return false;
    const bool capital = std::isupper(static_cast<unsigned char>(following[i]));
    if (initial) return capital;
    const std::size_t end = following.find_first_of(" .,", i);
    const std::string_view next = following.substr(i, end == std::string_view::npos ? following.size() - i : end - i);
    static constexpr std::array<std::string_view, 12> kAfterAcronym = {
        "Senator", "Senate", "Sen", "Rep", "Representative", "Congress", "House", "Department",
        "Government", "Attorney", "Army", "Navy"};
    return std::find(kAfterAcronym.begin(), kAfterAcronym.end(), next) != kAfterAcronym.end();
}

// “Is it running?” she asked. — no sentence begins with a lower-case letter.
bool starts_lower_case(std::string_view following) {
    const std::size_t i = following.find_first_not_of(' ');
    return i != std::string_view::npos && std::islower(static_cast<unsigned char>(following[i]));
}

class SentenceBreaker {
public:
    SentenceBreaker() {
        UErrorCode status = U_ZERO_ERROR;
        m_iterator.reset(icu::BreakIterator::createSentenceInstance(icu::Locale("en@ss=standard"), status));
        if (U_FAILURE(status)) {
            status = U_ZERO_ERROR;
            m_iterator.reset(icu::BreakIterator::createSentenceInstance(icu::Locale::getEnglish(), status));
        }
    }
    std::vector<std::size_t> boundaries(std::string_view text) {
        std::vector<std::size_t> out;
        UErrorCode status = U_ZERO_ERROR;
        UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
        if (U_FAILURE(status) || !m_iterator) return {text.size()};
        m_iterator->setText(ut, status);
        for (int32_t b = m_iterator->next(); b != icu::BreakIterator::DONE; b = m_iterator->next())
            out.push_back(static_cast<std::size_t>(b));
        utext_close(ut);
        return out;
    }

private:
    std::unique_ptr<icu::BreakIterator> m_iterator;
};

}  // namespace

std::vector<Range> split_sentences(std::string_view paragraph) {
    thread_local SentenceBreaker breaker;
    std::vector<Range> sentences;
    std::size_t begin = 0;
    for (std::size_t boundary : breaker.boundaries(paragraph)) {
        if (boundary <= begin) continue;
        if (boundary < paragraph.size() &&
            (false_stop(paragraph.substr(begin, boundary - begin), paragraph.substr(boundary)) ||
             starts_lower_case(paragraph.substr(boundary))))
            continue;
        sentences.push_back({begin, boundary});
        begin = boundary;
    }
    if (begin < paragraph.size()) sentences.push_back({begin, paragraph.size()});
    // Trailing spaces belong to no sentence.
    for (Range& r : sentences)
        while (r.end > r.begin && paragraph[r.end - 1] == ' ') --r.end;
    return sentences;
}

std::vector<Paragraph> segment(const corpus::RawDocument& document) {
    std::vector<Paragraph> out;
    out.reserve(document.paragraphs.size());
    std::size_t offset = 0;
    bool continues = false;
    for (const std::string& text : document.paragraphs) {
        Paragraph p;
        p.text = text;
        p.body_offset = offset;
        p.sentences = split_sentences(text);
        p.quotes = find_quotes(text, continues);
        continues = !p.quotes.empty() && p.quotes.back().open_at_end;
        offset += text::count_code_points(text) + 1;
        out.push_back(std::move(p));
    }
    return out;
}

}  // namespace verbatim::segment
