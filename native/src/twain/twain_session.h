// One TWAIN session: the Data Source Manager, one open Data Source, and the thread that owns
// them. TWAIN requires every DSM call to come from the thread that pumps the parent window's
// messages, so all calls are marshalled onto that thread; the image itself arrives by memory
// transfer in strips that are queued for read(). See DESIGN.md.
#pragma once
#ifdef _WIN32
#include <windows.h>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "twain_types.h"

namespace sohoa::twain {

// A failure with the status name the TypeScript side maps to a typed error (as for SANE).
class TwainFailure : public std::runtime_error {
 public:
  TwainFailure(std::string status, const std::string& message) : std::runtime_error(message), status(std::move(status)) {}
  std::string status;
};

struct SourceInfo {
  std::string name, manufacturer, family;
};

struct FrameParams {
  std::string format;  // "gray" or "rgb"
  int width = 0;
  int lines = -1;  // -1: unknown length (the source sends until it is done)
  int depth = 8;
  int bytesPerLine = 0;
};

// An option in the same shape the SANE side reports, so one option controller serves both.
struct OptionInfo {
  std::string name, type, unit;
  bool active = true;
  std::string constraint;  // "range", "list" or ""
  double min = 0, max = 0, quant = 0;
  std::vector<std::string> texts;
  std::vector<double> numbers;
  std::string text;
  double number = 0;
};

class TwainSession {
 public:
  TwainSession();
  ~TwainSession();
  TwainSession(const TwainSession&) = delete;
  TwainSession& operator=(const TwainSession&) = delete;

  std::vector<SourceInfo> Sources();
  void Open(const std::string& name);
  void Close();
  std::vector<OptionInfo> Options();
  void SetOption(const std::string& name, double number, const std::string& text);
  // Blocks until the next image is ready and its transfer has begun; throws NO_DOCS when the
  // batch is over, CANCELLED when cancelled or the source asked to close.
  FrameParams Start();
  // Blocks until bytes of the current image are queued or the image has ended.
  size_t Read(uint8_t* dst, size_t capacity, bool* eof);
  // Any thread; the transfer stops at the next strip.
  void Cancel();

 private:
  void Run(std::function<void()> task);  // on the TWAIN thread, waits, rethrows
  void ThreadMain();
  TW_UINT16 Entry(TW_IDENTITY* dest, TW_UINT32 dg, TW_UINT16 dat, TW_UINT16 msg, TW_MEMREF data);
  [[noreturn]] void Fail(const std::string& call, TW_IDENTITY* dest);
  std::string ConditionStatus(TW_IDENTITY* dest);

  TW_HANDLE Alloc(TW_UINT32 size);
  void Free(TW_HANDLE h);
  void* Lock(TW_HANDLE h);
  void Unlock(TW_HANDLE h);
  bool GetCap(TW_UINT16 cap, OptionInfo* out, bool fix32);
  bool SetCapOne(TW_UINT16 cap, TW_UINT16 type, TW_UINT32 value);
  void Enable();
  void Disable();
  FrameParams BeginImage();
  void TransferImage();
  void EndImage(const std::string& failure);

  // Owned by the TWAIN thread.
  HMODULE dsmLib_ = nullptr;
  DSMENTRYPROC dsm_ = nullptr;
  TW_ENTRYPOINT mem_{};
  HWND window_ = nullptr;
  TW_IDENTITY app_{};
  TW_IDENTITY source_{};
  bool dsmOpen_ = false, sourceOpen_ = false, enabled_ = false;
  TW_FRAME frame_{};
  bool frameSet_ = false;
  bool chocolate_ = false;
  TW_IMAGEINFO info_{};
  std::vector<uint8_t> strip_;

  std::thread thread_;
  DWORD threadId_ = 0;

  // Shared between the TWAIN thread and callers; guarded by mutex_.
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::vector<uint8_t>> queue_;
  size_t queuedBytes_ = 0;
  bool xferReady_ = false, closeRequested_ = false, imageActive_ = false, imageDone_ = false;
  int pending_ = -1;  // images left after the current one; -1 until the first image ends
  std::string imageError_;
  std::string startupError_;
  std::atomic<bool> cancelled_{false};
};

}  // namespace sohoa::twain
#endif
