"""`warmup checkin` with no options in a real terminal: one question a line, Enter skips,
a bad answer is asked again; what was said goes into the log."""

from __future__ import annotations

from datetime import datetime, timedelta

from tests.tmux_terminal import TmuxServer, app_command
from warmup_tui.log import TrainingLog
from warmup_tui.log.checkins import checkins
from warmup_tui.log.outside import OutsideRun, add_outside_run


def test_asks_one_question_a_line_and_saves_the_answers(tmux: TmuxServer) -> None:
    yesterday = datetime.now() - timedelta(days=1)
    with TrainingLog.open() as log:
        add_outside_run(log, OutsideRun(
            source="manual", routine_id="run", routine_name="Run",
            started_at=yesterday.timestamp(), elapsed_seconds=1800.0, running_seconds=1800.0))
    pane = tmux.open(app_command("checkin") + '; echo "exit=$?"; read done')
    pane.wait_for("Calves during the run, 0-10:")
    pane.keys("12", "Enter")
    pane.wait_for("expected a whole number from 0 to 10")
    pane.keys("6", "Enter")
    pane.wait_for("Calves the next morning, 0-10:")
    pane.keys("Enter")  # skipped
    pane.wait_for("Talk test:")
    pane.keys("w", "Enter")
    pane.wait_for("Hilly route?")
    pane.keys("y", "Enter")
    pane.wait_for("sudden sharp pain?")
    pane.keys("Enter")
    pane.wait_for("Note:")
    pane.keys("steep bit", "Enter")
    screen = pane.wait_for("exit=0")
    assert "calves 6/10, a few words, hilly, note 'steep bit'" in screen
    with TrainingLog.open() as log:
        (saved,) = checkins(log)
    assert (saved.calves, saved.morning, saved.effort, saved.hills, saved.red_flag,
            saved.note) == (6, None, "words", True, False, "steep bit")
