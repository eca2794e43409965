#!/usr/bin/env bash
# One-command set-up for warmup-tui.
#
#   bash setup.sh run [ARGS...]   install everything into .venv, then start the app
#   bash setup.sh test [ARGS...]  install everything, test tools too, then run the tests
#   bash setup.sh install         install only
#
# PYTHON picks the interpreter (default python3) and VENV the folder (default .venv).
# WARMUP_VOICE=piper adds the natural voice (Piper, about 190 MB installed); test mode always does.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"
mode="${1:-run}"
[ $# -gt 0 ] && shift
PYTHON="${PYTHON:-python3}"
VENV="${VENV:-.venv}"

say() { printf 'setup: %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo "$@"
  else return 1
  fi
}

apt_updated=no
apt_install() {
  command -v apt-get >/dev/null 2>&1 || return 1
  if [ "$apt_updated" = no ]; then
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null 2>&1 || true
    apt_updated=yes
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

install_debs() {
  # Installs the named Debian packages, or says in one line what the user must install.
  if ! command -v apt-get >/dev/null 2>&1; then
    say "please install: $* (this script only knows apt-get)"; exit 1
  fi
  if ! apt_install "$@"; then
    say "missing system packages; run as root: apt-get install -y $*"; exit 1
  fi
}

need=()
"$PYTHON" -c 'import venv, ensurepip' 2>/dev/null || need+=(python3-venv)
"$PYTHON" - <<'PY' 2>/dev/null || need+=(python3-dev)
import os, sys, sysconfig
sys.exit(0 if os.path.exists(os.path.join(sysconfig.get_paths()["include"], "Python.h")) else 1)
PY
command -v gcc >/dev/null 2>&1 || need+=(gcc)
[ -f /usr/include/alsa/asoundlib.h ] || need+=(libasound2-dev)
# Every outside command the app or its tests call, with the Debian package that has it.
# The app speaks with espeak-ng (without it, it only beeps, so for running it is installed
# when possible, not required); the tests also hear the voice, drive a real terminal (tmux),
# find the app's processes in it (pgrep), mount small disks to fill up (mount), watch a
# save's system calls (strace), and hear music duck under the cues on a real sound server
# (PulseAudio, its pactl/paplay/parec, and ALSA's plugin that routes the app to it).
needs_command() { command -v "$1" >/dev/null 2>&1 || need+=("$2"); }
if [ "$mode" = test ]; then
  needs_command espeak-ng espeak-ng
  needs_command tmux tmux
  needs_command pgrep procps
  needs_command mount mount
  needs_command strace strace
  needs_command pulseaudio pulseaudio
  needs_command parec pulseaudio-utils
  compgen -G '/usr/lib/*/alsa-lib/libasound_module_pcm_pulse.so' >/dev/null ||
    need+=(libasound2-plugins)
fi
if [ ${#need[@]} -gt 0 ]; then
  say "installing system packages: ${need[*]}"
  install_debs "${need[@]}"
fi
if ! command -v espeak-ng >/dev/null 2>&1; then
  say "installing espeak-ng for the voice"
  apt_install espeak-ng ||
    say "no voice until espeak-ng is installed (as root: apt-get install -y espeak-ng)"
fi

extras=""
[ "${WARMUP_VOICE:-}" = piper ] && extras="[voice]"
[ "$mode" = test ] && extras="[test,voice]"
stamp="$VENV/.installed$extras"
if [ ! -x "$VENV/bin/python" ]; then
  say "creating $VENV with $("$PYTHON" --version 2>&1)"
  "$PYTHON" -m venv "$VENV"
fi
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  say "installing warmup-tui$extras into $VENV"
  log="$VENV/pip.log"
  if ! { "$VENV/bin/python" -m pip install --upgrade pip &&
         "$VENV/bin/python" -m pip install -e ".$extras"; } >"$log" 2>&1; then
    grep -i -E '^error|error:' "$log" | grep -v -i warning | tail -n 5 >&2 || true
    say "pip could not install warmup-tui; the full output is in $log"; exit 1
  fi
  touch "$stamp"
fi

case "$mode" in
  run) exec "$VENV/bin/warmup" "$@" ;;
  test)
    set +e
    "$VENV/bin/python" -m pytest "$@"
    status=$?
    # pytest exits 5 when nothing was collected, e.g. a filter that matched no test.
    if [ $status -eq 5 ]; then say "no tests ran"; exit 0; fi
    exit $status ;;
  install) ;;
  *) say "unknown mode '$mode'; use run, test or install"; exit 2 ;;
esac
