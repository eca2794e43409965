"""The editor on a hostile routine: every field shows its control characters as visible
pictures (``␛``), never raw, while the values it would save stay exactly as written."""

from __future__ import annotations

from pathlib import Path

from hostile_text import HOSTILE_ID, HOSTILE_NAME, HOSTILE_STEP, RAW_CONTROL, write_hostile

from .editor_app import SIZE, editor, editor_app, field


async def test_fields_show_controls_as_pictures_and_keep_the_text(user_routines: Path) -> None:
    write_hostile(user_routines)
    app = editor_app(user_routines, HOSTILE_ID)
    async with app.run_test(size=(SIZE[0] + 40, SIZE[1])) as pilot:
        await pilot.pause()
        editor(app)
        text = "\n".join(strip.text for strip in app.screen._compositor.render_strips())
        raw = sorted({f"U+{ord(c):04X}" for c in RAW_CONTROL.findall(text)})
        assert raw == [], f"raw controls on screen: {raw}"
        assert "Evil [bold]routine[/bold] ␛]0;PWNED" in text
        assert "Lift ␛[2J[@click=app.quit]x[/] �tfel" in text
        assert field(app, "step-name").value == HOSTILE_STEP
        assert editor(app).draft.name == HOSTILE_NAME
