#!/usr/bin/env bash
# Compile check of the Windows-only TWAIN sources with Debian's mingw-w64 (g++-mingw-w64-x86-64):
# syntax, types and warnings against the Windows and Node-API headers. Not a build — the real one
# runs on Windows through node-gyp (native/build.mjs).
set -euo pipefail
cd "$(dirname "$0")/src"
node_headers="$(dirname "$(command -v node)")/../include/node"
addon_api="$(node -p "require('node-addon-api').include_dir")"
for file in twain/twain_session.cc twain/twain_addon.cc addon.cc; do
  x86_64-w64-mingw32-g++ -std=c++17 -fsyntax-only -Wall -Wextra -Werror \
    -DSOHOA_TWAIN=1 -DNOMINMAX -DWIN32_LEAN_AND_MEAN -DUNICODE -D_UNICODE \
    -DNAPI_VERSION=8 -DNODE_ADDON_API_DISABLE_DEPRECATED \
    -I"$node_headers" -I"$addon_api" "$file"
done
echo "TWAIN sources compile cleanly with mingw-w64"
