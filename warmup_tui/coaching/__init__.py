"""Calf-smart coaching in plain Python: check-ins, the pain-monitoring rules that turn them
into advice for the plan, and the guide to sore calves. No I/O and no Textual here."""
