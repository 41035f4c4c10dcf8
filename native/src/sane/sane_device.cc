#include "sane_device.h"

#include <cstring>
#include <string>
#include <vector>

#include "sane_addon.h"
#include "sane_status.h"

namespace sohoa::sane {

namespace {

const char* FormatName(SANE_Frame format) {
  switch (format) {
    case SANE_FRAME_GRAY: return "gray";
    case SANE_FRAME_RGB: return "rgb";
    case SANE_FRAME_RED: return "red";
    case SANE_FRAME_GREEN: return "green";
    case SANE_FRAME_BLUE: return "blue";
    default: return "unknown";
  }
}

const char* TypeName(SANE_Value_Type type) {
  switch (type) {
    case SANE_TYPE_BOOL: return "bool";
    case SANE_TYPE_INT: return "int";
    case SANE_TYPE_FIXED: return "fixed";
    case SANE_TYPE_STRING: return "string";
    case SANE_TYPE_BUTTON: return "button";
    default: return "group";
  }
}

const char* UnitName(SANE_Unit unit) {
  switch (unit) {
    case SANE_UNIT_PIXEL: return "pixel";
    case SANE_UNIT_BIT: return "bit";
    case SANE_UNIT_MM: return "mm";
    case SANE_UNIT_DPI: return "dpi";
    case SANE_UNIT_PERCENT: return "percent";
    case SANE_UNIT_MICROSECOND: return "microsecond";
    default: return "none";
  }
}

double WordToNumber(SANE_Value_Type type, SANE_Word word) {
  return type == SANE_TYPE_FIXED ? SANE_UNFIX(word) : static_cast<double>(word);
}

SANE_Word NumberToWord(SANE_Value_Type type, double value) {
  return type == SANE_TYPE_FIXED ? SANE_FIX(value) : static_cast<SANE_Word>(value);
}

size_t WordCount(const SANE_Option_Descriptor* d) {
  return d->size > 0 ? static_cast<size_t>(d->size) / sizeof(SANE_Word) : 0;
}

Napi::Value Constraint(Napi::Env env, const SANE_Option_Descriptor* d) {
  Napi::Object c = Napi::Object::New(env);
  switch (d->constraint_type) {
    case SANE_CONSTRAINT_RANGE: {
      c.Set("kind", "range");
      c.Set("min", WordToNumber(d->type, d->constraint.range->min));
      c.Set("max", WordToNumber(d->type, d->constraint.range->max));
      c.Set("quant", WordToNumber(d->type, d->constraint.range->quant));
      return c;
    }
    case SANE_CONSTRAINT_WORD_LIST: {
      const SANE_Word* list = d->constraint.word_list;
      Napi::Array values = Napi::Array::New(env, static_cast<size_t>(list[0]));
      for (SANE_Word i = 0; i < list[0]; ++i) values.Set(static_cast<uint32_t>(i), WordToNumber(d->type, list[i + 1]));
      c.Set("kind", "list");
      c.Set("values", values);
      return c;
    }
    case SANE_CONSTRAINT_STRING_LIST: {
      Napi::Array values = Napi::Array::New(env);
      uint32_t n = 0;
      for (const SANE_String_Const* s = d->constraint.string_list; *s != nullptr; ++s) values.Set(n++, *s);
      c.Set("kind", "list");
      c.Set("values", values);
      return c;
    }
    default:
      return env.Null();
  }
}

// Base of the device's asynchronous calls: keeps the device object alive while the worker runs,
// releases the device's busy flag and settles the promise with a status-carrying error.
class DeviceWorker : public Napi::AsyncWorker {
 public:
  DeviceWorker(Napi::Env env, SaneDevice* device, Napi::Object self, const char* call)
      : Napi::AsyncWorker(env), deferred_(Napi::Promise::Deferred::New(env)), device_(device), call_(call) {
    self_ = Napi::Persistent(self);
  }
  Napi::Promise Promise() const { return deferred_.Promise(); }

 protected:
  void Fail(SANE_Status status) {
    status_ = status;
    SetError(sane_strstatus(status));
  }
  void OnError(const Napi::Error&) override {
    device_->EndAsync();
    deferred_.Reject(StatusError(Env(), status_, call_).Value());
  }

