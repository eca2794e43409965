"""The Textual front end. It shows the engine's state and forwards keys; nothing more."""
