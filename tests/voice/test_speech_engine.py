"""The engine gets text as data: an argument list, no shell, nothing read as an option."""

from __future__ import annotations

import os
import subprocess
import wave
from array import array
from pathlib import Path

import pytest

from tests.voice.conftest import ESPEAK, LoggedEngine, needs_espeak
from warmup_tui.audio.speech_engine import Engine, command, find_engine, render, safe_voice


def test_the_text_comes_after_the_end_of_options() -> None:
    engine = Engine("espeak-ng", "/usr/bin/espeak-ng")
    args = command(engine, "-w /tmp/x", "en-us", 165, Path("/tmp/out.wav"))
    assert args == ["/usr/bin/espeak-ng", "-v", "en-us", "-s", "165", "-w", "/tmp/out.wav",
                    "--", "-w /tmp/x"]


def test_a_voice_that_is_not_a_voice_name_is_left_out() -> None:
    assert safe_voice(" en+f3 ") == "en+f3"
    assert safe_voice("Good News") == "Good News"
    for bad in ("-w/etc/passwd", "", "en; rm -rf ~", "a" * 80, "$(id)"):
        assert safe_voice(bad) is None
    args = command(Engine("espeak", "espeak"), "Hi", "--help", 165, Path("o.wav"))
    assert "-v" not in args and "--help" not in args


def test_say_reads_the_text_from_stdin() -> None:
    args = command(Engine("say", "/usr/bin/say"), "-rf", "en", 200, Path("o.wav"))
    assert "-rf" not in args and args[-2:] == ["-f", "-"]
    assert "-v" not in args  # the espeak default means "the system's own voice" here
    named = command(Engine("say", "/usr/bin/say"), "Hi", "Samantha", 200, Path("o.wav"))
    assert named[1:3] == ["-v", "Samantha"]


@needs_espeak
def test_found_on_path_and_not_without_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          logged_engine: LoggedEngine) -> None:
    monkeypatch.setenv("PATH", str(logged_engine.bin))
    assert find_engine() == Engine("espeak-ng", str(logged_engine.path))
    empty = tmp_path / "empty"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    assert find_engine() is None


def loud(path: Path) -> int:
    with wave.open(str(path), "rb") as reader:
        samples = array("h", reader.readframes(reader.getnframes()))
    return max((abs(v) for v in samples), default=0)


@needs_espeak
@pytest.mark.parametrize("template", [
    "$(touch {m}); rm -rf ~ | & ; `touch {m}` > {m}",
    "-w{m}",
    "--phonout={m}",
    "--help; touch {m}",
    "'; touch {m}; echo '",
])
def test_shell_and_option_syntax_is_spoken_and_runs_nothing(tmp_path: Path,
                                                           template: str) -> None:
    assert ESPEAK is not None
    assert str(Path.home()).startswith(str(tmp_path.parent))  # a mistake could only hit a temp home
    marker = tmp_path / "marker"
    out = tmp_path / "out.wav"
    assert render(Engine("espeak-ng", ESPEAK), template.format(m=marker), "en", 165, out)
    assert not marker.exists()
    assert loud(out) > 3000  # real speech, not an empty file
    assert sorted(os.listdir(tmp_path)) == ["home", "out.wav"]


@needs_espeak
def test_without_the_end_of_options_a_name_would_be_read_as_an_option(tmp_path: Path) -> None:
    # The control for the test above: the same text with no "--" makes espeak-ng open
    # the marker as its phoneme output file.
    assert ESPEAK is not None
    marker = tmp_path / "marker"
    subprocess.run([ESPEAK, "-w", str(tmp_path / "o.wav"), f"--phonout={marker}"],
                   stdin=subprocess.DEVNULL, capture_output=True, timeout=20, check=False)
    assert marker.exists()


@needs_espeak
def test_a_failing_engine_reports_false(tmp_path: Path) -> None:
    assert ESPEAK is not None
    out = tmp_path / "out.wav"
    assert not render(Engine("espeak-ng", ESPEAK), "Hello", "nosuchvoice", 165, out)
    assert not render(Engine("espeak-ng", str(tmp_path / "missing")), "Hi", "en", 165, out)
