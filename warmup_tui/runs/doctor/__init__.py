"""``warmup doctor``: checks of what the app needs (sound, voice, settings, log, terminal),
each answering in plain lines what works and what to do about what does not.

Plain Python, no Textual; every check runs under a time limit (:mod:`.time_limit`), so a
hung sound device or a locked log cannot hang the doctor.
"""
