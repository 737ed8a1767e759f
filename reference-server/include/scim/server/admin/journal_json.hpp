// The journal's wire forms: an entry as JSON (the admin API's answer and one line of
// --journal-file) and a JournalQuery from the query parameters of
// GET /admin/v1/tenants/{t}/journal (method, path, status, since, until, kind, limit).
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "scim/protocol/error.hpp"
#include "scim/protocol/result.hpp"
#include "scim/server/admin/journal.hpp"

namespace scim::admin {

nlohmann::json to_json(const JournalEntry& entry);
nlohmann::json to_json(const JournalStats& stats);

// 400 invalidValue naming the parameter for a bad value or an unknown parameter. `max_limit`
// caps "limit" (the ring's size).
Result<JournalQuery> parse_journal_query(const std::map<std::string, std::string>& params,
                                         std::size_t max_limit);

}  // namespace scim::admin
