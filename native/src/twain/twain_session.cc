#ifdef _WIN32
#include "twain_session.h"

#include <algorithm>
#include <cstring>
#include <future>

namespace sohoa::twain {

namespace {

constexpr UINT kRunTask = WM_APP + 1;
// Strips waiting for read(): the source pauses (we stop asking) beyond this, so memory stays flat.
constexpr size_t kMaxQueuedBytes = 16u << 20;

std::string Str(const TW_STR32& s) { return std::string(s, strnlen(s, sizeof(TW_STR32))); }

void CopyStr(TW_STR32& dst, const char* src) {
  std::memset(dst, 0, sizeof(TW_STR32));
  std::strncpy(dst, src, sizeof(TW_STR32) - 2);
}

double MmFromInches(double inches) { return inches * 25.4; }

OptionInfo Named(const char* name, const char* type, const char* unit) {
  OptionInfo o;
  o.name = name;
  o.type = type;
  o.unit = unit;
  return o;
}

}  // namespace

TwainSession::TwainSession() {
  std::promise<void> started;
  auto ready = started.get_future();
  thread_ = std::thread([this, &started] {
    threadId_ = GetCurrentThreadId();
    MSG msg;
    PeekMessageW(&msg, nullptr, WM_USER, WM_USER, PM_NOREMOVE);  // creates this thread's queue
    started.set_value();
    ThreadMain();
  });
  ready.wait();
  Run([this] {
    if (!startupError_.empty()) throw TwainFailure("UNSUPPORTED", startupError_);
  });
}

TwainSession::~TwainSession() {
  Cancel();
  try {
    Close();
  } catch (...) {
    // closing a source that is already gone must not stop the shutdown
  }
  PostThreadMessageW(threadId_, WM_QUIT, 0, 0);
  if (thread_.joinable()) thread_.join();
}

void TwainSession::Run(std::function<void()> task) {
  std::packaged_task<void()> job(std::move(task));
  auto done = job.get_future();
  auto* boxed = new std::packaged_task<void()>(std::move(job));
  if (!PostThreadMessageW(threadId_, kRunTask, 0, reinterpret_cast<LPARAM>(boxed))) {
    delete boxed;
    throw TwainFailure("IO_ERROR", "the TWAIN thread is not running");
  }
  done.get();  // rethrows what the task threw
}

void TwainSession::ThreadMain() {
  // The DSM needs a parent window; a message-only window never shows and is enough.
  window_ = CreateWindowExW(0, L"STATIC", L"SoHoa TWAIN", 0, 0, 0, 0, 0, HWND_MESSAGE, nullptr, nullptr, nullptr);
  dsmLib_ = LoadLibraryW(L"TWAINDSM.dll");
  if (dsmLib_ == nullptr) {
    startupError_ = "TWAINDSM.dll (TWAIN Data Source Manager 2.x) is not installed";
  } else {
    dsm_ = reinterpret_cast<DSMENTRYPROC>(reinterpret_cast<void*>(GetProcAddress(dsmLib_, "DSM_Entry")));
    app_.Version.MajorNum = 1;
    app_.Version.Language = 0;  // TWLG_USERLOCALE
    CopyStr(app_.Version.Info, "SoHoa");
    app_.ProtocolMajor = 2;
    app_.ProtocolMinor = 4;
    app_.SupportedGroups = DG_CONTROL | DG_IMAGE | DF_APP2;
    CopyStr(app_.Manufacturer, "SoHoa");
    CopyStr(app_.ProductFamily, "SoHoa");
    CopyStr(app_.ProductName, "SoHoa");
    HWND parent = window_;
    if (dsm_ == nullptr || Entry(nullptr, DG_CONTROL, DAT_PARENT, MSG_OPENDSM, &parent) != TWRC_SUCCESS) {
      startupError_ = "the TWAIN Data Source Manager did not open";
    } else {
      dsmOpen_ = true;
      mem_.Size = sizeof(mem_);
      if (Entry(nullptr, DG_CONTROL, DAT_ENTRYPOINT, MSG_GET, &mem_) != TWRC_SUCCESS) mem_ = TW_ENTRYPOINT{};
    }
  }

  MSG msg;
  while (GetMessageW(&msg, nullptr, 0, 0) > 0) {
    if (msg.message == kRunTask && msg.hwnd == nullptr) {
      std::unique_ptr<std::packaged_task<void()>> job(reinterpret_cast<std::packaged_task<void()>*>(msg.lParam));
      (*job)();
      continue;
    }
    if (enabled_) {
      // Sources talk to the application through this window's messages (TWAIN 1.x style, which
      // every DSM supports); each one is offered to the source first.
      TW_EVENT event{&msg, MSG_NULL};
      if (Entry(&source_, DG_CONTROL, DAT_EVENT, MSG_PROCESSEVENT, &event) == TWRC_DSEVENT) {
        if (event.TWMessage == MSG_XFERREADY || event.TWMessage == MSG_CLOSEDSREQ) {
          std::lock_guard<std::mutex> lock(mutex_);
          (event.TWMessage == MSG_XFERREADY ? xferReady_ : closeRequested_) = true;
          changed_.notify_all();
        }
        continue;
      }
    }
    TranslateMessage(&msg);
    DispatchMessageW(&msg);
  }

  if (enabled_) Disable();
  if (sourceOpen_) Entry(nullptr, DG_CONTROL, DAT_IDENTITY, MSG_CLOSEDS, &source_);
  if (dsmOpen_) {
    HWND parent = window_;
    Entry(nullptr, DG_CONTROL, DAT_PARENT, MSG_CLOSEDSM, &parent);
  }
  if (dsmLib_ != nullptr) FreeLibrary(dsmLib_);
  if (window_ != nullptr) DestroyWindow(window_);
}

TW_UINT16 TwainSession::Entry(TW_IDENTITY* dest, TW_UINT32 dg, TW_UINT16 dat, TW_UINT16 msg, TW_MEMREF data) {
  return dsm_(&app_, dest, dg, dat, msg, data);
}

std::string TwainSession::ConditionStatus(TW_IDENTITY* dest) {
  TW_STATUS status{};
  if (Entry(dest, DG_CONTROL, DAT_STATUS, MSG_GET, &status) != TWRC_SUCCESS) return "IO_ERROR";
  switch (status.ConditionCode) {
    case TWCC_PAPERJAM:
    case TWCC_PAPERDOUBLEFEED:
    case TWCC_DAMAGEDCORNER: return "JAMMED";
    case TWCC_NOMEDIA: return "NO_DOCS";
    case TWCC_INTERLOCK: return "COVER_OPEN";
    case TWCC_MAXCONNECTIONS: return "DEVICE_BUSY";
    case TWCC_DENIED: return "ACCESS_DENIED";
    case TWCC_LOWMEMORY: return "NO_MEM";
    case TWCC_BADCAP:
    case TWCC_BADVALUE:
    case TWCC_BADPROTOCOL:
    case TWCC_SEQERROR: return "INVAL";
    case TWCC_NODS: return "INVAL";
    default: return "IO_ERROR";  // BUMMER, OPERATIONERROR, CHECKDEVICEONLINE, FOCUSERROR…
  }
}

void TwainSession::Fail(const std::string& call, TW_IDENTITY* dest) {
  std::string status = ConditionStatus(dest);
  throw TwainFailure(status, call + " failed (" + status + ")");
}

TW_HANDLE TwainSession::Alloc(TW_UINT32 size) {
  return mem_.DSM_MemAllocate ? mem_.DSM_MemAllocate(size) : GlobalAlloc(GHND, size);
}
void TwainSession::Free(TW_HANDLE h) {
  if (mem_.DSM_MemFree) mem_.DSM_MemFree(h);
  else GlobalFree(h);
}
void* TwainSession::Lock(TW_HANDLE h) { return mem_.DSM_MemLock ? mem_.DSM_MemLock(h) : GlobalLock(h); }
void TwainSession::Unlock(TW_HANDLE h) {
  if (mem_.DSM_MemUnlock) mem_.DSM_MemUnlock(h);
  else GlobalUnlock(h);
}

std::vector<SourceInfo> TwainSession::Sources() {
  std::vector<SourceInfo> list;
  Run([&] {
    TW_IDENTITY id{};
    for (TW_UINT16 rc = Entry(nullptr, DG_CONTROL, DAT_IDENTITY, MSG_GETFIRST, &id); rc == TWRC_SUCCESS;
         rc = Entry(nullptr, DG_CONTROL, DAT_IDENTITY, MSG_GETNEXT, &id)) {
      list.push_back({Str(id.ProductName), Str(id.Manufacturer), Str(id.ProductFamily)});
      id = TW_IDENTITY{};
    }
  });
  return list;
}

void TwainSession::Open(const std::string& name) {
  Run([&] {
    if (sourceOpen_) throw TwainFailure("DEVICE_BUSY", "a TWAIN source is already open in this session");
    source_ = TW_IDENTITY{};
    CopyStr(source_.ProductName, name.c_str());
    if (Entry(nullptr, DG_CONTROL, DAT_IDENTITY, MSG_OPENDS, &source_) != TWRC_SUCCESS) Fail("open " + name, nullptr);
    sourceOpen_ = true;
    // Our contract with every source: memory transfer, uncompressed, sizes in inches, one image
    // at a time until the feeder is empty.
    if (!SetCapOne(ICAP_XFERMECH, TWTY_UINT16, TWSX_MEMORY)) Fail("memory transfer", &source_);
    SetCapOne(ICAP_COMPRESSION, TWTY_UINT16, TWCP_NONE);
    SetCapOne(ICAP_UNITS, TWTY_UINT16, TWUN_INCHES);
    SetCapOne(CAP_XFERCOUNT, TWTY_INT16, static_cast<TW_UINT16>(-1));
    SetCapOne(CAP_INDICATORS, TWTY_BOOL, 0);
    chocolate_ = !SetCapOne(ICAP_PIXELFLAVOR, TWTY_UINT16, TWPF_VANILLA);
    frameSet_ = false;
    cancelled_ = false;
    pending_ = -1;
  });
}

void TwainSession::Close() {
  Run([&] {
    if (enabled_) Disable();
    if (sourceOpen_) Entry(nullptr, DG_CONTROL, DAT_IDENTITY, MSG_CLOSEDS, &source_);
    sourceOpen_ = false;
  });
}

bool TwainSession::SetCapOne(TW_UINT16 cap, TW_UINT16 type, TW_UINT32 value) {
  TW_CAPABILITY capability{cap, TWON_ONEVALUE, Alloc(sizeof(TW_ONEVALUE))};
  if (capability.hContainer == nullptr) return false;
  auto* one = static_cast<TW_ONEVALUE*>(Lock(capability.hContainer));
  one->ItemType = type;
  one->Item = value;
  Unlock(capability.hContainer);
  TW_UINT16 rc = Entry(&source_, DG_CONTROL, DAT_CAPABILITY, MSG_SET, &capability);
  Free(capability.hContainer);
  return rc == TWRC_SUCCESS || rc == TWRC_CHECKSTATUS;
}

// Reads a capability's current value and constraint (one value, range or enumeration).
bool TwainSession::GetCap(TW_UINT16 cap, OptionInfo* out, bool fix32) {
  TW_CAPABILITY capability{cap, TWON_DONTCARE16, nullptr};
  if (Entry(&source_, DG_CONTROL, DAT_CAPABILITY, MSG_GET, &capability) != TWRC_SUCCESS) return false;
  auto number = [fix32](TW_UINT32 raw) {
    if (fix32) {
      TW_FIX32 f;
      std::memcpy(&f, &raw, sizeof f);
      return Fix32ToDouble(f);
    }
    return static_cast<double>(raw);
  };
  void* p = Lock(capability.hContainer);
  if (capability.ConType == TWON_ONEVALUE) {
    out->number = number(static_cast<TW_ONEVALUE*>(p)->Item);
  } else if (capability.ConType == TWON_RANGE) {
    auto* r = static_cast<TW_RANGE*>(p);
    out->constraint = "range";
    out->min = number(r->MinValue);
    out->max = number(r->MaxValue);
    out->quant = number(r->StepSize);
    out->number = number(r->CurrentValue);
  } else if (capability.ConType == TWON_ENUMERATION) {
    auto* e = static_cast<TW_ENUMERATION*>(p);
    size_t size = e->ItemType == TWTY_FIX32 || e->ItemType == TWTY_UINT32 || e->ItemType == TWTY_INT32 ? 4 : 2;
    out->constraint = "list";
    for (TW_UINT32 i = 0; i < e->NumItems; ++i) {
      TW_UINT32 raw = 0;
      std::memcpy(&raw, e->ItemList + i * size, size);
      out->numbers.push_back(number(raw));
    }
    if (e->CurrentIndex < out->numbers.size()) out->number = out->numbers[e->CurrentIndex];
  }
  Unlock(capability.hContainer);
  Free(capability.hContainer);
  return true;
}

std::vector<OptionInfo> TwainSession::Options() {
  std::vector<OptionInfo> options;
  Run([&] {
    if (!sourceOpen_) throw TwainFailure("INVAL", "no TWAIN source is open");
    OptionInfo feeder, duplex, source = Named("source", "string", "none");
    source.constraint = "list";
    source.texts.push_back("Flatbed");
    if (GetCap(CAP_FEEDERENABLED, &feeder, false)) source.texts.push_back("ADF");
    if (GetCap(CAP_DUPLEX, &duplex, false) && duplex.number != 0) source.texts.push_back("ADF Duplex");
    source.text = feeder.number != 0 ? "ADF" : "Flatbed";
    options.push_back(source);

    OptionInfo pixel, mode = Named("mode", "string", "none");
    mode.constraint = "list";
    if (GetCap(ICAP_PIXELTYPE, &pixel, false)) {
      for (double t : pixel.numbers.empty() ? std::vector<double>{pixel.number} : pixel.numbers) {
        if (t == TWPT_RGB) mode.texts.push_back("Color");
        if (t == TWPT_GRAY) mode.texts.push_back("Gray");
        if (t == TWPT_BW) mode.texts.push_back("Lineart");
      }
      mode.text = pixel.number == TWPT_RGB ? "Color" : pixel.number == TWPT_GRAY ? "Gray" : "Lineart";
    }
    options.push_back(mode);

    OptionInfo depth = Named("depth", "int", "none");
    if (GetCap(ICAP_BITDEPTH, &depth, false) && depth.numbers.empty()) depth.numbers.push_back(depth.number);
    depth.constraint = "list";
    options.push_back(depth);

    OptionInfo resolution = Named("resolution", "fixed", "dpi");
    GetCap(ICAP_XRESOLUTION, &resolution, true);
    options.push_back(resolution);

    OptionInfo width, height;
    GetCap(ICAP_PHYSICALWIDTH, &width, true);
    GetCap(ICAP_PHYSICALHEIGHT, &height, true);
    const char* names[] = {"tl-x", "tl-y", "br-x", "br-y"};
    double current[] = {Fix32ToDouble(frame_.Left), Fix32ToDouble(frame_.Top), Fix32ToDouble(frame_.Right),
                        Fix32ToDouble(frame_.Bottom)};
    for (int i = 0; i < 4; ++i) {
      OptionInfo axis = Named(names[i], "fixed", "mm");
      axis.constraint = "range";
      axis.max = MmFromInches(i % 2 == 0 ? width.number : height.number);
      axis.quant = 0;
      axis.number = frameSet_ ? MmFromInches(current[i]) : (i < 2 ? 0 : axis.max);
      options.push_back(axis);
    }
    for (auto [name, cap] : {std::pair{"brightness", ICAP_BRIGHTNESS}, std::pair{"contrast", ICAP_CONTRAST}}) {
      OptionInfo o = Named(name, "fixed", "none");
      if (GetCap(cap, &o, true)) options.push_back(o);
    }
  });
  return options;
}

void TwainSession::SetOption(const std::string& name, double number, const std::string& text) {
  Run([&] {
    bool ok = true;
    if (name == "source") {
      bool feeder = text != "Flatbed";
      ok = SetCapOne(CAP_FEEDERENABLED, TWTY_BOOL, feeder ? 1 : 0);
      if (ok && feeder) SetCapOne(CAP_AUTOFEED, TWTY_BOOL, 1);
      if (ok && feeder) ok = SetCapOne(CAP_DUPLEXENABLED, TWTY_BOOL, text == "ADF Duplex" ? 1 : 0) || text != "ADF Duplex";
    } else if (name == "mode") {
      TW_UINT16 type = text == "Color" ? TWPT_RGB : text == "Gray" ? TWPT_GRAY : TWPT_BW;
      ok = SetCapOne(ICAP_PIXELTYPE, TWTY_UINT16, type);
    } else if (name == "depth") {
      ok = SetCapOne(ICAP_BITDEPTH, TWTY_UINT16, static_cast<TW_UINT16>(number));
    } else if (name == "resolution") {
      TW_FIX32 f = DoubleToFix32(number);
      TW_UINT32 raw;
      std::memcpy(&raw, &f, sizeof raw);
      ok = SetCapOne(ICAP_XRESOLUTION, TWTY_FIX32, raw) && SetCapOne(ICAP_YRESOLUTION, TWTY_FIX32, raw);
    } else if (name == "tl-x" || name == "tl-y" || name == "br-x" || name == "br-y") {
      // Applied as one DAT_IMAGELAYOUT when the source is enabled (sources validate the frame whole).
      TW_FIX32 inches = DoubleToFix32(number / 25.4);
      (name == "tl-x" ? frame_.Left : name == "tl-y" ? frame_.Top : name == "br-x" ? frame_.Right : frame_.Bottom) = inches;
      frameSet_ = true;
    } else if (name == "brightness" || name == "contrast") {
      TW_FIX32 f = DoubleToFix32(number);
      TW_UINT32 raw;
      std::memcpy(&raw, &f, sizeof raw);
      ok = SetCapOne(name == "brightness" ? ICAP_BRIGHTNESS : ICAP_CONTRAST, TWTY_FIX32, raw);
    } else {
      throw TwainFailure("UNSUPPORTED", "no TWAIN option " + name);
    }
    if (!ok) Fail("set " + name, &source_);
  });
}

void TwainSession::Enable() {
  if (frameSet_) {
    TW_IMAGELAYOUT layout{};
    layout.Frame = frame_;
    layout.DocumentNumber = layout.PageNumber = layout.FrameNumber = static_cast<TW_UINT32>(-1);
    Entry(&source_, DG_IMAGE, DAT_IMAGELAYOUT, MSG_SET, &layout);  // sources may round; not fatal
  }
  OptionInfo feeder, loaded;
  if (GetCap(CAP_FEEDERENABLED, &feeder, false) && feeder.number != 0 && GetCap(CAP_FEEDERLOADED, &loaded, false) &&
      loaded.number == 0) {
    throw TwainFailure("NO_DOCS", "the feeder is empty");
  }
  TW_USERINTERFACE ui{0, 0, window_};  // no driver dialog: SoHoa owns the settings
  TW_UINT16 rc = Entry(&source_, DG_CONTROL, DAT_USERINTERFACE, MSG_ENABLEDS, &ui);
  if (rc != TWRC_SUCCESS && rc != TWRC_CHECKSTATUS) Fail("enable source", &source_);
  enabled_ = true;
}

void TwainSession::Disable() {
  TW_USERINTERFACE ui{0, 0, window_};
  Entry(&source_, DG_CONTROL, DAT_USERINTERFACE, MSG_DISABLEDS, &ui);
  enabled_ = false;
  std::lock_guard<std::mutex> lock(mutex_);
  xferReady_ = closeRequested_ = false;
}

FrameParams TwainSession::Start() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (imageActive_) throw TwainFailure("DEVICE_BUSY", "the previous image is still being read");
  }
  bool first = false;
  Run([&] {
    if (!enabled_) {
      cancelled_ = false;
      pending_ = -1;
      Enable();
      first = true;
    }
  });
  bool batchOver;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    batchOver = pending_ == 0;
  }
  if (!first && batchOver) {
    Run([&] { Disable(); });
    throw TwainFailure("NO_DOCS", "no more images in this batch");
  }
  if (first) {
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait(lock, [&] { return xferReady_ || closeRequested_ || cancelled_; });
    if (!xferReady_) {
      lock.unlock();
      Run([&] { Disable(); });
      throw TwainFailure("CANCELLED", closeRequested_ ? "the source asked to close" : "cancelled");
    }
  }
  FrameParams params;
  Run([&] { params = BeginImage(); });
  // The strips are fetched on the TWAIN thread; read() takes them from the queue.
  PostThreadMessageW(threadId_, kRunTask, 0,
                     reinterpret_cast<LPARAM>(new std::packaged_task<void()>([this] { TransferImage(); })));
  return params;
}

