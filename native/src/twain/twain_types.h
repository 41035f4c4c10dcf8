// The part of the TWAIN 2.x interface (twain.h, TWAIN Working Group) this addon uses, declared
// here so the build needs no SDK download. Names, values and the 2-byte packing follow the
// specification (TWAIN 2.4, chapter 8 "Data Types and Data Structures", chapter 10 "Capabilities").
#pragma once
#ifdef _WIN32
#include <windows.h>
#endif
#include <cstdint>

namespace sohoa::twain {

typedef uint16_t TW_UINT16;
typedef uint32_t TW_UINT32;
typedef int16_t TW_INT16;
typedef int32_t TW_INT32;
typedef uint16_t TW_BOOL;
typedef char TW_STR32[34];
typedef void* TW_MEMREF;
typedef void* TW_HANDLE;
typedef uintptr_t TW_UINTPTR;

#pragma pack(push, 2)
struct TW_FIX32 { TW_INT16 Whole; TW_UINT16 Frac; };
struct TW_VERSION { TW_UINT16 MajorNum, MinorNum, Language, Country; TW_STR32 Info; };
struct TW_IDENTITY {
  TW_UINT32 Id;
  TW_VERSION Version;
  TW_UINT16 ProtocolMajor, ProtocolMinor;
  TW_UINT32 SupportedGroups;
  TW_STR32 Manufacturer, ProductFamily, ProductName;
};
struct TW_USERINTERFACE { TW_BOOL ShowUI; TW_BOOL ModalUI; TW_HANDLE hParent; };
struct TW_PENDINGXFERS { TW_UINT16 Count; TW_UINT32 EOJ; };
struct TW_EVENT { TW_MEMREF pEvent; TW_UINT16 TWMessage; };
struct TW_STATUS { TW_UINT16 ConditionCode; TW_UINT16 Data; };
struct TW_IMAGEINFO {
  TW_FIX32 XResolution, YResolution;
  TW_INT32 ImageWidth, ImageLength;
  TW_INT16 SamplesPerPixel;
  TW_INT16 BitsPerSample[8];
  TW_INT16 BitsPerPixel;
  TW_BOOL Planar;
  TW_INT16 PixelType;
  TW_UINT16 Compression;
};
struct TW_SETUPMEMXFER { TW_UINT32 MinBufSize, MaxBufSize, Preferred; };
struct TW_MEMORY { TW_UINT32 Flags; TW_UINT32 Length; TW_MEMREF TheMem; };
struct TW_IMAGEMEMXFER {
  TW_UINT16 Compression;
  TW_UINT32 BytesPerRow, Columns, Rows, XOffset, YOffset, BytesWritten;
  TW_MEMORY Memory;
};
struct TW_FRAME { TW_FIX32 Left, Top, Right, Bottom; };
struct TW_IMAGELAYOUT { TW_FRAME Frame; TW_UINT32 DocumentNumber, PageNumber, FrameNumber; };
struct TW_CAPABILITY { TW_UINT16 Cap; TW_UINT16 ConType; TW_HANDLE hContainer; };
struct TW_ONEVALUE { TW_UINT16 ItemType; TW_UINT32 Item; };
struct TW_RANGE { TW_UINT16 ItemType; TW_UINT32 MinValue, MaxValue, StepSize, DefaultValue, CurrentValue; };
struct TW_ENUMERATION { TW_UINT16 ItemType; TW_UINT32 NumItems, CurrentIndex, DefaultIndex; uint8_t ItemList[1]; };
struct TW_ENTRYPOINT {
  TW_UINT32 Size;
  void* DSM_Entry;
  TW_HANDLE(WINAPI* DSM_MemAllocate)(TW_UINT32);
  void(WINAPI* DSM_MemFree)(TW_HANDLE);
  TW_MEMREF(WINAPI* DSM_MemLock)(TW_HANDLE);
  void(WINAPI* DSM_MemUnlock)(TW_HANDLE);
};
#pragma pack(pop)

typedef TW_UINT16(WINAPI* DSMENTRYPROC)(TW_IDENTITY* origin, TW_IDENTITY* dest, TW_UINT32 dg, TW_UINT16 dat,
                                         TW_UINT16 msg, TW_MEMREF data);

// Data groups, data argument types, messages.
constexpr TW_UINT32 DG_CONTROL = 0x1, DG_IMAGE = 0x2, DF_APP2 = 0x20000000;
constexpr TW_UINT16 DAT_CAPABILITY = 0x1, DAT_EVENT = 0x2, DAT_IDENTITY = 0x3, DAT_PARENT = 0x4,
                    DAT_PENDINGXFERS = 0x5, DAT_SETUPMEMXFER = 0x6, DAT_STATUS = 0x8, DAT_USERINTERFACE = 0x9,
                    DAT_ENTRYPOINT = 0x403, DAT_IMAGEINFO = 0x101, DAT_IMAGELAYOUT = 0x102, DAT_IMAGEMEMXFER = 0x103;
constexpr TW_UINT16 MSG_NULL = 0x0, MSG_GET = 0x1, MSG_SET = 0x6, MSG_OPENDSM = 0x301, MSG_CLOSEDSM = 0x302,
                    MSG_OPENDS = 0x401, MSG_CLOSEDS = 0x402, MSG_GETFIRST = 0x4, MSG_GETNEXT = 0x5,
                    MSG_DISABLEDS = 0x501, MSG_ENABLEDS = 0x502, MSG_PROCESSEVENT = 0x601, MSG_ENDXFER = 0x701,
                    MSG_RESET = 0x0007, MSG_XFERREADY = 0x101, MSG_CLOSEDSREQ = 0x102, MSG_CLOSEDSOK = 0x103;
// Return and condition codes.
constexpr TW_UINT16 TWRC_SUCCESS = 0, TWRC_FAILURE = 1, TWRC_CHECKSTATUS = 2, TWRC_CANCEL = 3, TWRC_DSEVENT = 4,
                    TWRC_NOTDSEVENT = 5, TWRC_XFERDONE = 6, TWRC_ENDOFLIST = 7;
constexpr TW_UINT16 TWCC_BUMMER = 1, TWCC_LOWMEMORY = 2, TWCC_NODS = 3, TWCC_MAXCONNECTIONS = 4,
                    TWCC_OPERATIONERROR = 5, TWCC_BADCAP = 6, TWCC_BADPROTOCOL = 9, TWCC_BADVALUE = 10,
                    TWCC_SEQERROR = 11, TWCC_DENIED = 16, TWCC_PAPERJAM = 20, TWCC_PAPERDOUBLEFEED = 21,
                    TWCC_FILEWRITEERROR = 22, TWCC_CHECKDEVICEONLINE = 23, TWCC_INTERLOCK = 24,
                    TWCC_DAMAGEDCORNER = 25, TWCC_FOCUSERROR = 26, TWCC_NOMEDIA = 29;
// Containers, item types, capabilities and their values.
constexpr TW_UINT16 TWON_ONEVALUE = 5, TWON_RANGE = 6, TWON_ENUMERATION = 4, TWON_DONTCARE16 = 0xffff;
constexpr TW_UINT16 TWTY_INT16 = 1, TWTY_INT32 = 2, TWTY_UINT16 = 4, TWTY_UINT32 = 5, TWTY_BOOL = 6, TWTY_FIX32 = 7;
constexpr TW_UINT16 CAP_XFERCOUNT = 0x0001, CAP_FEEDERENABLED = 0x1002, CAP_FEEDERLOADED = 0x1003,
                    CAP_AUTOFEED = 0x1007, CAP_DUPLEXENABLED = 0x1013, CAP_DUPLEX = 0x1012,
                    CAP_INDICATORS = 0x100b, ICAP_COMPRESSION = 0x0100, ICAP_PIXELTYPE = 0x0101,
                    ICAP_XFERMECH = 0x0103, ICAP_BRIGHTNESS = 0x1101, ICAP_CONTRAST = 0x1103,
                    ICAP_PIXELFLAVOR = 0x111f, ICAP_PHYSICALWIDTH = 0x1111, ICAP_PHYSICALHEIGHT = 0x1112,
                    ICAP_UNITS = 0x0102, ICAP_XRESOLUTION = 0x1118, ICAP_YRESOLUTION = 0x1119,
                    ICAP_BITDEPTH = 0x112b;
constexpr TW_UINT16 TWPT_BW = 0, TWPT_GRAY = 1, TWPT_RGB = 2;
constexpr TW_UINT16 TWSX_MEMORY = 2, TWCP_NONE = 0, TWUN_INCHES = 0, TWPF_CHOCOLATE = 0, TWPF_VANILLA = 1;
constexpr TW_UINT32 TWMF_APPOWNS = 0x1, TWMF_POINTER = 0x8;

inline double Fix32ToDouble(TW_FIX32 f) { return f.Whole + f.Frac / 65536.0; }
inline TW_FIX32 DoubleToFix32(double d) {
  TW_INT32 v = static_cast<TW_INT32>(d * 65536.0 + (d < 0 ? -0.5 : 0.5));
  return TW_FIX32{static_cast<TW_INT16>(v >> 16), static_cast<TW_UINT16>(v & 0xffff)};
}

}  // namespace sohoa::twain
