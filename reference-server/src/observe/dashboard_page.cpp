// The embedded dashboard page (see dashboard_page.hpp).
#include "scim/server/observe/dashboard_page.hpp"

#include "scim/server/observe/dashboard_data.hpp"

namespace scim::observe {

std::string_view dashboard_page() {
  return dashboard_data::embedded("dashboard.html");
}

}  // namespace scim::observe
