// The one translation unit that compiles Boost.Asio and Beast themselves for scim-mcp
// (BOOST_ASIO_SEPARATE_COMPILATION / BOOST_BEAST_SEPARATE_COMPILATION).
#include <utility>  // GCC 12 + Boost 1.74 in C++20: must precede Asio headers

#include <boost/asio/impl/src.hpp>
#include <boost/beast/src.hpp>
