#pragma once
#include <napi.h>

namespace sohoa::twain {

// Builds the `twain` export with the same shape as `sane` (init, exit, getDevices, open → a
// device with options/setOption/start/read/cancel/close), so the scanner host drives both alike.
Napi::Object Init(Napi::Env env);

}  // namespace sohoa::twain
