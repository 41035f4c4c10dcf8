#include "sane_status.h"

namespace sohoa::sane {

const char* StatusName(SANE_Status status) {
  switch (status) {
    case SANE_STATUS_GOOD: return "GOOD";
    case SANE_STATUS_UNSUPPORTED: return "UNSUPPORTED";
    case SANE_STATUS_CANCELLED: return "CANCELLED";
    case SANE_STATUS_DEVICE_BUSY: return "DEVICE_BUSY";
    case SANE_STATUS_INVAL: return "INVAL";
    case SANE_STATUS_EOF: return "EOF";
    case SANE_STATUS_JAMMED: return "JAMMED";
    case SANE_STATUS_NO_DOCS: return "NO_DOCS";
    case SANE_STATUS_COVER_OPEN: return "COVER_OPEN";
    case SANE_STATUS_IO_ERROR: return "IO_ERROR";
    case SANE_STATUS_NO_MEM: return "NO_MEM";
    case SANE_STATUS_ACCESS_DENIED: return "ACCESS_DENIED";
    default: return "UNKNOWN";
  }
}

Napi::Error StatusError(Napi::Env env, SANE_Status status, const std::string& call) {
  Napi::Error error = Napi::Error::New(env, call + ": " + sane_strstatus(status));
  error.Set("status", Napi::String::New(env, StatusName(status)));
  error.Set("saneStatus", Napi::Number::New(env, static_cast<double>(status)));
  return error;
}

}  // namespace sohoa::sane