FrameParams TwainSession::BeginImage() {
  info_ = TW_IMAGEINFO{};
  if (Entry(&source_, DG_IMAGE, DAT_IMAGEINFO, MSG_GET, &info_) != TWRC_SUCCESS) Fail("image info", &source_);
  TW_SETUPMEMXFER setup{};
  if (Entry(&source_, DG_CONTROL, DAT_SETUPMEMXFER, MSG_GET, &setup) != TWRC_SUCCESS) Fail("memory setup", &source_);
  strip_.assign(std::max<TW_UINT32>(setup.Preferred, std::max<TW_UINT32>(setup.MinBufSize, 64 * 1024)), 0);
  FrameParams p;
  p.format = info_.SamplesPerPixel >= 3 ? "rgb" : "gray";
  p.width = info_.ImageWidth;
  p.lines = info_.ImageLength > 0 ? info_.ImageLength : -1;
  p.depth = info_.SamplesPerPixel > 0 ? info_.BitsPerPixel / info_.SamplesPerPixel : info_.BitsPerPixel;
  p.bytesPerLine = (info_.ImageWidth * info_.BitsPerPixel + 7) / 8;
  std::lock_guard<std::mutex> lock(mutex_);
  queue_.clear();
  queuedBytes_ = 0;
  imageActive_ = true;
  imageDone_ = false;
  imageError_.clear();
  return p;
}

