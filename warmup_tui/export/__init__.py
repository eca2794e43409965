"""Taking sessions outside the app: FIT workouts and activities, iCalendar, plain text.

Empty on purpose: each format's module loads its own library only when it is used.
"""
