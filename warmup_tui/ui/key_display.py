"""How the footer shows a key whose name is one character ("n", "q", ctrl+p as "^p").

Textual's own ``App.get_key_display`` first asks ``unicodedata`` for a character named
like the key ("N", "P"). No character has a one-letter name, so the answer is always the
key itself; but the first such question reads about 0.7 MB of unicodedata's name tables
into the app's memory, where they stay for the rest of the session.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.keys import KEY_DISPLAY_ALIASES


def one_character_key(binding: Binding) -> str | None:
    """The text Textual would show for ``binding`` when its key is one character (with
    any modifiers); None for the others, which Textual's own method shows."""
    if binding.key_display:
        return None
    modifiers, key = binding.parse_key()
    if len(key) != 1 or key in KEY_DISPLAY_ALIASES:
        return None
    if "ctrl" in modifiers:  # as Textual does: ctrl becomes a caret
        modifiers.remove("ctrl")
        key = f"^{key}"
    return "+".join([*modifiers, key])
