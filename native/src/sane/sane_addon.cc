#include "sane_addon.h"

#include <string>
#include <vector>

#include "sane_device.h"
#include "sane_status.h"

namespace sohoa::sane {

namespace {

struct DeviceInfo {
  std::string name, vendor, model, type;
};

std::string Str(SANE_String_Const s) { return s != nullptr ? s : ""; }

void RequireInit(Napi::Env env) {
  if (!env.GetInstanceData<AddonData>()->initialized) throw Napi::Error::New(env, "sane.init() has not been called");
}

// sane_get_devices can take seconds (network backends probe the LAN), so it runs off-thread.
class DevicesWorker : public Napi::AsyncWorker {
 public:
  DevicesWorker(Napi::Env env, bool localOnly)
      : Napi::AsyncWorker(env), deferred_(Napi::Promise::Deferred::New(env)), localOnly_(localOnly) {}
  Napi::Promise Promise() const { return deferred_.Promise(); }
  void Execute() override {
    const SANE_Device** list = nullptr;
    status_ = sane_get_devices(&list, localOnly_ ? SANE_TRUE : SANE_FALSE);
    if (status_ != SANE_STATUS_GOOD) {
      SetError(sane_strstatus(status_));
      return;
    }
    for (const SANE_Device** d = list; *d != nullptr; ++d) {
      devices_.push_back({Str((*d)->name), Str((*d)->vendor), Str((*d)->model), Str((*d)->type)});
    }
  }
  void OnOK() override {
    Napi::Env env = Env();
    Napi::Array result = Napi::Array::New(env, devices_.size());
    for (size_t i = 0; i < devices_.size(); ++i) {
      Napi::Object o = Napi::Object::New(env);
      o.Set("name", devices_[i].name);
      o.Set("vendor", devices_[i].vendor);
      o.Set("model", devices_[i].model);
      o.Set("type", devices_[i].type);
      result.Set(static_cast<uint32_t>(i), o);
    }
    deferred_.Resolve(result);
  }
  void OnError(const Napi::Error&) override { deferred_.Reject(StatusError(Env(), status_, "sane_get_devices").Value()); }

 private:
  Napi::Promise::Deferred deferred_;
  bool localOnly_;
  SANE_Status status_ = SANE_STATUS_GOOD;
  std::vector<DeviceInfo> devices_;
};

// sane_open talks to the device (USB claim, network connect), so it also runs off-thread.
class OpenWorker : public Napi::AsyncWorker {
 public:
  OpenWorker(Napi::Env env, std::string name)
      : Napi::AsyncWorker(env), deferred_(Napi::Promise::Deferred::New(env)), name_(std::move(name)) {}
  Napi::Promise Promise() const { return deferred_.Promise(); }
  void Execute() override {
    status_ = sane_open(name_.c_str(), &handle_);
    if (status_ != SANE_STATUS_GOOD) SetError(sane_strstatus(status_));
  }
  void OnOK() override { deferred_.Resolve(SaneDevice::NewInstance(Env(), handle_)); }
  void OnError(const Napi::Error&) override {
    deferred_.Reject(StatusError(Env(), status_, "sane_open(" + name_ + ")").Value());
  }

 private:
  Napi::Promise::Deferred deferred_;
  std::string name_;
  SANE_Handle handle_ = nullptr;
  SANE_Status status_ = SANE_STATUS_GOOD;
};

Napi::Value InitSane(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  AddonData* data = env.GetInstanceData<AddonData>();
  SANE_Int version = 0;
  if (!data->initialized) {
    SANE_Status status = sane_init(&version, nullptr);
    if (status != SANE_STATUS_GOOD) throw StatusError(env, status, "sane_init");
    data->initialized = true;
  }
  Napi::Object result = Napi::Object::New(env);
  result.Set("major", SANE_VERSION_MAJOR(version));
  result.Set("minor", SANE_VERSION_MINOR(version));
  result.Set("build", SANE_VERSION_BUILD(version));
  return result;
}

Napi::Value ExitSane(const Napi::CallbackInfo& info) {
  AddonData* data = info.Env().GetInstanceData<AddonData>();
  if (data->initialized) {
    sane_exit();
    data->initialized = false;
  }
  return info.Env().Undefined();
}

Napi::Value GetDevices(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  RequireInit(env);
  bool localOnly = info.Length() > 0 && info[0].ToBoolean().Value();
  auto* worker = new DevicesWorker(env, localOnly);
  worker->Queue();
  return worker->Promise();
}

Napi::Value Open(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  RequireInit(env);
  if (info.Length() < 1 || !info[0].IsString()) throw Napi::TypeError::New(env, "open(name) needs a device name");
  auto* worker = new OpenWorker(env, info[0].As<Napi::String>().Utf8Value());
  worker->Queue();
  return worker->Promise();
}

}  // namespace

Napi::Object Init(Napi::Env env) {
  auto* data = new AddonData();
  data->deviceClass = Napi::Persistent(SaneDevice::DefineClass(env));
  env.SetInstanceData<AddonData>(data);

  Napi::Object sane = Napi::Object::New(env);
  sane.Set("init", Napi::Function::New(env, InitSane, "init"));
  sane.Set("exit", Napi::Function::New(env, ExitSane, "exit"));
  sane.Set("getDevices", Napi::Function::New(env, GetDevices, "getDevices"));
  sane.Set("open", Napi::Function::New(env, Open, "open"));
  return sane;
}

}  // namespace sohoa::sane