void TwainSession::TransferImage() {
  const size_t rowBytes = (static_cast<size_t>(info_.ImageWidth) * info_.BitsPerPixel + 7) / 8;
  const bool invert = chocolate_ && info_.BitsPerPixel == 1;
  std::string failure;
  for (;;) {
    if (cancelled_) {
      failure = "CANCELLED";
      break;
    }
    TW_IMAGEMEMXFER xfer{};
    xfer.Compression = TWON_DONTCARE16;
    xfer.Memory = TW_MEMORY{TWMF_APPOWNS | TWMF_POINTER, static_cast<TW_UINT32>(strip_.size()), strip_.data()};
    TW_UINT16 rc = Entry(&source_, DG_IMAGE, DAT_IMAGEMEMXFER, MSG_GET, &xfer);
    if (rc != TWRC_SUCCESS && rc != TWRC_XFERDONE) {
      failure = rc == TWRC_CANCEL ? "CANCELLED" : ConditionStatus(&source_);
      break;
    }
    // Strips are whole rows padded to BytesPerRow; keep the pixels, drop the padding.
    std::vector<uint8_t> rows(rowBytes * xfer.Rows);
    for (TW_UINT32 r = 0; r < xfer.Rows; ++r) {
      const uint8_t* src = strip_.data() + static_cast<size_t>(r) * xfer.BytesPerRow;
      uint8_t* dst = rows.data() + r * rowBytes;
      std::memcpy(dst, src, std::min<size_t>(rowBytes, xfer.BytesPerRow));
      if (invert) for (size_t i = 0; i < rowBytes; ++i) dst[i] = static_cast<uint8_t>(~dst[i]);
    }
    {
      std::unique_lock<std::mutex> lock(mutex_);
      changed_.wait(lock, [&] { return queuedBytes_ < kMaxQueuedBytes || cancelled_; });
      queuedBytes_ += rows.size();
      queue_.push_back(std::move(rows));
      changed_.notify_all();
    }
    if (rc == TWRC_XFERDONE) break;
  }
  EndImage(failure);
}

