#include <verbatim/index/record.hpp>

#include <verbatim/corpus/document.hpp>
#include <verbatim/error.hpp>
#include <verbatim/text/unicode.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace verbatim::index {

namespace {

constexpr char kRecordVersion = 1;
constexpr std::string_view kGiven = "given in the input";  // the evidence of every format 3 statement

// How the id is written: most ids repeat what the record holds anyway.
enum IdForm : unsigned char {
    id_in_document = 0,  // "<doc>-<paragraph>-<n>": n follows
    id_in_file = 1,      // "<hash of the source path>-<given id>": the given id follows
    id_as_is = 2,
};

void put_number(std::string& out, std::uint64_t n) {  // LEB128: 7 bits a byte, low bits first
    do {
        const auto low = static_cast<unsigned char>(n & 0x7f);
        n >>= 7;
        out.push_back(static_cast<char>(n ? low | 0x80 : low));
    } while (n);
}

void put_string(std::string& out, std::string_view s) {
    put_number(out, s.size());
    out.append(s);
}

class Reader {
public:
    explicit Reader(std::string_view bytes) : m_bytes(bytes) {}
    std::uint64_t number() {
        std::uint64_t n = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            const auto byte = static_cast<unsigned char>(take(1)[0]);
            n |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
            if (!(byte & 0x80)) return n;
        }
        throw IndexError("statement record: a number longer than 64 bits");
    }
    std::string string() {
        const std::uint64_t size = number();
        return std::string(take(size));
    }
    std::string_view take(std::uint64_t size) {
        if (size > m_bytes.size() - m_at) throw IndexError("statement record: truncated");
        const std::string_view out = m_bytes.substr(m_at, size);
        m_at += size;
        return out;
    }
    bool done() const { return m_at == m_bytes.size(); }

private:
    std::string_view m_bytes;
    std::size_t m_at = 0;
};

}  // namespace

// version, then the fields in this order: strings as length + bytes, numbers as LEB128.
std::string encode_record(const Statement& s) {
    std::string out;
    out.reserve(s.text.size() + s.source.size() + s.title.size() + 96);
    out.push_back(kRecordVersion);
    put_string(out, s.source);
    const std::string doc_bytes = text::hex_to_bytes(s.doc);
    if (doc_bytes.empty()) {
        out.push_back(0);
        put_string(out, s.doc);
    } else {
        out.push_back(1);
        out += doc_bytes;
    }
    put_number(out, s.paragraph);
    const std::string in_document = s.doc + "-" + std::to_string(s.paragraph) + "-";
    const std::string in_file = text::stable_hash(corpus::normal_path(s.source)) + "-";
    const std::string_view id = s.id;
    const std::string_view tail = id.substr(std::min(id.size(), in_document.size()));
    if (id.starts_with(in_document) && !tail.empty() && tail.size() < 10 &&
        tail.find_first_not_of("0123456789") == std::string_view::npos && (tail == "0" || tail[0] != '0')) {
        out.push_back(id_in_document);
        put_number(out, std::stoull(std::string(tail)));
    } else if (id.starts_with(in_file)) {
        out.push_back(id_in_file);
        put_string(out, id.substr(in_file.size()));
    } else {
        out.push_back(id_as_is);
        put_string(out, id);
    }
    put_number(out, s.start);
    put_number(out, s.end);
    put_string(out, s.text);
    put_number(out, static_cast<std::uint64_t>(s.kind));
    for (const std::string* field : {&s.speaker, &s.role, &s.organisation, &s.region, &s.country, &s.date, &s.title, &s.url})
        put_string(out, *field);
    put_number(out, s.quotes.size());
    for (const Span& q : s.quotes) {
        put_number(out, q.start);
        put_number(out, q.end);
    }
    put_number(out, s.mentions.size());
    for (const std::string& m : s.mentions) put_string(out, m);
    if (s.evidence == kGiven) {
        out.push_back(1);
    } else {
        out.push_back(0);
        put_string(out, s.evidence);
    }
    put_number(out, static_cast<std::uint64_t>(std::lround(std::clamp(s.confidence, 0.0, 1.0) * 1000)));
    return out;
}

Statement decode_record(std::string_view bytes) {
    Reader in(bytes);
    if (in.take(1)[0] != kRecordVersion) throw IndexError("statement record of an unknown version; rebuild the index");
    Statement s;
    s.source = in.string();
    s.doc = in.take(1)[0] ? text::bytes_to_hex(in.take(8)) : in.string();
    s.paragraph = in.number();
    switch (in.take(1)[0]) {
    case id_in_document: s.id = s.doc + "-" + std::to_string(s.paragraph) + "-" + std::to_string(in.number()); break;
    case id_in_file: s.id = text::stable_hash(corpus::normal_path(s.source)) + "-" + in.string(); break;
    case id_as_is: s.id = in.string(); break;
    default: throw IndexError("statement record: unknown form of id");
    }
    s.start = in.number();
    s.end = in.number();
    s.text = in.string();
    const std::uint64_t kind = in.number();
    if (kind > static_cast<std::uint64_t>(Kind::narrative)) throw IndexError("statement record: unknown kind");
    s.kind = static_cast<Kind>(kind);
    for (std::string* field : {&s.speaker, &s.role, &s.organisation, &s.region, &s.country, &s.date, &s.title, &s.url})
        *field = in.string();
    for (std::uint64_t n = in.number(); n > 0; --n) {
        Span q;
        q.start = in.number();
        q.end = in.number();
        s.quotes.push_back(q);
    }
    for (std::uint64_t n = in.number(); n > 0; --n) s.mentions.push_back(in.string());
    s.evidence = in.take(1)[0] ? std::string(kGiven) : in.string();
    s.confidence = static_cast<double>(in.number()) / 1000.0;
    if (!in.done()) throw IndexError("statement record: bytes after the last field");
    return s;
}

}  // namespace verbatim::index
