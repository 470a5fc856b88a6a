#!/usr/bin/env bash
# HiveSlack set-up on Debian 12: installs the Debian packages that are missing, builds, then
#   run   starts HiveSlack (the console when a display is available, headless otherwise;
#         demo mode against the built-in simulator while nothing is configured)
#   test  runs the whole test suite through ctest
# Quiet and quick when everything is already there. Run as root or as a user with sudo.
set -euo pipefail

usage() { echo "usage: bash resources/setup.sh run|test [hiveslack arguments...]" >&2; exit 2; }
[ $# -ge 1 ] || usage
action=$1; shift
case "$action" in run|test) ;; *) usage ;; esac

cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$(pwd)

packages=(
  g++ cmake ninja-build ccache pkg-config
  qt6-base-dev qt6-httpserver-dev qt6-websockets-dev qtkeychain-qt6-dev
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libqt6sql6-sqlite libsecret-1-0
  dbus dbus-bin gnome-keyring libsecret-tools xvfb xauth fonts-dejavu-core
  python3-jsonschema python3-prometheus-client systemd systemd-container desktop-file-utils
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=(); [ "$(id -u)" = 0 ] || sudo=(sudo)
  echo "setup: installing ${#missing[@]} Debian packages: ${missing[*]}"
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
fi

werror=OFF; [ "${CI:-}" = true ] && werror=ON
if [ ! -f build/CMakeCache.txt ]; then
  cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DHIVESLACK_WERROR=$werror >/dev/null
fi
cmake --build build -j"$(nproc)"

if [ "$action" = run ]; then
  # Configured means: HIVESLACK_* in the environment or arguments (e.g. --config); for the
  # console also the settings it saved. Until then the demo shows the whole loop.
  settings="${XDG_CONFIG_HOME:-$HOME/.config}/HiveSlack/hiveslack.json"
  configured=false
  if [ -n "${HIVESLACK_THEHIVE_URL:-}" ] || [ $# -gt 0 ]; then configured=true; fi
  if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    { [ "$configured" = true ] || [ -f "$settings" ]; } && exec build/bin/hiveslack "$@"
    echo "setup: nothing configured yet: opening the console in demo mode (Overview → Configure… to set it up)"
    exec build/bin/hiveslack --demo
  fi
  [ "$configured" = true ] && exec build/bin/hiveslack --headless "$@"
  echo "setup: nothing configured yet: running the demo against the built-in TheHive and Slack simulator"
  exec build/bin/hiveslack --demo --headless
fi

# Tests: a private HOME and session bus with an unlocked keyring, so the keychain tests use a
# throwaway keyring and never prompt; no DISPLAY, GUI tests render offscreen.
scratch=$(mktemp -d "${TMPDIR:-/tmp}/hiveslack-test.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/home" "$scratch/runtime"
chmod 700 "$scratch/runtime"
export CCACHE_DIR="${CCACHE_DIR:-$HOME/.cache/ccache}"
env -u DISPLAY -u WAYLAND_DISPLAY HOME="$scratch/home" XDG_RUNTIME_DIR="$scratch/runtime" \
  QT_QPA_PLATFORM=offscreen HIVESLACK_KEYRING_UNLOCKED=1 \
  dbus-run-session -- sh -c '
    printf %s hiveslack-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null
    exec ctest --test-dir "$0/build" --output-on-failure -j2 --timeout 600' "$root"
