"""Home's Today line carries the check-ins' advice with its reason, read from a real log
off the event loop: at start, after a check-in on the summary, after the morning's answer.
"see-someone" stands out in words and colour; "progress" stays quiet."""

from __future__ import annotations

from datetime import datetime, timedelta

from warmup_tui.coaching.answers import Answers
from warmup_tui.common.config import Settings
from warmup_tui.engine.clock import FakeClock
from warmup_tui.log import TrainingLog
from warmup_tui.log.checkins import save_answers
from warmup_tui.log.outside import OutsideRun, add_outside_run
from warmup_tui.programme.progress import Anchor
from warmup_tui.programme.state import ProgrammeState, load_state, save_state
from warmup_tui.ui.screens.confirm import ConfirmScreen
from warmup_tui.ui.screens.home import HomeScreen
from warmup_tui.ui.screens.morning import MorningScreen
from warmup_tui.ui.screens.session import SessionScreen
from warmup_tui.ui.screens.summary import SummaryScreen
from warmup_tui.ui.widgets.today_advice import TodayAdvice, balanced_lines

from .app_factory import StartedApp, advance, make_app, started
from .app_factory import test_library as bundled_library
from .pilot_wait import wait_until

SIZE = (80, 24)
FIRST_STEPS = 1800.5  # the whole of first-steps, run to its end


def week_3_run(answers: Answers) -> None:
    """Week 3's first session yesterday morning, checked in with ``answers``."""
    now = datetime.now().astimezone()
    save_state(ProgrammeState(anchors={
        "build-to-30": Anchor("w3s1", now - timedelta(days=7), "skip")}))
    yesterday = (datetime.now() - timedelta(days=1)).replace(hour=7, minute=0)
    with TrainingLog.open() as log:
        run = add_outside_run(log, OutsideRun(
            source="manual", routine_id="build-to-30", routine_name="Build to 30",
            started_at=yesterday.timestamp(), elapsed_seconds=1900.0,
            running_seconds=1900.0, programme_id="build-to-30", programme_session="w3s1"))
        save_answers(log, run, answers, morning_asked=answers.morning is not None)


def home(app: StartedApp) -> HomeScreen:
    (screen,) = [s for s in app.screen_stack if isinstance(s, HomeScreen)]
    return screen


def advice_line(app: StartedApp) -> TodayAdvice:
    return home(app).query_one("#today-advice", TodayAdvice)


def shown_text(line: TodayAdvice) -> str:
    return " ".join(str(line.render_line(y).text).strip()
                    for y in range(line.size.height)).strip()


async def test_a_held_week_shows_under_today_with_its_reason() -> None:
    week_3_run(Answers(calves=4, morning=1))
    app = make_app(FakeClock())
    async with app.run_test(size=SIZE) as pilot:
        line = advice_line(app)
        assert line.display and not line.has_class("-see-someone")
        await pilot.pause()
        assert shown_text(line) == ("Advice: Hold week 3: calves 4/10 yesterday, "
                                    "still 1/10 the next morning.")


async def test_see_someone_stands_out_in_words_and_colour() -> None:
    week_3_run(Answers(calves=3, morning=1, red_flag=True))
    app = make_app(FakeClock())
    async with app.run_test(size=SIZE) as pilot:
        line = advice_line(app)
        await pilot.pause()
        assert line.has_class("-see-someone")
        assert shown_text(line).startswith("⚠ Stop running and see a doctor")
        assert line.styles.color != home(app).query_one("#routines-title").styles.color


async def test_advice_already_followed_stays_quiet() -> None:
    week_3_run(Answers(calves=6, morning=3))  # rest, then ease back to week 2
    now = datetime.now().astimezone()
    save_state(ProgrammeState(anchors={"build-to-30": Anchor("w2s1", now, "skip")}))
    app = make_app(FakeClock())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert home(app).today_label is not None and "week 2, session 1" in home(app).today_label
        assert home(app).today_advice is None and not advice_line(app).display


async def test_going_on_with_the_plan_stays_quiet() -> None:
    week_3_run(Answers(calves=1, morning=0))
    app = make_app(FakeClock())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert home(app).today_label is not None  # Today is there; its advice is not
        assert not advice_line(app).display


