"""Rebuild the cue sounds in sounds/ from warmup_tui/audio/synth.py.

    python scripts/make_sounds.py            # write every sound into sounds/
    python scripts/make_sounds.py OUT_DIR    # write them somewhere else

Pure Python (array, wave); the output is the same bytes every run, so a diff of sounds/
after a run shows exactly which sounds a change to synth.py touched.
"""

from __future__ import annotations

import sys
import wave
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from warmup_tui.audio import synth  # noqa: E402


def write_wav(path: Path, name: str) -> int:
    samples = synth.render(name)
    if sys.byteorder == "big":  # WAV data is little-endian
        samples.byteswap()
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(synth.RATE)
        out.writeframes(samples.tobytes())
    return len(samples)


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else REPO / "sounds"
    folder.mkdir(parents=True, exist_ok=True)
    for name in synth.SOUNDS:
        frames = write_wav(folder / f"{name}.wav", name)
        print(f"{name}.wav  {frames / synth.RATE:.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
