#!/bin/bash
# The Debian package's unit under a live systemd, the way the README installs it: the .deb's
# files, the configuration and root-only secret files in /etc/hiveslack, then
# `systemctl enable --now hiveslack`. The service must report ready, carry a case from TheHive
# to Slack (hiveslack-sim plays both, Slack over Socket Mode), ping the watchdog, be restarted
# after a kill -9 and after a hang, and stop cleanly.
#
# systemd runs as PID 1 of its own PID and mount namespaces on this machine's file system, with
# the package over /usr, /etc overlaid, and /run, /var and /tmp on tmpfs; the units that would
# reach past those (tmpfiles, udev, sysctl, modules) are masked: nothing outside the namespaces
# changes. Needs root (as CI runs) and Debian's systemd package.
#
# Usage: systemd-service.sh BUILD_DIR
set -euo pipefail

build=$(realpath "$1")
fail() { echo "FAIL: $*" >&2; exit 1; }
[ "$(id -u)" = 0 ] || fail "needs root, for namespaces and systemd"
[ -x /lib/systemd/systemd ] || fail "no /lib/systemd/systemd (bash resources/setup.sh installs it)"

# Not in /tmp, which the namespace's own /tmp hides.
work=$(mktemp -d -p "$build" systemd-service.XXXXXX)
sim_pid=""
systemd_pid=""
cleanup() {
  [ -n "$systemd_pid" ] && kill -9 "$systemd_pid" 2>/dev/null # its namespace's processes go too
  [ -n "$sim_pid" ] && kill "$sim_pid" 2>/dev/null
  wait 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
waitfor() { # seconds, description, command...
  local limit=$1 what=$2
  shift 2
  for _ in $(seq $((limit * 5))); do
    "$@" >/dev/null 2>&1 && return 0
    sleep 0.2
  done
  fail "$what (waited ${limit}s)"
}

# The package, unpacked as dpkg would lay it out.
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

# /etc as the README's install steps leave it (in the overlay's upper layer).
etc="$work/etc/upper"
install -d -m 0755 "$etc/hiveslack" "$etc/systemd/system" "$work/etc/work"
install -m 0644 "$work/root/usr/share/doc/hiveslack/hiveslack.example.json" "$etc/hiveslack/example.json"
cat >"$etc/hiveslack/hiveslack.json" <<EOF
{
  "listen": "127.0.0.1:$port",
  "thehive": { "url": "$hive_url", "reconcileSeconds": 0 },
  "slack": { "apiUrl": "$slack_url", "defaultChannel": "C0HIVE01" }
}
EOF
(umask 077
 printf 'sim-thehive-key' >"$etc/hiveslack/thehive-api-key"
 printf 'hive-webhook-secret' >"$etc/hiveslack/thehive-webhook-secret"
 printf 'xoxb-sim' >"$etc/hiveslack/slack-bot-token"
 printf 'xapp-1-systemd-test' >"$etc/hiveslack/slack-app-token")
for unit in systemd-tmpfiles-setup.service systemd-tmpfiles-setup-dev.service \
  systemd-tmpfiles-clean.timer systemd-udevd.service systemd-udev-trigger.service \
  systemd-udevd-control.socket systemd-udevd-kernel.socket systemd-sysctl.service \
  systemd-modules-load.service kmod-static-nodes.service systemd-binfmt.service \
  systemd-remount-fs.service systemd-hwdb-update.service; do
  ln -s /dev/null "$etc/systemd/system/$unit"
done
# A shorter watchdog than the shipped 30 s, so a hang is seen within the test.
install -d "$etc/systemd/system/hiveslack.service.d"
printf '[Service]\nWatchdogSec=3\n' >"$etc/systemd/system/hiveslack.service.d/test.conf"

cat >"$work/boot.sh" <<EOF
set -e
mount --make-rshared /
mount -t overlay overlay -o lowerdir=$work/root/usr:/usr /usr
mount -t overlay overlay -o lowerdir=/etc,upperdir=$etc,workdir=$work/etc/work /etc
mount -t tmpfs tmpfs /run
mount -t tmpfs tmpfs /var
mount -t tmpfs -o mode=1777 tmpfs /tmp
mkdir -p /run/lock /var/lib /var/log /var/cache /var/tmp
chmod 1777 /var/tmp
exec env container=hiveslack-test /lib/systemd/systemd --system --unit=basic.target --log-target=journal
EOF
setsid unshare --pid --fork --mount --mount-proc --propagation private bash "$work/boot.sh" \
  >"$work/systemd.log" 2>&1 </dev/null &
unshare_pid=$!
waitfor 10 "systemd did not start" pgrep -P "$unshare_pid" -x systemd
systemd_pid=$(pgrep -P "$unshare_pid" -x systemd)
ns() { nsenter -t "$systemd_pid" -m -p "$@"; }
show() { ns systemctl show hiveslack -p "$1" --value; }
waitfor 60 "systemd is not running: $(cat "$work/systemd.log")" ns systemctl is-system-running

echo "systemd $(ns systemctl --version | head -1 | cut -d' ' -f2) is PID 1 of its namespace"
ns systemctl daemon-reload
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
socket_mode_up() { healthz | grep -q '"socketMode":{"state":"connected"}'; }
waitfor 10 "Socket Mode did not connect" socket_mode_up
waitfor 20 "no case card was posted" grep -q '"path":"/api/chat.postMessage"' "$work/sim.log"
echo "a case reached Slack; /healthz: $(healthz | tail -1 | head -c 160)…"
ns test -f /var/lib/hiveslack/journal.sqlite || fail "no journal in the StateDirectory"

# The watchdog is pinged: no restart over three of its intervals.
sleep 9
[ "$(show NRestarts)" = 0 ] || fail "restarted although alive: $(ns journalctl -u hiveslack --no-pager | tail -5)"

first=$(show MainPID)
ns kill -9 "$first"
restarted() { [ "$(show NRestarts)" = "$1" ] && [ "$(show ActiveState)" = active ]; }
waitfor 20 "not restarted after kill -9" restarted 1
second=$(show MainPID)
[ "$second" != "$first" ] || fail "the same process after kill -9"
echo "restarted after kill -9 ($first -> $second)"

ns kill -STOP "$second" # hangs: no more watchdog pings
waitfor 30 "not restarted after a hang" restarted 2
ns journalctl -u hiveslack --no-pager | grep -q "Watchdog timeout" || fail "the hang was not a watchdog timeout"
echo "restarted by the watchdog after a hang ($second -> $(show MainPID))"

ns systemctl stop hiveslack
[ "$(show ActiveState)" = inactive ] || fail "not inactive after stop"
[ "$(show Result)" = success ] || fail "stop ended with result $(show Result)"
[ "$(show ExecMainStatus)" = 0 ] || fail "exit status $(show ExecMainStatus) on stop"
ns journalctl -u hiveslack --no-pager | grep -q "hiveslack: stopping" || fail "no 'stopping' in the journal"
echo "stopped cleanly (exit 0)"
echo "PASS"
