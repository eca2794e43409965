"""Sound: cue sounds for session events, the cadence metronome, and safe playback.

Nothing here imports textual; the UI hands in its bell and a notice callback.
"""