  Napi::Promise::Deferred deferred_;
  SaneDevice* device_;
  Napi::ObjectReference self_;
  SANE_Status status_ = SANE_STATUS_GOOD;
  std::string call_;
};

class StartWorker : public DeviceWorker {
 public:
  StartWorker(Napi::Env env, SaneDevice* device, Napi::Object self) : DeviceWorker(env, device, self, "sane_start") {}
  void Execute() override {
    SANE_Status status = sane_start(device_->handle());
    if (status == SANE_STATUS_GOOD) status = sane_get_parameters(device_->handle(), &params_);
    if (status != SANE_STATUS_GOOD) Fail(status);
  }
  void OnOK() override {
    device_->EndAsync();
    deferred_.Resolve(ParametersToJs(Env(), params_));
  }

 private:
  SANE_Parameters params_{};
};

// Fills the caller's buffer (one chunk) with as many bytes as the backend gives before the end of
// the frame. Blocking sane_read calls are repeated until the chunk is full, so JS sees few, large
// chunks regardless of the backend's own transfer size.
class ReadWorker : public DeviceWorker {
 public:
  ReadWorker(Napi::Env env, SaneDevice* device, Napi::Object self, Napi::Buffer<uint8_t> buffer)
      : DeviceWorker(env, device, self, "sane_read"), data_(buffer.Data()), capacity_(buffer.Length()) {
    buffer_ = Napi::Persistent(buffer.As<Napi::Object>());
  }
  void Execute() override {
    while (filled_ < capacity_) {
      SANE_Int want = static_cast<SANE_Int>(std::min<size_t>(capacity_ - filled_, 1 << 30));
      SANE_Int got = 0;
      SANE_Status status = sane_read(device_->handle(), data_ + filled_, want, &got);
      if (status == SANE_STATUS_EOF) {
        eof_ = true;
        return;
      }
      if (status != SANE_STATUS_GOOD) {
        Fail(status);
        return;
      }
      filled_ += static_cast<size_t>(got);
    }
  }
  void OnOK() override {
    device_->EndAsync();
    Napi::Object result = Napi::Object::New(Env());
    result.Set("bytes", static_cast<double>(filled_));
    result.Set("eof", eof_);
    deferred_.Resolve(result);
  }

