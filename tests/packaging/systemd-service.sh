#!/bin/bash
# The Debian package's unit under a live systemd, set up as the README's install steps do: the
# package's files, the configuration and root-only secret files in /etc/hiveslack, then
# `systemctl enable --now hiveslack`. The service must report ready, serve (hiveslack-sim plays
# TheHive and Slack, Slack's side over Socket Mode, and a case reaches Slack), ping the
# watchdog, be restarted after a kill -9 and after a hang, and stop cleanly.
#
# systemd boots in a systemd-nspawn container whose root is this machine's file system under a
# tmpfs overlay (nothing written there survives), with the package's files added and this
# machine's enabled units left out; the network is shared (the simulator is on loopback).
# Needs root and namespaces, as CI has; exits 77 (skipped) without them.
#
# Usage: systemd-service.sh BUILD_DIR
set -euo pipefail

build=$(realpath "$1")
fail() { echo "FAIL: $*" >&2; exit 1; }
skip() { echo "SKIP: $*"; exit 77; }
[ "$(id -u)" = 0 ] || skip "needs root, for namespaces and systemd-nspawn"
command -v systemd-nspawn >/dev/null ||
  fail "no systemd-nspawn (bash resources/setup.sh installs systemd-container)"
unshare --mount true 2>/dev/null || skip "mount namespaces are not permitted here"

work=$(mktemp -d -p "$build" systemd-service.XXXXXX)
# The container's control groups go under ours (in each hierarchy systemd uses), removed at
# the end: this machine's PID 1 is not systemd and would not remove them.
cgroups=(/sys/fs/cgroup/systemd/hiveslack-test.$$ /sys/fs/cgroup/unified/hiveslack-test.$$)
sim_pid=""
boot_pid=""
leader=""
cleanup() {
  set +e
  if [ -n "$leader" ]; then
    kill -s RTMIN+4 "$leader" 2>/dev/null || true # systemd's "power off"
    for _ in $(seq 50); do kill -0 "$boot_pid" 2>/dev/null || break; sleep 0.2; done
  fi
  [ -n "$boot_pid" ] && kill -9 "$boot_pid" 2>/dev/null
  [ -n "$sim_pid" ] && kill "$sim_pid" 2>/dev/null
  wait 2>/dev/null
  for cgroup in "${cgroups[@]}"; do
    [ -d "$cgroup" ] && find "$cgroup" -depth -type d -exec rmdir {} + 2>/dev/null
  done
  rm -rf "$work"
}
trap cleanup EXIT

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}
waitfor() { # seconds, description, command...
  local limit=$1 what=$2
  shift 2
  for _ in $(seq $((limit * 5))); do
    "$@" >/dev/null 2>&1 && return 0
    sleep 0.2
  done
  fail "$what (waited ${limit}s)"
}

# The package, unpacked as dpkg lays it out.
(cd "$build" && cpack -G DEB -B "$work/deb" >/dev/null) || fail "cpack -G DEB"
dpkg-deb -x "$work"/deb/hiveslack_*.deb "$work/root"
[ -f "$work/root/usr/lib/systemd/system/hiveslack.service" ] || fail "the package has no unit"

# TheHive and Slack, with a case webhook every second to the service's port.
port=$(free_port)
"$work/root/usr/bin/hiveslack-sim" --demo --slack-app-token xapp-1-systemd-test \
  --webhook-url "http://127.0.0.1:$port/thehive/webhook" --webhook-secret hive-webhook-secret \
  --every 1000 >"$work/sim.log" 2>&1 &
sim_pid=$!
waitfor 10 "hiveslack-sim is not ready" grep -q '"ready"' "$work/sim.log"
hive_url=$(sed -n 's/.*"thehive":"\([^"]*\)".*/\1/p' "$work/sim.log" | head -1)
slack_url=$(sed -n 's/.*"slack":"\([^"]*\)".*/\1/p' "$work/sim.log" | head -1)

# /etc/hiveslack as the README's install steps leave it.
etc="$work/etc"
install -d -m 0755 "$etc/hiveslack" "$etc/systemd/system/hiveslack.service.d"
printf '{ "listen": "127.0.0.1:%s", "thehive": { "url": "%s", "reconcileSeconds": 0 },\n' \
  "$port" "$hive_url" >"$etc/hiveslack/hiveslack.json"
printf '  "slack": { "apiUrl": "%s", "defaultChannel": "C0HIVE01" } }\n' \
  "$slack_url" >>"$etc/hiveslack/hiveslack.json"
(
  umask 077
  printf 'sim-thehive-key' >"$etc/hiveslack/thehive-api-key"
  printf 'hive-webhook-secret' >"$etc/hiveslack/thehive-webhook-secret"
  printf 'xoxb-sim' >"$etc/hiveslack/slack-bot-token"
  printf 'xapp-1-systemd-test' >"$etc/hiveslack/slack-app-token"
)
# A shorter watchdog than the shipped 30 s, so a hang is seen within the test; no core file
# from its SIGABRT (the kernel's core_pattern is this machine's).
printf '[Service]\nWatchdogSec=3\nLimitCORE=0\n' \
  >"$etc/systemd/system/hiveslack.service.d/test.conf"

