# Every dependency comes from Debian's packages; nothing is downloaded at build time.
find_package(Xapian REQUIRED)                       # libxapian-dev: the index
if(NOT TARGET Xapian::Xapian)
  add_library(Xapian::Xapian INTERFACE IMPORTED)
  set_target_properties(Xapian::Xapian PROPERTIES
    INTERFACE_INCLUDE_DIRECTORIES "${XAPIAN_INCLUDE_DIR}"
    INTERFACE_LINK_LIBRARIES "${XAPIAN_LIBRARIES}")
endif()
find_package(Boost 1.74 REQUIRED COMPONENTS program_options)   # command lines
find_package(spdlog REQUIRED)                       # logging to stderr
find_package(ICU REQUIRED COMPONENTS uc i18n)       # sentence breaks, case folding, UTF-8
find_package(nlohmann_json 3 REQUIRED)
find_package(ZLIB REQUIRED)                         # zlib1g-dev: JSON Lines read straight from .gz              # JSON Lines in and out
find_package(PkgConfig REQUIRED)
pkg_check_modules(GUMBO REQUIRED IMPORTED_TARGET gumbo)   # HTML5 parsing of saved web pages
find_library(CSV_LIBRARY NAMES csv REQUIRED)        # libcsv: RFC 4180 CSV parsing
find_path(CSV_INCLUDE_DIR NAMES csv.h REQUIRED)
add_library(Csv::Csv INTERFACE IMPORTED)
set_target_properties(Csv::Csv PROPERTIES
  INTERFACE_INCLUDE_DIRECTORIES "${CSV_INCLUDE_DIR}"
  INTERFACE_LINK_LIBRARIES "${CSV_LIBRARY}")
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)  # libcpp-httplib-dev: the HTTP server
find_package(Threads REQUIRED)
