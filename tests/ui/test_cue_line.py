"""The session's cue never leaves one word alone on its second line."""

from __future__ import annotations

import time
from pathlib import Path

from tmux_terminal import TmuxServer, app_command

from warmup_tui.engine.timeline import DEFAULT_RUN_CUES
from warmup_tui.ui.widgets.cue_line import balanced_lines

HILLY = DEFAULT_RUN_CUES[3]  # 63 characters: at 80 columns a plain wrap strands "adapt"


def test_a_sentence_that_fits_stays_on_one_line() -> None:
    assert balanced_lines(HILLY, len(HILLY)) == [HILLY]
    assert balanced_lines("Breathe", 3) == ["Breathe"]


def test_two_lines_come_out_even() -> None:
    lines = balanced_lines(HILLY, 60)
    assert " ".join(lines) == HILLY
    assert len(lines) == 2 and all(len(line) <= 60 for line in lines)
    assert abs(len(lines[0]) - len(lines[1])) <= 6, lines


def test_more_lines_are_never_needed_than_a_plain_wrap_needs() -> None:
    text = " ".join(["stride"] * 20)  # 139 characters: three lines of 60
    lines = balanced_lines(text, 60)
    assert len(lines) == 3 and " ".join(lines) == text
    assert max(len(line) for line in lines) <= 48


def test_the_cue_strands_no_word_at_80x24(tmux: TmuxServer, user_routines: Path) -> None:
    (user_routines / "hills.toml").write_text(
        f'format = 1\nname = "Hills"\n\n[[steps]]\nname = "Calf raise"\n'
        f'duration = "30s"\ncue = "{HILLY}"\n', encoding="utf-8")
    pane = tmux.open(app_command("run", "hills", "--mute") + "; sleep 5", size=(80, 24))
    screen = pane.wait_for("Hilly route?")
    deadline = time.monotonic() + 15  # the cue refits once its width is known: wait for it
    while not _two_even_lines(screen) and time.monotonic() < deadline:
        time.sleep(0.05)
        screen = pane.screen()
    assert _two_even_lines(screen), screen


def _two_even_lines(screen: str) -> bool:
    """The cue on two lines, the second holding more than one word."""
    lines = [line.strip() for line in screen.splitlines()]
    first = next((i for i, line in enumerate(lines) if line.startswith("Hilly route?")), None)
    return (first is not None and first + 1 < len(lines)
            and f"{lines[first]} {lines[first + 1]}" == HILLY
            and len(lines[first + 1].split()) > 1)