 private:
  Napi::ObjectReference buffer_;
  uint8_t* data_;
  size_t capacity_;
  size_t filled_ = 0;
  bool eof_ = false;
};

}  // namespace

Napi::Object ParametersToJs(Napi::Env env, const SANE_Parameters& p) {
  Napi::Object o = Napi::Object::New(env);
  o.Set("format", FormatName(p.format));
  o.Set("lastFrame", p.last_frame == SANE_TRUE);
  o.Set("bytesPerLine", p.bytes_per_line);
  o.Set("pixelsPerLine", p.pixels_per_line);
  o.Set("lines", p.lines);  // -1: unknown until the end (hand scanners, page-end detection)
  o.Set("depth", p.depth);
  return o;
}

Napi::Function SaneDevice::DefineClass(Napi::Env env) {
  return ObjectWrap<SaneDevice>::DefineClass(
      env, "SaneDevice",
      {
          InstanceMethod<&SaneDevice::Options>("options"),
          InstanceMethod<&SaneDevice::SetOption>("setOption"),
          InstanceMethod<&SaneDevice::SetAuto>("setAuto"),
          InstanceMethod<&SaneDevice::Parameters>("parameters"),
          InstanceMethod<&SaneDevice::Start>("start"),
          InstanceMethod<&SaneDevice::Read>("read"),
          InstanceMethod<&SaneDevice::Cancel>("cancel"),
          InstanceMethod<&SaneDevice::Close>("close"),
      });
}

Napi::Object SaneDevice::NewInstance(Napi::Env env, SANE_Handle handle) {
  AddonData* data = env.GetInstanceData<AddonData>();
  return data->deviceClass.New({Napi::External<void>::New(env, handle)});
}

SaneDevice::SaneDevice(const Napi::CallbackInfo& info) : Napi::ObjectWrap<SaneDevice>(info) {
  if (info.Length() != 1 || !info[0].IsExternal()) {
    throw Napi::TypeError::New(info.Env(), "SaneDevice is created by sane.open()");
  }
  handle_ = static_cast<SANE_Handle>(info[0].As<Napi::External<void>>().Data());
}

SaneDevice::~SaneDevice() {
  if (handle_ != nullptr) sane_close(handle_);
}

void SaneDevice::RequireOpen(Napi::Env env) const {
  if (handle_ == nullptr) throw Napi::Error::New(env, "device is closed");
}

void SaneDevice::BeginAsync(Napi::Env env) {
  RequireOpen(env);
  bool expected = false;
  if (!busy_.compare_exchange_strong(expected, true)) {
    throw StatusError(env, SANE_STATUS_DEVICE_BUSY, "another call is still running on this device");
  }
}

const SANE_Option_Descriptor* SaneDevice::Descriptor(Napi::Env env, const Napi::Value& index, SANE_Int* out) const {
  RequireOpen(env);
  if (busy_) throw StatusError(env, SANE_STATUS_DEVICE_BUSY, "options cannot change during a transfer");
  if (!index.IsNumber()) throw Napi::TypeError::New(env, "option index must be a number");
  *out = index.As<Napi::Number>().Int32Value();
  const SANE_Option_Descriptor* d = sane_get_option_descriptor(handle_, *out);
  if (d == nullptr || *out <= 0) throw Napi::RangeError::New(env, "no option with index " + std::to_string(*out));
  return d;
}

Napi::Value SaneDevice::Options(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  RequireOpen(env);
  if (busy_) throw StatusError(env, SANE_STATUS_DEVICE_BUSY, "options cannot be read during a transfer");
  // Option 0 always exists and holds the number of options (itself included).
  SANE_Int count = 0;
  SANE_Status status = sane_control_option(handle_, 0, SANE_ACTION_GET_VALUE, &count, nullptr);
  if (status != SANE_STATUS_GOOD) throw StatusError(env, status, "sane_control_option(0)");

  Napi::Array result = Napi::Array::New(env);
  uint32_t n = 0;
  std::vector<uint8_t> value;
  for (SANE_Int i = 1; i < count; ++i) {
    const SANE_Option_Descriptor* d = sane_get_option_descriptor(handle_, i);
    if (d == nullptr) continue;
    Napi::Object o = Napi::Object::New(env);
    o.Set("index", i);
    o.Set("name", d->name != nullptr ? d->name : "");
    o.Set("title", d->title != nullptr ? d->title : "");
    o.Set("description", d->desc != nullptr ? d->desc : "");
    o.Set("type", TypeName(d->type));
    o.Set("unit", UnitName(d->unit));
    o.Set("active", SANE_OPTION_IS_ACTIVE(d->cap) ? true : false);
    o.Set("settable", SANE_OPTION_IS_SETTABLE(d->cap) ? true : false);
    o.Set("automatic", (d->cap & SANE_CAP_AUTOMATIC) != 0);
    o.Set("advanced", (d->cap & SANE_CAP_ADVANCED) != 0);
    o.Set("constraint", Constraint(env, d));

    Napi::Value current = env.Null();
    bool readable = SANE_OPTION_IS_ACTIVE(d->cap) && (d->cap & SANE_CAP_SOFT_DETECT) != 0 &&
                    d->type != SANE_TYPE_BUTTON && d->type != SANE_TYPE_GROUP && d->size > 0;
    if (readable) {
      value.assign(static_cast<size_t>(d->size) + 1, 0);
      if (sane_control_option(handle_, i, SANE_ACTION_GET_VALUE, value.data(), nullptr) == SANE_STATUS_GOOD) {
        if (d->type == SANE_TYPE_STRING) {
          current = Napi::String::New(env, reinterpret_cast<const char*>(value.data()));
        } else if (d->type == SANE_TYPE_BOOL) {
          SANE_Word w;
          std::memcpy(&w, value.data(), sizeof w);
          current = Napi::Boolean::New(env, w == SANE_TRUE);
        } else {
          size_t words = WordCount(d);
          std::vector<SANE_Word> ws(words);
          std::memcpy(ws.data(), value.data(), words * sizeof(SANE_Word));
          if (words == 1) {
            current = Napi::Number::New(env, WordToNumber(d->type, ws[0]));
          } else {
            Napi::Array a = Napi::Array::New(env, words);
            for (size_t k = 0; k < words; ++k) a.Set(static_cast<uint32_t>(k), WordToNumber(d->type, ws[k]));
            current = a;
          }
        }
      }
    }
    o.Set("value", current);
    result.Set(n++, o);
  }
  return result;
}

Napi::Value SaneDevice::SetOption(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  SANE_Int index = 0;
  const SANE_Option_Descriptor* d = Descriptor(env, info[0], &index);
  if (!SANE_OPTION_IS_SETTABLE(d->cap)) throw Napi::Error::New(env, std::string("option is not settable: ") + d->name);
  if (!SANE_OPTION_IS_ACTIVE(d->cap)) throw Napi::Error::New(env, std::string("option is inactive: ") + d->name);

  std::vector<uint8_t> buffer(d->size > 0 ? static_cast<size_t>(d->size) : sizeof(SANE_Word), 0);
  Napi::Value v = info[1];
  switch (d->type) {
    case SANE_TYPE_BOOL: {
      SANE_Word w = v.ToBoolean().Value() ? SANE_TRUE : SANE_FALSE;
      std::memcpy(buffer.data(), &w, sizeof w);
      break;
    }
    case SANE_TYPE_INT:
    case SANE_TYPE_FIXED: {
      size_t words = WordCount(d);
      std::vector<SANE_Word> ws(words, 0);
      if (v.IsArray()) {
        Napi::Array a = v.As<Napi::Array>();
        if (a.Length() != words) throw Napi::RangeError::New(env, std::string("wrong number of values for ") + d->name);
        for (uint32_t k = 0; k < a.Length(); ++k) ws[k] = NumberToWord(d->type, a.Get(k).ToNumber().DoubleValue());
      } else if (v.IsNumber()) {
        for (auto& w : ws) w = NumberToWord(d->type, v.As<Napi::Number>().DoubleValue());
      } else {
        throw Napi::TypeError::New(env, std::string("a number is expected for ") + d->name);
      }
      std::memcpy(buffer.data(), ws.data(), words * sizeof(SANE_Word));
      break;
    }
    case SANE_TYPE_STRING: {
      if (!v.IsString()) throw Napi::TypeError::New(env, std::string("a string is expected for ") + d->name);
      std::string s = v.As<Napi::String>().Utf8Value();
      if (s.size() + 1 > buffer.size()) throw Napi::RangeError::New(env, std::string("value too long for ") + d->name);
      std::memcpy(buffer.data(), s.c_str(), s.size() + 1);
      break;
    }
    case SANE_TYPE_BUTTON:
      break;
    default:
      throw Napi::Error::New(env, std::string("option has no value: ") + d->name);
  }
  SANE_Int flags = 0;
  SANE_Status status = sane_control_option(handle_, index, SANE_ACTION_SET_VALUE,
                                           d->type == SANE_TYPE_BUTTON ? nullptr : buffer.data(), &flags);
  if (status != SANE_STATUS_GOOD) throw StatusError(env, status, std::string("set option ") + d->name);
  Napi::Object result = Napi::Object::New(env);
  result.Set("inexact", (flags & SANE_INFO_INEXACT) != 0);
  result.Set("reloadOptions", (flags & SANE_INFO_RELOAD_OPTIONS) != 0);
  result.Set("reloadParams", (flags & SANE_INFO_RELOAD_PARAMS) != 0);
  return result;
}

Napi::Value SaneDevice::SetAuto(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  SANE_Int index = 0;
  const SANE_Option_Descriptor* d = Descriptor(env, info[0], &index);
  SANE_Int flags = 0;
  SANE_Status status = sane_control_option(handle_, index, SANE_ACTION_SET_AUTO, nullptr, &flags);
  if (status != SANE_STATUS_GOOD) throw StatusError(env, status, std::string("set option auto ") + d->name);
  return env.Undefined();
}

Napi::Value SaneDevice::Parameters(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  RequireOpen(env);
  SANE_Parameters p{};
  SANE_Status status = sane_get_parameters(handle_, &p);
  if (status != SANE_STATUS_GOOD) throw StatusError(env, status, "sane_get_parameters");
  return ParametersToJs(env, p);
}

Napi::Value SaneDevice::Start(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  BeginAsync(env);
  auto* worker = new StartWorker(env, this, info.This().As<Napi::Object>());
  worker->Queue();
  return worker->Promise();
}

Napi::Value SaneDevice::Read(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1 || !info[0].IsBuffer()) throw Napi::TypeError::New(env, "read(buffer) needs a Buffer");
  Napi::Buffer<uint8_t> buffer = info[0].As<Napi::Buffer<uint8_t>>();
  if (buffer.Length() == 0) throw Napi::RangeError::New(env, "read buffer is empty");
  BeginAsync(env);
  auto* worker = new ReadWorker(env, this, info.This().As<Napi::Object>(), buffer);
  worker->Queue();
  return worker->Promise();
}

Napi::Value SaneDevice::Cancel(const Napi::CallbackInfo& info) {
  // Allowed while a read blocks: the backend then makes that read return SANE_STATUS_CANCELLED.
  if (handle_ != nullptr) sane_cancel(handle_);
  return info.Env().Undefined();
}

Napi::Value SaneDevice::Close(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (handle_ == nullptr) return env.Undefined();
  if (busy_) throw StatusError(env, SANE_STATUS_DEVICE_BUSY, "cancel and wait for the running call before close");
  sane_close(handle_);
  handle_ = nullptr;
  return env.Undefined();
}

}  // namespace sohoa::sane
