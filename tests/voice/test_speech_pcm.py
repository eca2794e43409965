"""Converting the engine's WAV to the player's format: mono, 44.1 kHz, 16-bit."""

from __future__ import annotations

import wave
from array import array
from pathlib import Path

import pytest

from warmup_tui.audio.speech_pcm import load_for_player, resample, to_mono, write_wav


def wav(path: Path, samples: list[int], rate: int, channels: int = 1,
        width: int = 2) -> Path:
    with wave.open(str(path), "wb") as writer:
        writer.setnchannels(channels)
        writer.setsampwidth(width)
        writer.setframerate(rate)
        if width == 2:
            writer.writeframes(array("h", samples).tobytes())
        else:
            writer.writeframes(bytes(samples))
    return path


def test_doubling_the_rate_keeps_each_sample_and_puts_the_midpoint_between() -> None:
    source = array("h", [0, 100, -100, 32767, -32768, 7])
    out = resample(source, 22050, 44100)
    assert len(out) == 12
    assert list(out[0::2]) == list(source)
    # Between two samples, their mean (within rounding); after the last, the last again.
    means = [50, 0, 16333.5, -0.5, -16380.5, 7]
    assert all(abs(got - want) <= 0.5 for got, want in zip(out[1::2], means, strict=True))


def test_other_rates_interpolate_linearly_and_keep_the_length_in_time() -> None:
    ramp = array("h", range(0, 16000, 10))  # 1600 samples of a straight line
    out = resample(ramp, 16000, 44100)
    assert len(out) == 1600 * 44100 // 16000
    # On a straight line, linear interpolation is exact: sample j sits at j * 16000/44100.
    for j in (0, 1, 2, 441, 1000, 4000):
        assert abs(out[j] - 10 * j * 16000 / 44100) <= 0.5
    assert resample(ramp, 44100, 44100) == ramp
    assert len(resample(array("h"), 22050)) == 0


def test_stereo_is_averaged_to_mono() -> None:
    assert list(to_mono(array("h", [100, 300, -5, -6, 32767, 32767]), 2)) == [200, -6, 32767]


def test_a_wav_file_is_loaded_at_the_players_rate(tmp_path: Path) -> None:
    path = wav(tmp_path / "in.wav", [0, 1000, 2000, 1000, 1000, 0], 22050, channels=2)
    # Frames (0, 1000), (2000, 1000), (1000, 0) average to 500, 1500, 500; then doubled.
    assert list(load_for_player(path)) == [500, 1000, 1500, 1000, 500, 500]
    write_wav(tmp_path / "out.wav", array("h", [1, -2, 3]))
    with wave.open(str(tmp_path / "out.wav"), "rb") as reader:
        shape = (reader.getnchannels(), reader.getsampwidth(), reader.getframerate())
        assert shape == (1, 2, 44100)
        assert array("h", reader.readframes(3)).tolist() == [1, -2, 3]


def test_eight_bit_files_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="8-bit"):
        load_for_player(wav(tmp_path / "8.wav", [128, 129], 22050, width=1))
