#ifdef _WIN32
#include "twain_addon.h"

#include <memory>

#include "twain_session.h"

namespace sohoa::twain {

namespace {

struct AddonData {
  std::unique_ptr<TwainSession> session;
  Napi::FunctionReference deviceClass;
};

Napi::Error Failure(Napi::Env env, const std::string& status, const std::string& message) {
  Napi::Error error = Napi::Error::New(env, message);
  error.Set("status", status);
  return error;
}

TwainSession& Session(Napi::Env env) {
  AddonData* data = env.GetInstanceData<AddonData>();
  if (!data->session) throw Napi::Error::New(env, "twain.init() has not been called");
  return *data->session;
}

// Runs a blocking session call on the libuv pool and settles a promise with its result.
class Worker : public Napi::AsyncWorker {
 public:
  using Body = std::function<void()>;
  using Result = std::function<Napi::Value(Napi::Env)>;
  Worker(Napi::Env env, Body body, Result result)
      : Napi::AsyncWorker(env), deferred_(Napi::Promise::Deferred::New(env)), body_(std::move(body)), result_(std::move(result)) {}
  Napi::Promise Promise() const { return deferred_.Promise(); }
  void Execute() override {
    try {
      body_();
    } catch (const TwainFailure& f) {
      status_ = f.status;
      SetError(f.what());
    } catch (const std::exception& e) {
      status_ = "IO_ERROR";
      SetError(e.what());
    }
  }
  void OnOK() override { deferred_.Resolve(result_(Env())); }
  void OnError(const Napi::Error& e) override { deferred_.Reject(Failure(Env(), status_, e.Message()).Value()); }

 private:
  Napi::Promise::Deferred deferred_;
  Body body_;
  Result result_;
  std::string status_;
};

Napi::Object ParamsToJs(Napi::Env env, const FrameParams& p) {
  Napi::Object o = Napi::Object::New(env);
  o.Set("format", p.format);
  o.Set("lastFrame", true);  // TWAIN delivers colour interleaved: one frame per image
  o.Set("bytesPerLine", p.bytesPerLine);
  o.Set("pixelsPerLine", p.width);
  o.Set("lines", p.lines);
  o.Set("depth", p.depth);
  return o;
}

class TwainDevice : public Napi::ObjectWrap<TwainDevice> {
 public:
  static Napi::Function Define(Napi::Env env) {
    return DefineClass(env, "TwainDevice",
                       {InstanceMethod<&TwainDevice::Options>("options"), InstanceMethod<&TwainDevice::SetOption>("setOption"),
                        InstanceMethod<&TwainDevice::SetAuto>("setAuto"), InstanceMethod<&TwainDevice::Parameters>("parameters"),
                        InstanceMethod<&TwainDevice::Start>("start"), InstanceMethod<&TwainDevice::Read>("read"),
                        InstanceMethod<&TwainDevice::Cancel>("cancel"), InstanceMethod<&TwainDevice::Close>("close")});
  }
  explicit TwainDevice(const Napi::CallbackInfo& info) : Napi::ObjectWrap<TwainDevice>(info) {}

 private:
  Napi::Value Options(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    try {
      options_ = Session(env).Options();
    } catch (const TwainFailure& f) {
      throw Failure(env, f.status, f.what());
    }
    Napi::Array out = Napi::Array::New(env, options_.size());
    for (size_t i = 0; i < options_.size(); ++i) {
      const OptionInfo& o = options_[i];
      Napi::Object d = Napi::Object::New(env);
      d.Set("index", static_cast<double>(i + 1));
      d.Set("name", o.name);
      d.Set("title", o.name);
      d.Set("description", "");
      d.Set("type", o.type);
      d.Set("unit", o.unit);
      d.Set("active", o.active);
      d.Set("settable", true);
      d.Set("automatic", false);
      d.Set("advanced", false);
      if (o.constraint == "range") {
        Napi::Object c = Napi::Object::New(env);
        c.Set("kind", "range");
        c.Set("min", o.min);
        c.Set("max", o.max);
        c.Set("quant", o.quant);
        d.Set("constraint", c);
      } else if (o.constraint == "list") {
        Napi::Object c = Napi::Object::New(env);
        Napi::Array values = Napi::Array::New(env);
        uint32_t n = 0;
        for (const auto& t : o.texts) values.Set(n++, t);
        for (double v : o.numbers) values.Set(n++, v);
        c.Set("kind", "list");
        c.Set("values", values);
        d.Set("constraint", c);
      } else {
        d.Set("constraint", env.Null());
      }
      if (o.type == "string") d.Set("value", o.text);
      else d.Set("value", o.number);
      out.Set(static_cast<uint32_t>(i), d);
    }
    return out;
  }

  Napi::Value SetOption(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    uint32_t index = info[0].ToNumber().Uint32Value();
    if (index == 0 || index > options_.size()) throw Napi::RangeError::New(env, "no option with this index");
    const OptionInfo& o = options_[index - 1];
    try {
      if (info[1].IsString()) Session(env).SetOption(o.name, 0, info[1].As<Napi::String>().Utf8Value());
      else Session(env).SetOption(o.name, info[1].ToNumber().DoubleValue(), "");
    } catch (const TwainFailure& f) {
      throw Failure(env, f.status, f.what());
    }
    Napi::Object result = Napi::Object::New(env);
    result.Set("inexact", false);
    result.Set("reloadOptions", true);
    result.Set("reloadParams", true);
    return result;
  }

