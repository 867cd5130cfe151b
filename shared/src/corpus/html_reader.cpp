#include <verbatim/corpus/readers.hpp>

#include <verbatim/corpus/dates.hpp>
#include <verbatim/corpus/html_nesting.hpp>
#include <verbatim/text/unicode.hpp>

#include <gumbo.h>

#include <cstring>
#include <memory>
#include <vector>

namespace verbatim::corpus {

namespace {

const char* attribute(const GumboNode* node, const char* name) {
    if (node->type != GUMBO_NODE_ELEMENT) return nullptr;
    const GumboAttribute* a = gumbo_get_attribute(&node->v.element.attributes, name);
    return a ? a->value : nullptr;
}

bool has_class(const GumboNode* node, const char* word) {
    const char* classes = attribute(node, "class");
    return classes && std::strstr(classes, word) != nullptr;
}

// Depth-first over `root` and what it holds, in document order, with a stack of its own
// rather than the call stack (a page may nest elements a thousand deep): `enter(node)` for each
// node, true to go into an element's children; `leave(element)` after them.
template <typename Enter, typename Leave>
void walk(const GumboNode* root, const Enter& enter, const Leave& leave) {
    struct Open {
        const GumboNode* element;
        unsigned next_child;
    };
    std::vector<Open> open;
    auto visit = [&](const GumboNode* node) {
        if (enter(node) && node->type == GUMBO_NODE_ELEMENT) open.push_back({node, 0});
    };
    visit(root);
    while (!open.empty()) {
        const GumboVector& children = open.back().element->v.element.children;
        if (open.back().next_child == children.length) {
            const GumboNode* done = open.back().element;
            open.pop_back();
            leave(done);
            continue;
        }
        visit(static_cast<const GumboNode*>(children.data[open.back().next_child++]));
    }
}

// The first element, in document order, that satisfies `match`.
template <typename Match>
const GumboNode* find(const GumboNode* root, const Match& match) {
    const GumboNode* hit = nullptr;
    walk(
        root,
        [&](const GumboNode* node) {
            if (hit || node->type != GUMBO_NODE_ELEMENT) return false;
            if (match(node)) hit = node;
            return !hit;
        },
        [](const GumboNode*) {});
    return hit;
}

template <typename Visit>
void for_each_element(const GumboNode* root, const Visit& visit) {
    walk(
        root,
        [&](const GumboNode* node) {
            if (node->type != GUMBO_NODE_ELEMENT) return false;
            visit(node);
            return true;
        },
        [](const GumboNode*) {});
}

// Subtrees that are never article text: code, navigation, media and their captions.
bool is_chrome(const GumboNode* node) {
    switch (node->v.element.tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_NAV:
    case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER: case GUMBO_TAG_ASIDE: case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_FORM: case GUMBO_TAG_BUTTON: case GUMBO_TAG_SELECT:
    case GUMBO_TAG_IFRAME: case GUMBO_TAG_SVG: case GUMBO_TAG_TEMPLATE:
        return true;
    default:
        break;
    }
    const char* role = attribute(node, "role");
    if (role && (!std::strcmp(role, "navigation") || !std::strcmp(role, "listbox"))) return true;
    return has_class(node, "slider") || has_class(node, "caption") || has_class(node, "masha-ignore");
}

bool is_block(GumboTag tag) {
    switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_LI: case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5:
    case GUMBO_TAG_H6: case GUMBO_TAG_TR: case GUMBO_TAG_BR: case GUMBO_TAG_PRE: case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE: case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_TABLE:
        return true;
    default:
        return false;
    }
}

// Text of a subtree; every block element starts a new paragraph.
void collect(const GumboNode* root, std::string& current, std::vector<std::string>& out) {
    auto flush = [&] {
        std::string p = text::squeeze_spaces(current);
        if (!p.empty()) out.push_back(std::move(p));
        current.clear();
    };
    walk(
        root,
        [&](const GumboNode* node) {
            if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE) {
                current += node->v.text.text;
                return false;
            }
            if (node->type != GUMBO_NODE_ELEMENT || is_chrome(node)) return false;
            if (is_block(node->v.element.tag)) flush();
            return true;
        },
        [&](const GumboNode* element) {
            if (is_block(element->v.element.tag)) flush();
        });
}

std::string text_of(const GumboNode* node) {
    std::string current;
    std::vector<std::string> parts;
    collect(node, current, parts);
    std::string joined;
    for (const auto& p : parts) joined += (joined.empty() ? "" : " ") + p;
    return text::squeeze_spaces(joined + " " + current);
}

