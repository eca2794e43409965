"""Finished activities read from the files watches and apps write (FIT, TCX, GPX)."""
