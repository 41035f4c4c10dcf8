#pragma once
#include <napi.h>

namespace sohoa::sane {

// Builds the `sane` export: init, exit, getDevices, open.
Napi::Object Init(Napi::Env env);

// Per-environment data: the device class constructor (an addon may load in several contexts).
struct AddonData {
  Napi::FunctionReference deviceClass;
  bool initialized = false;
};

}  // namespace sohoa::sane