void TwainSession::EndImage(const std::string& failure) {
  TW_PENDINGXFERS pending{};
  // ENDXFER ends this image (state 7 -> 6, or 5 when none is left); after a cancel or failure
  // RESET abandons the rest of the batch too.
  Entry(&source_, DG_CONTROL, DAT_PENDINGXFERS, MSG_ENDXFER, &pending);
  if (!failure.empty() && pending.Count != 0) {
    Entry(&source_, DG_CONTROL, DAT_PENDINGXFERS, MSG_RESET, &pending);
    pending.Count = 0;
  }
  {
    std::lock_guard<std::mutex> lock(mutex_);
    pending_ = pending.Count == static_cast<TW_UINT16>(-1) ? 1 : pending.Count;  // -1: unknown, ask again
    imageError_ = failure;
    imageDone_ = true;
    changed_.notify_all();
  }
  if (pending.Count == 0 && enabled_) Disable();
}

size_t TwainSession::Read(uint8_t* dst, size_t capacity, bool* eof) {
  std::unique_lock<std::mutex> lock(mutex_);
  changed_.wait(lock, [&] { return !queue_.empty() || imageDone_; });
  size_t filled = 0;
  while (filled < capacity && !queue_.empty()) {
    std::vector<uint8_t>& head = queue_.front();
    size_t n = std::min(capacity - filled, head.size());
    std::memcpy(dst + filled, head.data(), n);
    filled += n;
    queuedBytes_ -= n;
    if (n == head.size()) queue_.pop_front();
    else head.erase(head.begin(), head.begin() + static_cast<std::ptrdiff_t>(n));
  }
  changed_.notify_all();
  if (queue_.empty() && imageDone_) {
    imageActive_ = false;
    if (!imageError_.empty()) throw TwainFailure(imageError_, "image transfer failed (" + imageError_ + ")");
    *eof = true;
  } else {
    *eof = false;
  }
  return filled;
}

void TwainSession::Cancel() {
  cancelled_ = true;
  std::lock_guard<std::mutex> lock(mutex_);
  changed_.notify_all();
}

}  // namespace sohoa::twain
#endif
