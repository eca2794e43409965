"""Every subcommand's arguments, and the function that runs it named by its module, so
that parsing a command line loads only the command that runs (and what it imports).

argparse needs every subcommand's options to parse any of them; the options are cheap,
the commands' own modules (the log, the programme, the editor) are not.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from warmup_tui.cli.command import Command
from warmup_tui.cli.option_types import (
    duration_option,
    programme_week,
    speed_option,
    whole_option,
)
from warmup_tui.routines.schema import CADENCE_RANGE, MAX_REPEATS


def _json_fields() -> str:
    from warmup_tui.log.history_json import JSON_FIELDS

    return JSON_FIELDS


def _add(commands: Any, name: str, runs: str, **options: Any) -> argparse.ArgumentParser:
    """The command ``name``, run by ``runs`` ("module.function" in warmup_tui.cli);
    ``options`` are add_parser's (help, description, ...)."""
    parser: argparse.ArgumentParser = commands.add_parser(name, **options)
    module, function = runs.split(".")
    parser.set_defaults(func=Command(module, function))
    return parser


def _json_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON")


def add_session_options(parser: argparse.ArgumentParser) -> None:
    """Options shared by every command that runs a session."""
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--plain", action="store_true", help="no screen: one line per event")
    mode.add_argument("--json", action="store_true", help="no screen: one JSON object per event")
    parser.add_argument("--speed", type=speed_option, default=1.0, metavar="N",
                        help="run the session clock N times faster (preview); default 1")
    parser.add_argument("--mute", action="store_true", help="no sound")
    parser.add_argument("--voice", action=argparse.BooleanOptionalAction, default=None,
                        help="speak each step's name (default: on when a speech engine "
                             "such as espeak-ng is installed)")


def _routines(commands: Any) -> None:
    listing = _add(commands, "list", "routines_cmd.list_routines",
                   help="list bundled and user routines")
    _json_option(listing)

    show = _add(commands, "show", "routines_cmd.show_routine",
                help="print a routine's segments and total time")
    show.add_argument("routine", help="routine name or path to a .toml file")
    _json_option(show)

    validate = _add(commands, "validate", "routines_cmd.validate_files",
                    help="check routine files; exit 2 if any is bad")
    validate.add_argument("files", nargs="+", help="routine names or .toml files")


def _run(commands: Any) -> None:
    run = _add(commands, "run", "run_cmd.run_routine",
               help="run a routine, guided step by step")
    run.add_argument("routine", help="routine name or path to a .toml file")
    add_session_options(run)
    run.add_argument("--chain", action="store_true",
                     help="headless: carry on into the routine named by 'then'")


def _program(commands: Any) -> None:
    program = _add(commands, "program", "program_cmd.show_programme",
                   help="show the programme: its weeks, the next session, your progress")
    _json_option(program)
    program.add_argument("--use", metavar="NAME|PATH",
                         help="follow another programme from now on (a name or a .toml file)")
    move = program.add_mutually_exclusive_group()
    move.add_argument("--repeat-week", action="store_true",
                      help="go back to session 1 of the week you are in")
    move.add_argument("--skip-to", type=programme_week, metavar="WEEK",
                      help="carry on from session 1 of WEEK")
    move.add_argument("--accept-advice", action="store_true",
                      help="follow the advice from your check-ins (hold the week, or go "
                           "back one)")


def _intervals(commands: Any) -> None:
    quick = _add(commands, "intervals", "intervals_cmd.run_intervals",
                 help="a run-walk session from options alone, such as --run 1m --walk 2m")
    quick.add_argument("--run", type=duration_option(zero=False), required=True, metavar="TIME",
                       help="length of each run, such as 90s, 1m30s or \"2 minutes\"")
    quick.add_argument("--walk", type=duration_option(zero=True), default=0.0, metavar="TIME",
                       help="length of each walk after a run; default none")
    quick.add_argument("--repeats", type=whole_option(1, MAX_REPEATS), required=True, metavar="N",
                       help="how many times to run (and walk)")
    quick.add_argument("--warmup", type=duration_option(zero=True), default=0.0, metavar="TIME",
                       help="a brisk walk before the first run; default none")
    quick.add_argument("--cooldown", type=duration_option(zero=True), default=0.0,
                       metavar="TIME", help="an easy walk after the last interval; default none")
    quick.add_argument("--cadence", type=whole_option(*CADENCE_RANGE), metavar="SPM",
                       help="steps per minute for the metronome during runs")
    add_session_options(quick)


