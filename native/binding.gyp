# One Node-API addon for the scanner host: SANE on Linux/macOS, TWAIN on Windows.
# Node-API is ABI-stable, so the same build loads under Node and under Electron.
{
  "targets": [
    {
      "target_name": "sohoa_scanner",
      "cflags_cc": ["-std=c++17", "-Wall", "-Wextra"],
      "cflags_cc!": ["-fno-exceptions"],
      "include_dirs": ["<!(node -p \"require('node-addon-api').include_dir\")"],
      "defines": ["NAPI_VERSION=8", "NODE_ADDON_API_DISABLE_DEPRECATED"],
      "sources": ["src/addon.cc"],
      "conditions": [
        ["OS=='win'", {
          "sources": ["src/twain/twain_session.cc", "src/twain/twain_addon.cc"],
          "defines": ["SOHOA_TWAIN=1", "NOMINMAX", "WIN32_LEAN_AND_MEAN", "UNICODE", "_UNICODE"],
          "libraries": ["user32.lib"],
          "msvs_settings": { "VCCLCompilerTool": { "ExceptionHandling": 1, "AdditionalOptions": ["/std:c++17"] } }
        }, {
          "sources": ["src/sane/sane_device.cc", "src/sane/sane_addon.cc", "src/sane/sane_status.cc"],
          "defines": ["SOHOA_SANE=1"],
          "libraries": ["-lsane"],
          "xcode_settings": { "GCC_ENABLE_CPP_EXCEPTIONS": "YES", "CLANG_CXX_LANGUAGE_STANDARD": "c++17" }
        }]
      ]
    }
  ]
}