# In a private mount namespace: the overlay root, then the container on it.
mkdir "$work/fs"
cat >"$work/boot.sh" <<'EOF'
set -e
work=$1
root=$work/fs/root
mount -t tmpfs tmpfs "$work/fs"
mkdir "$work/fs/upper" "$work/fs/work" "$root"
mount -t overlay overlay -o "lowerdir=/,upperdir=$work/fs/upper,workdir=$work/fs/work" "$root"
cp -a "$work/root/usr/." "$root/usr/"
rm -rf "$root/etc/systemd/system" "$root/etc/hiveslack"
mkdir -p "$root/etc/systemd"
cp -a "$work/etc/systemd/system" "$root/etc/systemd/"
cp -a "$work/etc/hiveslack" "$root/etc/"
exec systemd-nspawn --quiet --directory="$root" --machine=hiveslack-test --register=no \
  --keep-unit --link-journal=no --boot systemd.unit=basic.target
EOF
(
  for cgroup in "${cgroups[@]}"; do
    if [ -d "${cgroup%/*}" ]; then mkdir -p "$cgroup" && echo "$BASHPID" >"$cgroup/cgroup.procs"; fi
  done
  exec unshare --mount --propagation private --kill-child bash "$work/boot.sh" "$work"
) >"$work/systemd.log" 2>&1 </dev/null &
boot_pid=$!
# unshare → systemd-nspawn → the container's systemd
find_leader() {
  local nspawn
  nspawn=$(pgrep -x systemd-nspawn -P "$boot_pid" | head -1) &&
    leader=$(pgrep -x systemd -P "$nspawn" | head -1) && [ -n "$leader" ]
}
waitfor 30 "the container did not start" find_leader
find_leader
ns() { nsenter -t "$leader" -m -u -i -p "$@"; }
show() { ns systemctl show hiveslack -p "$1" --value; }
# (Read whole: grep -q would close the pipe early, and pipefail count that as a failure.)
journal_says() { [[ "$(ns journalctl -u hiveslack --no-pager)" == *"$1"* ]]; }
booted() { case "$(ns systemctl is-system-running)" in running | degraded) return 0 ;; esac; return 1; }
waitfor 60 "systemd did not finish starting: $(tail -5 "$work/systemd.log")" booted

echo "systemd $(ns systemctl --version | head -1 | cut -d' ' -f2) booted in a container"
ns systemctl enable --now hiveslack || {
  ns journalctl -u hiveslack --no-pager | tail -20
  fail "systemctl enable --now hiveslack"
}
# Type=notify: "active" only once READY=1 came.
[ "$(show ActiveState)" = active ] || fail "not active after enable --now: $(show ActiveState)"
[ "$(show StatusText)" = serving ] || fail "STATUS= is '$(show StatusText)', not 'serving'"
echo "started and ready (STATUS=$(show StatusText)), as user $(ns stat -c %U "/proc/$(show MainPID)")"

healthz() {
  python3 -c 'import sys, urllib.request; print(urllib.request.urlopen(sys.argv[1], timeout=5).read().decode())' \
    "http://127.0.0.1:$port/healthz"
}
socket_mode_up() { [[ "$(healthz)" == *'"socketMode":{"state":"connected"}'* ]]; }
waitfor 10 "Socket Mode did not connect" socket_mode_up
waitfor 20 "no case card was posted" grep -q '"path":"/api/chat.postMessage"' "$work/sim.log"
echo "a case reached Slack; /healthz: $(healthz | tail -1 | head -c 160)…"
ns test -f /var/lib/hiveslack/journal.sqlite || fail "no journal in the StateDirectory"

# The watchdog is pinged: no restart over three of its intervals.
sleep 9
[ "$(show NRestarts)" = 0 ] ||
  fail "restarted although alive: $(ns journalctl -u hiveslack --no-pager | tail -5)"

first=$(show MainPID)
ns kill -9 "$first"
restarted() { [ "$(show NRestarts)" = "$1" ] && [ "$(show ActiveState)" = active ]; }
waitfor 20 "not restarted after kill -9" restarted 1
second=$(show MainPID)
[ "$second" != "$first" ] || fail "the same process after kill -9"
echo "restarted after kill -9 ($first -> $second)"

ns kill -STOP "$second" # hangs: no more watchdog pings
waitfor 30 "not restarted after a hang" restarted 2
journal_says "Watchdog timeout" || fail "the hang was not a watchdog timeout"
echo "restarted by the watchdog after a hang ($second -> $(show MainPID))"

ns systemctl stop hiveslack
[ "$(show ActiveState)" = inactive ] || fail "not inactive after stop"
[ "$(show Result)" = success ] || fail "stop ended with result $(show Result)"
[ "$(show ExecMainStatus)" = 0 ] || fail "exit status $(show ExecMainStatus) on stop"
waitfor 5 "no 'stopping' in the journal" journal_says "hiveslack: stopping"
echo "stopped cleanly (exit 0)"
echo "PASS"
