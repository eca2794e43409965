#!/usr/bin/env bash
# Proves the README's set-up on a freshly installed Debian: a bare Debian (debootstrap
# minbase) with only python3 and pip, this checkout cloned in, then `bash setup.sh test`.
# Not run by CI. Needs root (debootstrap, chroot, mount).
#
#   bash scripts/fresh-debian.sh [SUITE] [ROOT] [PYTEST ARGS...]
#   bash scripts/fresh-debian.sh bookworm /work/deb12          # Debian 12, Python 3.11
#   bash scripts/fresh-debian.sh trixie /work/deb13 -x -q      # Debian 13, Python 3.13
#
# ROOT is reused when it already holds a Debian; the clone inside it is made fresh each time
# from the committed state of this checkout (HEAD), so commit before running. Everything
# mounted under ROOT is unmounted on the way out, whatever happens.
set -euo pipefail

suite="${1:-bookworm}"
root="${2:-/work/deb-$suite}"
shift $(( $# < 2 ? $# : 2 ))
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

say() { printf 'fresh-debian: %s\n' "$*" >&2; }
[ "$(id -u)" -eq 0 ] || { say "run as root (debootstrap, chroot and mount need it)"; exit 2; }

mirror() {
  # The Debian mirror this machine's apt uses, in either sources format.
  local uri
  uri=$(grep -hoE '^(URIs:|deb) +\S+' /etc/apt/sources.list /etc/apt/sources.list.d/* \
          2>/dev/null | grep -v security | awk '{print $2}' | head -n 1 || true)
  echo "${uri:-http://deb.debian.org/debian}"
}

bound=()
unmount_all() {
  # Deepest first; -R also takes what is mounted below each one.
  for sub in "${bound[@]}" dev/shm dev/pts dev sys proc; do
    if mountpoint -q "$root/${sub#/}"; then
      umount -R "$root/${sub#/}" || umount -lR "$root/${sub#/}"
    fi
  done
}
trap unmount_all EXIT

in_root() {
  chroot "$root" env -i HOME=/root LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive \
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin bash -lc "$1"
}

if [ ! -x "$root/usr/bin/apt-get" ]; then
  command -v debootstrap >/dev/null || apt-get install -y -qq debootstrap >/dev/null
  say "debootstrap --variant=minbase $suite $root $(mirror)"
  debootstrap --variant=minbase "$suite" "$root" "$(mirror)" >"$root.debootstrap.log" 2>&1 \
    || { say "debootstrap failed; see $root.debootstrap.log"; exit 1; }
fi

mount -t proc proc "$root/proc"
mount --rbind /sys "$root/sys"
mount --bind /dev "$root/dev"
mount --bind /dev/pts "$root/dev/pts"
mount -t tmpfs tmpfs "$root/dev/shm"

# Name resolution, this machine's pip configuration (and the local indexes, wheel folders
# and constraint files it names, read-only) and CA certificates; nothing else comes from
# this machine.
cp /etc/resolv.conf "$root/etc/resolv.conf"
[ -f /etc/pip.conf ] && cp /etc/pip.conf "$root/etc/pip.conf"
for folder in /etc/xdg/pip /root/.config/pip /root/.pip; do
  if [ -d "$folder" ]; then mkdir -p "$root$folder"; cp -r "$folder/." "$root$folder/"; fi
done
pip_paths=$(pip config list 2>/dev/null | grep -oE "(file://)?/[^' ]+" | sed 's|^file://||' \
              | sed -E 's|/simple/?$||' | sort -u || true)
for path in $pip_paths; do
  if [ -d "$path" ] && [ ! -e "$root$path" ]; then
    mkdir -p "$root$path"; mount --bind -o ro "$path" "$root$path"; bound+=("$path")
  elif [ -f "$path" ] && [ ! -e "$root$path" ]; then
    mkdir -p "$root$(dirname "$path")"; cp "$path" "$root$path"
  fi
done
if [ -d /usr/local/share/ca-certificates ]; then
  mkdir -p "$root/usr/local/share/ca-certificates"
  cp -r /usr/local/share/ca-certificates/. "$root/usr/local/share/ca-certificates/"
fi

say "installing only python3 and python3-pip"
in_root "apt-get update -qq && apt-get install -y -qq --no-install-recommends \
  python3 python3-pip ca-certificates >/dev/null && update-ca-certificates >/dev/null"
# git is not part of the user's set-up: the clone is made from outside the root.
rm -rf "$root/root/warmup-tui"
git clone -q "$repo" "$root/root/warmup-tui"
say "cloned $(git -C "$repo" rev-parse --short HEAD) into $root/root/warmup-tui"

say "bash setup.sh test $* (Python $(in_root 'python3 --version' | cut -d' ' -f2))"
set +e
args=""
[ $# -gt 0 ] && args=$(printf '%q ' "$@")
in_root "cd /root/warmup-tui && bash setup.sh test -p no:cacheprovider $args"
status=$?
set -e
say "bash setup.sh test exited $status"
exit $status