  Napi::Value SetAuto(const Napi::CallbackInfo& info) {
    throw Failure(info.Env(), "UNSUPPORTED", "TWAIN capabilities have no automatic setting here");
  }

  Napi::Value Parameters(const Napi::CallbackInfo& info) { return ParamsToJs(info.Env(), params_); }

  Napi::Value Start(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    auto self = std::make_shared<Napi::ObjectReference>(Napi::Persistent(info.This().As<Napi::Object>()));
    TwainSession* session = &Session(env);
    auto* worker = new Worker(
        env, [this, session] { params_ = session->Start(); },
        [this, self](Napi::Env e) { return ParamsToJs(e, params_); });
    worker->Queue();
    return worker->Promise();
  }

  Napi::Value Read(const Napi::CallbackInfo& info) {
    Napi::Env env = info.Env();
    if (!info[0].IsBuffer()) throw Napi::TypeError::New(env, "read(buffer) needs a Buffer");
    auto buffer = std::make_shared<Napi::Reference<Napi::Buffer<uint8_t>>>(Napi::Persistent(info[0].As<Napi::Buffer<uint8_t>>()));
    uint8_t* data = buffer->Value().Data();
    size_t capacity = buffer->Value().Length();
    auto state = std::make_shared<std::pair<size_t, bool>>(0, false);
    TwainSession* session = &Session(env);
    auto* worker = new Worker(
        env, [session, data, capacity, state] { state->first = session->Read(data, capacity, &state->second); },
        [buffer, state](Napi::Env e) {
          Napi::Object r = Napi::Object::New(e);
          r.Set("bytes", static_cast<double>(state->first));
          r.Set("eof", state->second);
          return r;
        });
    worker->Queue();
    return worker->Promise();
  }

  Napi::Value Cancel(const Napi::CallbackInfo& info) {
    Session(info.Env()).Cancel();
    return info.Env().Undefined();
  }

  Napi::Value Close(const Napi::CallbackInfo& info) {
    try {
      Session(info.Env()).Close();
    } catch (const TwainFailure& f) {
      throw Failure(info.Env(), f.status, f.what());
    }
    return info.Env().Undefined();
  }

  std::vector<OptionInfo> options_;
  FrameParams params_;
};

Napi::Value InitTwain(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  AddonData* data = env.GetInstanceData<AddonData>();
  if (!data->session) {
    try {
      data->session = std::make_unique<TwainSession>();
    } catch (const TwainFailure& f) {
      throw Failure(env, f.status, f.what());
    }
  }
  Napi::Object version = Napi::Object::New(env);
  version.Set("major", 2);
  version.Set("minor", 4);
  version.Set("build", 0);
  return version;
}

Napi::Value ExitTwain(const Napi::CallbackInfo& info) {
  info.Env().GetInstanceData<AddonData>()->session.reset();
  return info.Env().Undefined();
}

Napi::Value GetDevices(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  TwainSession* session = &Session(env);
  auto list = std::make_shared<std::vector<SourceInfo>>();
  auto* worker = new Worker(
      env, [session, list] { *list = session->Sources(); },
      [list](Napi::Env e) {
        Napi::Array out = Napi::Array::New(e, list->size());
        for (size_t i = 0; i < list->size(); ++i) {
          Napi::Object d = Napi::Object::New(e);
          d.Set("name", (*list)[i].name);
          d.Set("vendor", (*list)[i].manufacturer);
          d.Set("model", (*list)[i].family);
          d.Set("type", "TWAIN source");
          out.Set(static_cast<uint32_t>(i), d);
        }
        return out;
      });
  worker->Queue();
  return worker->Promise();
}

Napi::Value Open(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!info[0].IsString()) throw Napi::TypeError::New(env, "open(name) needs a source name");
  std::string name = info[0].As<Napi::String>().Utf8Value();
  TwainSession* session = &Session(env);
  auto* worker = new Worker(
      env, [session, name] { session->Open(name); },
      [](Napi::Env e) { return e.GetInstanceData<AddonData>()->deviceClass.New({}); });
  worker->Queue();
  return worker->Promise();
}

}  // namespace

Napi::Object Init(Napi::Env env) {
  auto* data = new AddonData();
  data->deviceClass = Napi::Persistent(TwainDevice::Define(env));
  env.SetInstanceData<AddonData>(data);
  Napi::Object twain = Napi::Object::New(env);
  twain.Set("init", Napi::Function::New(env, InitTwain, "init"));
  twain.Set("exit", Napi::Function::New(env, ExitTwain, "exit"));
  twain.Set("getDevices", Napi::Function::New(env, GetDevices, "getDevices"));
  twain.Set("open", Napi::Function::New(env, Open, "open"));
  return twain;
}

}  // namespace sohoa::twain
#endif