def _today(commands: Any) -> None:
    today = _add(commands, "today", "today_cmd.run_today",
                 help="warm up, then run the next session of your programme")
    add_session_options(today)
    warmup = today.add_mutually_exclusive_group()
    warmup.add_argument("--warmup", metavar="ROUTINE",
                        help="warm up with this routine this once (default: training.warmup,"
                             " pre-run unless you chose another)")
    warmup.add_argument("--no-warmup", action="store_true", help="go straight to the run")
    today.add_argument("--no-wait", action="store_true",
                       help="--plain/--json on a terminal: start the run without waiting for"
                            " Enter after the warmup (without a terminal it never waits)")


def _history(commands: Any) -> None:
    history = _add(
        commands, "history", "history_cmd.show_history",
        help="recent sessions, this week's runs against the goal, the streak",
        description="Your training log: recent sessions, this week's runs against the\n"
        "weekly goal, the streak of weeks that met it, and running minutes per week.\n"
        "A run is a completed session with running in it, part of a programme or not;\n"
        "--speed previews are listed but never counted. Weeks run Monday to Sunday and a\n"
        "run counts in the week it finished, as in warmup program (which counts only\n"
        "the programme's own sessions).",
        epilog_from=_json_fields, formatter_class=argparse.RawDescriptionHelpFormatter)
    history.add_argument("--json", action="store_true", help="print JSON (fields below)")
    history.add_argument("--weeks", type=whole_option(1, 520, "weeks"), default=8, metavar="N",
                         help="how many weeks to show, this one included; default 8")


def _edit(commands: Any) -> None:
    edit = _add(commands, "edit", "edit_cmd.edit_routine",
                help="edit a routine in the app, or by hand with --external; a bundled "
                     "routine is saved as your own copy")
    edit.add_argument("routine", metavar="NAME|PATH", help="routine name or path to a .toml file")
    edit.add_argument("--external", action="store_true",
                      help="open the file in $VISUAL or $EDITOR and check it afterwards")
    edit.add_argument("--speed", type=speed_option, default=10.0, metavar="N",
                      help="speed of the editor's preview (p); default 10")

    new = _add(commands, "new", "edit_cmd.new_routine",
               help="make a routine of your own and open the editor")
    new.add_argument("name", metavar="NAME", help="file name for it: letters, digits, - and _")
    new.add_argument("--from", dest="source", metavar="ROUTINE",
                     help="start from a copy of this routine instead of a blank one")
    new.add_argument("--no-edit", action="store_true",
                     help="only create the file and print where it is")
    new.add_argument("--today", action="store_true",
                     help="make it Today's warmup (training.warmup) without asking")


def _doctor(commands: Any) -> None:
    doctor = _add(commands, "doctor", "doctor_cmd.run_doctor",
                  help="check sound, voice, settings, log and terminal; say what to fix")
    _json_option(doctor)
    doctor.add_argument("--play", action="store_true",
                        help="also play a test cue and say a test phrase")


def _outside_runs(commands: Any) -> None:
    into = _add(
        commands, "import", "import_cmd.import_activities",
        help="add runs from a watch's FIT, TCX or GPX files to the training log",
        description="Read finished activities from FIT, TCX or GPX files into the training\n"
        "log, where each run counts towards the week like the app's own sessions. Each\n"
        "file goes in whole or not at all; one already in the log is left as it is.\n"
        "Exit 2 if any file was refused.", formatter_class=argparse.RawDescriptionHelpFormatter)
    into.add_argument("files", nargs="+", metavar="FILE", help="activity files")
    into.add_argument("--as", dest="as_run", choices=["run"],
                      help="count an activity of another sport (a walk, a hike) as a run")
    into.add_argument("--programme", action="store_true",
                      help="count it as the next session of your programme (it must have "
                           "at least that session's running time)")

    log = _add(commands, "log", "log_cmd.log_run",
               help="add a run done without the app, such as --minutes 30 --distance 5km")
    log.add_argument("--minutes", required=True, metavar="N",
                     help="how long you ran, in minutes (such as 30 or 22.5)")
    log.add_argument("--date", metavar="DATE", help="YYYY-MM-DD or yesterday; default today")
    log.add_argument("--time", metavar="HH:MM",
                     help="when you started; default: a run today ended just now")
    log.add_argument("--distance", metavar="DIST", help="such as 5km, 3.1mi or 800m")
    log.add_argument("--programme", action="store_true",
                     help="count it as the next session of your programme")
    log.add_argument("--note", metavar="TEXT", help="a few words to keep with it")


