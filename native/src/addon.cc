// Module entry of the scanner addon: exports `sane` on Linux/macOS and `twain` on Windows.
// Everything platform-specific lives in its own folder; this file only wires them.
#include <napi.h>

#ifdef SOHOA_SANE
#include "sane/sane_addon.h"
#endif
#ifdef SOHOA_TWAIN
#include "twain/twain_addon.h"
#endif

static Napi::Object Init(Napi::Env env, Napi::Object exports) {
#ifdef SOHOA_SANE
  exports.Set("sane", sohoa::sane::Init(env));
#endif
#ifdef SOHOA_TWAIN
  exports.Set("twain", sohoa::twain::Init(env));
#endif
  return exports;
}

NODE_API_MODULE(sohoa_scanner, Init)
