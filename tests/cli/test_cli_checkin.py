"""`warmup checkin` and `warmup program`'s advice over a real log, as a runner uses them:
a programme run logged, checked in, the advice shown, and followed only when asked."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

from tests.cli.conftest import Warmup
from warmup_tui.programme.progress import Anchor
from warmup_tui.programme.state import ProgrammeState, save_state


def in_week_3_since_last_week() -> None:
    """The runner moved to week 3 a week ago, so yesterday's run counts as week 3's first."""
    set_at = datetime.now().astimezone() - timedelta(days=7)
    save_state(ProgrammeState(anchors={"build-to-30": Anchor("w3s1", set_at, "skip")}))


def logged_week_3_run(warmup: Warmup) -> None:
    in_week_3_since_last_week()
    done = warmup("log", "--minutes", "31", "--date", "yesterday", "--time", "07:00",
                  "--programme")
    assert "week 3, session 1" in done.stdout, done.stderr


def programme(warmup: Warmup) -> dict[str, object]:
    shown = warmup("program", "--json")
    assert shown.returncode == 0, shown.stderr
    data: dict[str, object] = json.loads(shown.stdout)
    return data


def test_a_sore_run_checked_in_brings_advice_to_hold_week_3(warmup: Warmup) -> None:
    logged_week_3_run(warmup)
    said = warmup("checkin", "--calves", "4", "--effort", "words", "--hills")
    assert said.returncode == 0, said.stderr
    assert "calves 4/10, a few words, hilly" in said.stdout
    assert warmup("checkin", "--morning", "1").returncode == 0

    advice = programme(warmup)["advice"]
    assert isinstance(advice, dict)
    assert advice["action"] == "hold" and advice["followed"] is False
    assert advice["reason"].startswith("Hold week 3: calves 4/10 yesterday")
    assert [(run["calves"], run["morning"]) for run in advice["based_on"]] == [(4, 1)]
    text = warmup("program").stdout
    assert "Advice: Hold week 3: calves 4/10 yesterday, still 1/10 the next morning." in text
    assert "warmup program --accept-advice follows it." in text
    assert "Next: week 3, session 2" in text  # shown, not followed


def test_accept_advice_moves_the_plan_once(warmup: Warmup) -> None:
    logged_week_3_run(warmup)
    warmup("checkin", "--calves", "4", "--morning", "1")
    accepted = warmup("program", "--accept-advice")
    assert accepted.returncode == 0, accepted.stderr
    assert "Repeating week 3" in accepted.stdout
    assert "Next: week 3, session 1" in accepted.stdout
    after = programme(warmup)
    assert after["anchor"]["reason"] == "repeat"  # type: ignore[index]
    assert after["advice"]["followed"] is True  # type: ignore[index]
    again = warmup("program", "--accept-advice")
    assert "no advice to follow" in again.stderr
    assert programme(warmup)["anchor"] == after["anchor"]


def test_a_step_back_goes_to_the_week_before(warmup: Warmup) -> None:
    logged_week_3_run(warmup)
    warmup("checkin", "--calves", "7")
    advice = programme(warmup)["advice"]
    assert advice["action"] == "rest"  # type: ignore[index]
    assert "then ease back to week 2" in advice["reason"]  # type: ignore[index]
    moved = warmup("program", "--accept-advice")
    assert "Back to week 2" in moved.stdout and "Next: week 2, session 1" in moved.stdout
    # Once followed, the advice still names the week the sore run was in, not one more
    # step back from week 2.
    followed = programme(warmup)["advice"]
    assert followed["followed"] is True  # type: ignore[index]
    assert "then ease back to week 2" in followed["reason"]  # type: ignore[index]


def test_easy_calves_mean_go_on_and_nothing_to_accept(warmup: Warmup) -> None:
    logged_week_3_run(warmup)
    warmup("checkin", "--calves", "1", "--morning", "0")
    assert programme(warmup)["advice"]["action"] == "progress"  # type: ignore[index]
    kept = warmup("program", "--accept-advice")
    assert "no advice to follow" in kept.stderr and "Next: week 3, session 2" in kept.stdout


def test_a_red_flag_says_to_stop_and_see_someone(warmup: Warmup) -> None:
    logged_week_3_run(warmup)
    said = warmup("checkin", "--red-flag")
    assert said.returncode == 0, said.stderr
    assert "Stop running and see a doctor or physiotherapist" in said.stdout
    assert programme(warmup)["advice"]["action"] == "see-someone"  # type: ignore[index]


def test_values_out_of_range_are_refused_in_one_line(warmup: Warmup) -> None:
    logged_week_3_run(warmup)
    for option, value in (("--calves", "11"), ("--morning", "-1"), ("--effort", "fast"),
                          ("--session", "x")):
        refused = warmup("checkin", option, value)
        assert refused.returncode == 2
        assert len(refused.stderr.strip().splitlines()) == 1, refused.stderr
        assert "nothing saved" in refused.stderr
    assert programme(warmup)["advice"]["based_on"] == []  # type: ignore[index]


def test_without_a_run_or_options_nothing_is_saved(warmup: Warmup) -> None:
    nothing = warmup("checkin", "--calves", "3")
    assert nothing.returncode == 2 and "no run in the log" in nothing.stderr
    logged_week_3_run(warmup)
    empty = warmup("checkin")  # not a terminal: nothing to ask
    assert empty.returncode == 2 and "nothing to check in" in empty.stderr
    assert warmup("checkin", "--session", "99", "--calves", "2").returncode == 2


def test_history_shows_the_calf_trend_and_each_runs_check_in(warmup: Warmup) -> None:
    for day, calves in (("2", "2"), ("1", "4")):
        when = (datetime.now() - timedelta(days=int(day))).strftime("%Y-%m-%d")
        warmup("log", "--minutes", "30", "--date", when, "--time", "07:00")
        assert warmup("checkin", "--calves", calves).returncode == 0
    warmup("log", "--minutes", "30", "--date", "yesterday", "--time", "18:00")
    warmup("checkin", "--calves", "6", "--morning", "3", "--effort", "chat", "--note", "hill")

    text = warmup("history").stdout
    assert "Check-ins, last runs: calves 2 → 4 → 6 (out of 10, during the run)" in text
    sessions = json.loads(warmup("history", "--json").stdout)["sessions"]
    assert [s["checkin"]["calves"] for s in sessions] == [6, 4, 2]  # newest first
    assert sessions[0]["checkin"] == {"calves": 6, "morning": 3, "effort": "chat",
                                      "hills": False, "red_flag": False, "note": "hill"}


def test_headless_today_says_advice_waiting_and_still_runs(warmup: Warmup) -> None:
    logged_week_3_run(warmup)
    warmup("checkin", "--calves", "4", "--morning", "1")
    ran = warmup("today", "--plain", "--no-warmup", "--speed", "1000", "--mute")
    assert ran.returncode == 0, ran.stderr
    assert ("warmup: advice from your check-ins: Hold week 3: calves 4/10 yesterday, still "
            "1/10 the next morning. (warmup program --accept-advice follows it)") in ran.stderr
    assert "session finished" in ran.stdout  # advice is said, never followed silently


def test_headless_today_after_todays_run_says_so(warmup: Warmup) -> None:
    done = warmup("log", "--minutes", "31", "--programme")
    assert done.returncode == 0, done.stderr
    ran = warmup("today", "--plain", "--no-warmup", "--speed", "1000", "--mute")
    assert ran.returncode == 0, ran.stderr
    assert "you ran today's session already: this is the next one" in ran.stderr
    assert "advice from your check-ins" not in ran.stderr  # no check-in: nothing to advise
