// SANE status codes as stable names ("JAMMED", "NO_DOCS", ...) that the TypeScript side maps to
// typed, localized errors. The addon never invents messages for people.
#pragma once
#include <napi.h>
#include <sane/sane.h>
#include <string>

namespace sohoa::sane {

const char* StatusName(SANE_Status status);

// A JS Error with `.status` (name) and `.saneStatus` (number) set, message naming the call.
Napi::Error StatusError(Napi::Env env, SANE_Status status, const std::string& call);

}  // namespace sohoa::sane
