// The one translation unit that compiles Boost.Asio, Asio SSL and Beast themselves
// (BOOST_ASIO_SEPARATE_COMPILATION / BOOST_BEAST_SEPARATE_COMPILATION), so the other HTTP
// sources only parse declarations and the build stays fast.
#include <utility>  // GCC 12 + Boost 1.74 in C++20: must precede Asio headers

#include <boost/asio/impl/src.hpp>
#include <boost/asio/ssl/impl/src.hpp>
#include <boost/beast/src.hpp>
