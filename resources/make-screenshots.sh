#!/usr/bin/env bash
# Regenerates the README's console screenshots: builds hiveslack-screenshots and the simulator,
# then opens the real console in demo mode on a virtual X display (Xvfb) and saves each page
# into resources/screenshots/. Without xvfb-run it falls back to Qt's offscreen platform.
#   BUILD_DIR   the CMake build directory (default: build, as resources/setup.sh makes it)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
build=${BUILD_DIR:-build}
out=resources/screenshots

if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DWITH_UI=ON >/dev/null
fi
cmake --build "$build" -j"$(nproc)" --target hiveslack-screenshots hiveslack-sim

mkdir -p "$out"
# English, whatever the machine's locale; no desktop theme or scaling leaks in.
export LANG=C.UTF-8 LC_ALL=C.UTF-8 QT_SCALE_FACTOR=1 QT_QPA_PLATFORMTHEME=
# The staged failed click is expected: its delivery warning is not news.
export QT_LOGGING_RULES="hiveslack.*.info=false;hiveslack.delivery.warning=false"
capture=("$build/bin/hiveslack-screenshots" "$out")
if command -v xvfb-run >/dev/null; then
  QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1280x1024x24" "${capture[@]}"
else
  echo "make-screenshots: xvfb-run not found, rendering offscreen" >&2
  QT_QPA_PLATFORM=offscreen "${capture[@]}"
fi
