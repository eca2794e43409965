"""The block font and the sizes it picks, without Textual."""

from __future__ import annotations

import pytest

from warmup_tui.ui.widgets.block_font import (
    GLYPHS,
    HALF_ROWS,
    HEIGHT,
    Scale,
    drawable,
    fit_scale,
    pixel_width,
    render_blocks,
    render_half,
)
from warmup_tui.ui.widgets.phase_band import PATTERNS, band_lines


@pytest.mark.parametrize(("width", "height", "rows_at_least"), [
    # The countdown's region at 80x24, 100x30 and 200x60 (the screen's other lines taken).
    (76, 10, 5), (96, 16, 7), (196, 46, 15),
])
def test_the_digits_grow_with_the_region(width: int, height: int, rows_at_least: int) -> None:
    scale = fit_scale("0:30", width, height)
    assert scale is not None
    lines = render_blocks("0:30", scale)
    assert len(lines) >= rows_at_least
    assert len(lines) <= height and max(map(len, lines)) <= width


def test_pixels_are_twice_as_wide_as_tall_while_they_fit() -> None:
    assert fit_scale("0:30", 200, 15) == Scale(6, 3)
    assert fit_scale("0:30", 30, 50) == Scale(2, 1)


def test_a_narrow_region_gets_thin_digits_then_plain_text() -> None:
    across = pixel_width("0:30")
    assert fit_scale("0:30", across, HEIGHT) == Scale(1, 1)
    assert fit_scale("0:30", across - 1, 20) is None
    assert fit_scale("0:30", 80, HEIGHT - 1) is None
    assert fit_scale("0:30?", 80, 20) is None  # no glyph for '?'


def test_every_glyph_is_a_full_rectangle_and_the_digits_differ() -> None:
    for char, rows in GLYPHS.items():
        assert len(rows) == HEIGHT, char
        assert len({len(row) for row in rows}) == 1, char
    digits = [GLYPHS[d] for d in "0123456789"]
    assert len(set(digits)) == 10


def test_half_blocks_draw_a_word_in_three_rows() -> None:
    lines = render_half("RUN")
    assert len(lines) == HALF_ROWS == 3
    assert {len(line) for line in lines} == {pixel_width("RUN")}
    assert render_half("RUN") != render_half("WALK")


@pytest.mark.parametrize("word", ["RUN", "WALK", "REST", "SWITCH SIDES", "GET READY"])
def test_every_phase_word_can_be_drawn(word: str) -> None:
    assert drawable(word)
    assert pixel_width(word) + 8 <= 76  # big at 80 columns


def test_the_band_fills_its_width_and_marks_each_phase_its_own_way() -> None:
    bands = {phase: band_lines("RUN", phase, 60, 3) for phase in ("run", "walk", "rest")}
    for lines in bands.values():
        assert len(lines) == 3 and {len(line) for line in lines} == {60}
        assert render_half("RUN")[1] in lines[1]
    assert len({tuple(lines) for lines in bands.values()}) == 3
    assert PATTERNS["run"].strip() in bands["run"][1]


def test_a_band_with_no_room_names_the_phase_on_one_line() -> None:
    (line,) = band_lines("SWITCH SIDES", "switch", 30, 1)
    assert "SWITCH SIDES" in line and len(line) == 30
    lines = band_lines("HIP FLEXOR STRETCH", "run", 40, 3)
    assert "HIP FLEXOR STRETCH" in lines[1]


def test_a_step_name_is_not_drawn_as_big_as_a_phase() -> None:
    lines = band_lines("SQUAT", "exercise", 80, 3)
    assert lines[1].strip() == "SQUAT" and not lines[0].strip()