async def test_a_sore_check_in_on_the_summary_reaches_home_before_it_is_left() -> None:
    clock = FakeClock()
    app = make_app(clock, "first-steps")
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        advance(app, FIRST_STEPS, clock)
        await wait_until(pilot, lambda: isinstance(app.screen, SummaryScreen), "the summary")
        def action() -> str | None:
            advice = home(app).today_advice
            return None if advice is None else advice.action

        # No check-ins yet; home, covered by the session from the start, is not read yet.
        assert action() is None
        await pilot.press("6")
        await wait_until(pilot, lambda: action() == "rest",
                         "the advice read again after the check-in", timeout=30)
        advice = home(app).today_advice
        assert advice is not None and "calves 6/10 today" in advice.reason


async def test_the_mornings_answer_changes_the_advice() -> None:
    week_3_run(Answers(calves=4))  # no morning score yet: hold
    app = StartedApp(library=bundled_library(), settings=Settings(), mute=True,
                     clock_factory=FakeClock)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, MorningScreen),
                         "the morning question")
        assert home(app).today_advice is not None
        assert home(app).today_advice.action == "hold"
        await pilot.press("4")  # still sore the next morning: rest, then ease back
        await wait_until(pilot, lambda: shown_text(advice_line(app)).startswith("Advice: Rest"),
                         "the line to say rest", timeout=30)
        assert "still 4/10 the next morning" in shown_text(advice_line(app))


def test_lines_are_even_and_never_leave_a_word_alone() -> None:
    text = ("Advice: Rest until Thursday, then ease back to week 2: calves 6/10 on "
            "Tuesday, still 3/10 the next morning.")
    # Broken where the sense breaks, the action first, then why.
    assert balanced_lines(text, 76) == [
        "Advice: Rest until Thursday, then ease back to week 2:",
        "calves 6/10 on Tuesday, still 3/10 the next morning."]
    # Too narrow for that: even lines instead.
    lines = balanced_lines(text, 50)
    assert len(lines) == 3 and all(" " in line and len(line) <= 50 for line in lines)
    assert " ".join(lines) == text
    assert balanced_lines("Advice: Hold week 3: calves 4/10 yesterday.", 76) == [
        "Advice: Hold week 3: calves 4/10 yesterday."]
    # Plain wrapping at 66 or 36 leaves "morning." alone on the last line.
    held = "Advice: Hold week 3: calves 4/10 yesterday, still 1/10 the next morning."
    for width in (66, 36):
        lines = balanced_lines(held, width)
        assert all(" " in line and len(line) <= width for line in lines)
        assert " ".join(lines) == held


def test_home_with_advice_at_80x24(snap_compare) -> None:
    week_3_run(Answers(calves=3, morning=1, red_flag=True))
    assert snap_compare(make_app(FakeClock()), terminal_size=(80, 24), run_before=started)


async def _follow_from_today(app: StartedApp, pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("t")
    await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "the question")
    await pilot.press("y")


async def test_following_advice_to_rest_starts_nothing_today() -> None:
    week_3_run(Answers(calves=7, morning=2))  # above 5 yesterday: rest today, tomorrow
    app = make_app(FakeClock())
    async with app.run_test(size=SIZE) as pilot:
        await _follow_from_today(app, pilot)
        said = lambda: [n.message for n in app._notifications if n.title == "Rest day"]  # noqa: E731
        await wait_until(pilot, lambda: bool(said()), "the rest word")
        assert said()[0].startswith("Plan moved as advised. Rest today and tomorrow;")
        assert isinstance(app.screen, HomeScreen)
        assert not any(isinstance(s, SessionScreen) for s in app.screen_stack)
        assert load_state()[0].anchors["build-to-30"].session == "w2s1"


async def test_following_advice_to_hold_starts_the_repeated_week() -> None:
    week_3_run(Answers(calves=4, morning=1))
    app = make_app(FakeClock())
    async with app.run_test(size=SIZE) as pilot:
        await _follow_from_today(app, pilot)
        await wait_until(pilot, lambda: isinstance(app.screen, SessionScreen), "the session")
        assert load_state()[0].anchors["build-to-30"].reason == "repeat"


async def test_home_under_a_session_from_the_start_is_read_when_first_shown() -> None:
    clock = FakeClock()
    app = make_app(clock, "first-steps")
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        assert not home(app).loaded  # covered from the start: nothing read for it yet
        advance(app, FIRST_STEPS, clock)
        await wait_until(pilot, lambda: isinstance(app.screen, SummaryScreen), "the summary")
        await pilot.press("enter")  # leave the summary for home
        await wait_until(pilot, lambda: home(app).loaded and bool(home(app).entries),
                         "home to read its routines once shown", timeout=30)
        assert app.screen is home(app)
        assert "first-steps" in {entry.id for entry in home(app).entries}