const GumboNode* meta_named(const GumboNode* root, const char* key, const char* value) {
    return find(root, [&](const GumboNode* n) {
        const char* k = attribute(n, key);
        return n->v.element.tag == GUMBO_TAG_META && k && !std::strcmp(k, value);
    });
}

}  // namespace

void read_html_file(const std::string& path, std::string_view content, const DocumentSink& sink,
                    const ProblemSink& problems) {
    content = text::strip_bom(content);
    if (auto bad = text::find_invalid_utf8(content)) {
        const auto line = 1 + std::count(content.begin(), content.begin() + static_cast<std::ptrdiff_t>(*bad), '\n');
        problems({path, static_cast<std::size_t>(line), Severity::problem,
                  "invalid UTF-8 in an HTML page; nothing of this file indexed"});
        return;
    }
    const std::optional<FlattenedHtml> flat = flatten_html_nesting(content);
    if (flat) {
        problems({path, flat->first_line, Severity::problem,
                  "elements nested more than " + std::to_string(kMaxHtmlDepth) + " deep; the " +
                      std::to_string(flat->tags_left_out) + " tags past that depth are left out, their text kept"});
        content = flat->html;
    }
    std::unique_ptr<GumboOutput, void (*)(GumboOutput*)> output(
        gumbo_parse_with_options(&kGumboDefaultOptions, content.data(), content.size()),
        [](GumboOutput* o) { gumbo_destroy_output(&kGumboDefaultOptions, o); });
    const GumboNode* root = output->root;

    // The article: schema.org articleBody, else <article>, else <main>, else <body>.
    const GumboNode* main = find(root, [](const GumboNode* n) {
        const char* prop = attribute(n, "itemprop");
        return prop && !std::strcmp(prop, "articleBody");
    });
    if (!main) main = find(root, [](const GumboNode* n) { return n->v.element.tag == GUMBO_TAG_ARTICLE; });
    if (!main) main = find(root, [](const GumboNode* n) { return n->v.element.tag == GUMBO_TAG_MAIN; });
    if (!main) main = find(root, [](const GumboNode* n) { return n->v.element.tag == GUMBO_TAG_BODY; });

    RawDocument doc;
    doc.source = path;
    doc.line = 1;
    // The lead (schema.org description, as an element, not a meta tag) opens the article when
    // it stands outside the article body.
    const GumboNode* lead = find(root, [](const GumboNode* n) {
        const char* prop = attribute(n, "itemprop");
        return prop && !std::strcmp(prop, "description") && n->v.element.tag != GUMBO_TAG_META;
    });
    if (lead && main && !find(main, [&](const GumboNode* n) { return n == lead; })) {
        std::string current;
        collect(lead, current, doc.paragraphs);
        std::string rest = text::squeeze_spaces(current);
        if (!rest.empty()) doc.paragraphs.push_back(rest);
    }
    if (main) {
        std::string current;
        collect(main, current, doc.paragraphs);
        std::string rest = text::squeeze_spaces(current);
        if (!rest.empty()) doc.paragraphs.push_back(rest);
    }
    if (const GumboNode* h1 = find(root, [](const GumboNode* n) { return n->v.element.tag == GUMBO_TAG_H1; }))
        doc.title = text_of(h1);
    if (doc.title.empty())
        if (const GumboNode* t = find(root, [](const GumboNode* n) { return n->v.element.tag == GUMBO_TAG_TITLE; }))
            doc.title = text_of(t);
    // Date: <time datetime>, then the usual meta tags, then the file name.
    for_each_element(root, [&](const GumboNode* n) {
        if (!doc.date.empty()) return;
        if (n->v.element.tag == GUMBO_TAG_TIME)
            if (const char* dt = attribute(n, "datetime")) doc.date = normalize_date(dt);
    });
    for (const auto& [key, value] : {std::pair{"property", "article:published_time"},
                                     std::pair{"itemprop", "datePublished"},
                                     std::pair{"property", "ya:ovs:upload_date"},
                                     std::pair{"name", "date"}}) {
        if (!doc.date.empty()) break;
        if (const GumboNode* m = meta_named(root, key, value))
            if (const char* c = attribute(m, "content")) doc.date = normalize_date(c);
    }
    if (doc.date.empty()) doc.date = date_from_file_name(path);
    if (const GumboNode* m = meta_named(root, "property", "og:url"))
        if (const char* c = attribute(m, "content")) doc.url = c;
    if (doc.paragraphs.empty()) {
        problems({path, 0, Severity::problem, "no article text found in the HTML page; nothing indexed"});
        return;
    }
    sink(std::move(doc));
}

}  // namespace verbatim::corpus
