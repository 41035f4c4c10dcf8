// One open SANE device. Option access is synchronous (cheap control calls); sane_start and
// sane_read run on the libuv thread pool so the JS thread never blocks on the scanner. At most one
// asynchronous call runs per device at a time; cancel() is the exception the SANE standard allows
// (it may be called while sane_read blocks in another thread).
#pragma once
#include <napi.h>
#include <sane/sane.h>
#include <atomic>

namespace sohoa::sane {

class SaneDevice : public Napi::ObjectWrap<SaneDevice> {
 public:
  static Napi::Function DefineClass(Napi::Env env);
  // Wraps an already opened handle (called by the open() worker on the JS thread).
  static Napi::Object NewInstance(Napi::Env env, SANE_Handle handle);

  explicit SaneDevice(const Napi::CallbackInfo& info);
  ~SaneDevice() override;

  SANE_Handle handle() const { return handle_; }
  void EndAsync() { busy_ = false; }

 private:
  Napi::Value Options(const Napi::CallbackInfo& info);
  Napi::Value SetOption(const Napi::CallbackInfo& info);
  Napi::Value SetAuto(const Napi::CallbackInfo& info);
  Napi::Value Parameters(const Napi::CallbackInfo& info);
  Napi::Value Start(const Napi::CallbackInfo& info);
  Napi::Value Read(const Napi::CallbackInfo& info);
  Napi::Value Cancel(const Napi::CallbackInfo& info);
  Napi::Value Close(const Napi::CallbackInfo& info);

  void RequireOpen(Napi::Env env) const;
  void BeginAsync(Napi::Env env);
  const SANE_Option_Descriptor* Descriptor(Napi::Env env, const Napi::Value& index, SANE_Int* out) const;

  SANE_Handle handle_ = nullptr;
  std::atomic<bool> busy_{false};
};

Napi::Object ParametersToJs(Napi::Env env, const SANE_Parameters& p);

}  // namespace sohoa::sane