def _guide(commands: Any) -> None:
    guide = _add(commands, "guide", "guide_cmd.show_guide",
                 help="what causes sore calves in new runners, and what helps")
    guide.add_argument("topic", choices=["calves"], help="what the guide is about: calves")
    _json_option(guide)


def _checkin(commands: Any) -> None:
    checkin = _add(
        commands, "checkin", "checkin_cmd.check_in",
        help="say how your calves felt on your last run (or --session ID)",
        description="How your calves felt during your last run and the next morning, from\n"
        "0 (nothing) to 10 (the worst you can imagine). The plan's advice rests on it\n"
        "(warmup program). Without options, on a terminal, it asks; Enter skips a question.",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    checkin.add_argument("--calves", metavar="N",
                         help="calves during the run, 0 to 10")
    checkin.add_argument("--morning", metavar="N",
                         help="calves the next morning, 0 to 10")
    checkin.add_argument("--effort", metavar="chat|words|none",
                         help="the talk test: could chat, a few words, could not talk")
    checkin.add_argument("--hills", action="store_true", help="the route was hilly")
    checkin.add_argument("--red-flag", action="store_true",
                         help="pain that changed how you ran, swelling, or a sudden sharp pain")
    checkin.add_argument("--note", metavar="TEXT", help="a few words to keep with it")
    checkin.add_argument("--session", metavar="ID",
                         help="the session to check in for (its id in warmup history --json)")


def _export(commands: Any) -> None:
    export = _add(
        commands, "export", "export_cmd.export",
        help="the next session or a routine for a watch (FIT) or as text, the "
        "programme as a calendar, a finished session as a FIT activity",
        description="Take a session outside the app:\n"
        "  warmup export next --fit FILE      the next session, as a FIT workout for a watch\n"
        "  warmup export ROUTINE --fit FILE   any routine (a name or a .toml file), the same\n"
        "  warmup export next --text          the next session as text, for intervals.icu\n"
        "  warmup export program --ics FILE   the sessions left, as calendar events\n"
        "  warmup export --session ID --fit FILE   a session from the log (its id in\n"
        "                                     warmup history --json), as a FIT activity",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    export.add_argument("what", nargs="?", metavar="next|program|ROUTINE",
                        help="the next programme session, the programme, or a routine")
    export.add_argument("--fit", metavar="FILE", help="write a FIT file")
    export.add_argument("--ics", metavar="FILE", help="write an iCalendar file (program)")
    export.add_argument("--text", action="store_true", help="print a plain-text workout")
    export.add_argument("--session", metavar="ID", help="a session from the training log")
    export.add_argument("--days", metavar="DAYS",
                        help="with --ics: the days to run, such as mon,wed,fri,sat; never "
                        "three in a row (default: spread over the week)")
    export.add_argument("--at", metavar="HH:MM", help="with --ics: the time; default 07:00")
    export.add_argument("--from", dest="start", metavar="YYYY-MM-DD",
                        help="with --ics: the first day to use; default today")


Registrar = Callable[[Any], None]  # adds its commands to add_subparsers' action

# Each command by name, with the function that registers it (some register a few), in the
# order --help lists them.
COMMANDS: dict[str, Registrar] = {
    "list": _routines, "show": _routines, "validate": _routines, "run": _run,
    "program": _program, "intervals": _intervals, "today": _today, "history": _history,
    "edit": _edit, "new": _edit, "import": _outside_runs, "log": _outside_runs,
    "export": _export, "doctor": _doctor, "guide": _guide, "checkin": _checkin,
}
REGISTRARS = list(dict.fromkeys(COMMANDS.values()))


def registrars_for(command: str | None) -> list[Registrar]:
    """What registers ``command`` alone, if it is one; otherwise every command (a line
    that starts with an option, --help, or a mistyped command lists them all)."""
    if command in COMMANDS:
        return [COMMANDS[command]]
    return REGISTRARS
