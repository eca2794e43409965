"""The guide to sore calves, written once for `warmup guide calves` and the app's guide screen.

Each cause comes from the coaching article the app grew from; the numbers come from the
sources in ``running-facts``: the warmup (glute bridge 30 s, monster walk 10 steps, side
leg lifts 5-10 a side), cadence (the runner's own plus 5-10 %, Heiderscheit et al. 2011),
building by time at a talking pace, strength over stretching (Lauersen et al. 2014), and
the pain-monitoring limits (Silbernagel et al. 2007), taken from the runner's settings.
"""

from __future__ import annotations

from dataclasses import dataclass

from warmup_tui.common.config import CoachingSettings


@dataclass(frozen=True)
class Cause:
    """One reason calves get sore, what to change, and the part of the app that helps."""

    key: str
    title: str
    why: str
    what_to_do: str
    in_the_app: str


@dataclass(frozen=True)
class Section:
    title: str
    text: str


@dataclass(frozen=True)
class Guide:
    topic: str
    title: str
    intro: str
    causes: tuple[Cause, ...]
    sections: tuple[Section, ...]  # after the causes: how sore is too sore, care, red flags


CODE = "`"  # marks what is typed (a command, a key, a setting): kept on one line, set apart

CAUSES = (
    Cause(
        "forefoot", "Landing on your toes",
        "Many new runners switch to landing on the balls of their feet, having read that "
        "landing on the heel is bad. Then the calves catch your whole weight at every "
        "step, a load they are not ready for.",
        "Land on the middle of the foot, under your hips, and let the arch flatten a "
        "little as the foot meets the ground. Short, quick steps do this by themselves; "
        "there is no need to reach for the ground with your toes.",
        "The metronome clicks a quick step rate during runs: press `c` in a session, or set "
        "`metronome = true` in the settings file. Aim for your own cadence plus 5 to 10 %, "
        "often about 170 to 180 steps a minute (`cadence` under `[training]`)."),
    Cause(
        "too-fast", "Running too fast",
        "Running faster than your fitness allows loads your calves more than they can "
        "recover from before the next run.",
        "Slow down until you could still hold a conversation: the talk test. Build time, "
        "not distance: 30 minutes, four times a week, comes first; distance goals and "
        "speed work only after that.",
        "A gentler run-walk ratio: First steps (run 1 min, walk 90 s), Run-walk 30/30, or "
        "`warmup intervals` with your own times. `warmup program --repeat-week` starts "
        "the week you are in again, until it feels easy."),
    Cause(
        "hills", "Hills too soon",
        "Going uphill, the calves lift you at every step; going down, they brake. Steep "
        "hills in the first weeks ask more of them than they can give.",
        "Run flat routes while your body adapts, then bring hills in a little at a time, "
        "mixed with flat running.",
        "The flat-route cue: among the reminders shown during runs is \"Hilly route? "
        "Balance it with flat running while your legs adapt\"."),
    Cause(
        "weak-glutes", "Weak glutes",
        "The glutes should do most of the work of keeping you steady. When they are "
        "asleep, the calves take over a job they are not built for.",
        "Before every run, stretch the hip flexors and wake the glutes: a glute bridge "
        "held 30 s, a monster walk of 10 steps to each side and 10 back, and 5 to 10 side "
        "leg lifts a side.",
        "The warmup: `pre-run` does exactly this in about four minutes, and Today (`t` on "
        "the home screen, or `warmup today`) starts with it."),
)


def how_sore(limits: CoachingSettings) -> Section:
    """The pain-monitoring limits in words, with the runner's own numbers."""
    return Section(
        "How sore is too sore",
        f"Rate your calves from 0 (nothing) to 10 (the worst you can imagine). Up to "
        f"{limits.progress_up_to} during a run, and settled by the next morning: go on with "
        f"the plan. Up to {limits.hold_up_to}, settled by the next morning: stay at this "
        f"level. More than {limits.hold_up_to}, more than {limits.morning_up_to} the next "
        f"morning, mornings worse than the week before, or scores going up "
        f"{limits.rising_runs} runs in a row: rest {limits.rest_days} days, then go back a "
        "week. Some soreness that settles overnight is part of getting stronger. These "
        "limits are in the `[coaching]` part of the settings file.")


AFTER_RUN = Section(
    "After the run",
    "The after-run routine (`warmup run after-run`) stretches the calves with the knee "
    "straight and with it bent, 30 s each side, then ends with slow calf raises. Strength "
    "counts for more than stretching: in a review of 25 trials with over 26,000 people, "
    "strength training cut sports injuries to about a third, while stretching made no "
    "clear difference.")

SEE_SOMEONE = Section(
    "When to stop and see someone",
    "Stop running and see a doctor or physiotherapist if the pain makes you limp or change "
    "how you run, if the calf swells, if you feel a sudden sharp pain or a pop, or if it "
    "hurts at rest or at night. This guide cannot tell what is wrong; they can.")


def calves_guide(limits: CoachingSettings) -> Guide:
    """The guide to sore calves, with the runner's own [coaching] limits in it."""
    return Guide(
        "calves",
        "Sore calves: why they happen, and what helps",
        "Sore calves are common in the first weeks of running. Four things cause most of "
        "it, and each has a fix.",
        CAUSES,
        (how_sore(limits), AFTER_RUN, SEE_SOMEONE))


def guide_for(topic: str, limits: CoachingSettings) -> Guide:
    """The guide on ``topic``; calves is the only one so far."""
    if topic != "calves":
        raise KeyError(topic)
    return calves_guide(limits)


def spans(text: str) -> list[tuple[str, bool]]:
    """``text`` in pieces, each with whether it is typed (marked with CODE)."""
    return [(piece, index % 2 == 1) for index, piece in enumerate(text.split(CODE)) if piece]


def unmarked(text: str) -> str:
    return text.replace(CODE, "")


def as_json(guide: Guide) -> dict[str, object]:
    return {
        "topic": guide.topic, "title": guide.title, "intro": unmarked(guide.intro),
        "causes": [{"key": c.key, "title": c.title, "why": unmarked(c.why),
                    "what_to_do": unmarked(c.what_to_do), "in_the_app": unmarked(c.in_the_app)}
                   for c in guide.causes],
        "sections": [{"title": s.title, "text": unmarked(s.text)} for s in guide.sections],
    }
