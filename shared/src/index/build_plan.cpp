#include <verbatim/index/build_plan.hpp>

#include <verbatim/corpus/document.hpp>

#include <filesystem>
#include <set>

namespace verbatim::index {

bool is_under(const std::string& normal_path, const std::string& root_path) {
    std::string root = corpus::normal_path(root_path);
    while (root.size() > 1 && root.back() == '/') root.pop_back();
    if (root == ".") return !normal_path.empty() && normal_path[0] != '/' && normal_path.rfind("..", 0) != 0;
    if (normal_path == root) return true;
    if (root == "/") return normal_path.size() > 1 && normal_path[0] == '/';
    return normal_path.size() > root.size() && normal_path.compare(0, root.size(), root) == 0 &&
           normal_path[root.size()] == '/';
}

BuildPlan plan_build(const std::vector<std::string>& files, const std::vector<std::string>& roots,
                     const std::map<std::string, ManifestEntry>& manifest, const std::string& settings, bool force,
                     const FileProbe& probe) {
    BuildPlan plan;
    std::set<std::string> listed;
    for (const std::string& path : files) {
        PlannedFile file;
        file.path = path;
        file.entry.path = corpus::normal_path(path);
        file.entry.settings = settings;
        listed.insert(file.entry.path);
        const auto state = probe.state(path);
        if (!state) {
            file.recordable = false;
            plan.to_read.push_back(std::move(file));
            continue;
        }
        file.entry.size = state->size;
        file.entry.mtime_ns = state->mtime_ns;
        const auto known = manifest.find(file.entry.path);
        const ManifestEntry* entry = known == manifest.end() ? nullptr : &known->second;
        file.change = compare(entry, *state, settings, [&] { return file.entry.hash = probe.hash(path); });
        if (force && file.change != Change::added) file.change = Change::changed;
        if (file.change == Change::unchanged) {
            plan.unchanged.push_back(*entry);
            continue;
        }
        if (file.change == Change::touched) {
            file.entry.statements = entry->statements;
            file.entry.problems = entry->problems;
            plan.touched.push_back(std::move(file));
            continue;
        }
        if (file.entry.hash.empty()) file.entry.hash = probe.hash(path);
        file.recordable = !file.entry.hash.empty();
        plan.to_read.push_back(std::move(file));
    }
    const auto exists = probe.exists ? probe.exists : [](const std::string& p) {
        std::error_code ec;
        return std::filesystem::exists(p, ec);
    };
    for (const auto& [path, entry] : manifest) {
        if (listed.count(path)) continue;
        bool under = false;
        for (const auto& root : roots) under = under || is_under(path, root);
        if (under && !exists(path)) plan.gone.push_back(entry);
    }
    return plan;
}

}  // namespace verbatim::index
