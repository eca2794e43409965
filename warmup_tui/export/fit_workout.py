"""A session as a FIT *workout* file, which a Garmin watch (and others that read FIT
workouts) runs on its own: each step named, timed and with its intensity, the run-walk
block as a repeat step, runs with a cadence target when the session has one.

The shape follows the workout files Garmin's tools write: file_id, workout, then the steps
in order, a repeat step (``repeat_until_steps_cmplt``) after the steps it repeats, naming
the first of them (``duration_step``) and the count (``repeat_steps``).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from garmin_fit_sdk import Encoder

from warmup_tui.export.fit_common import WORKOUT, WORKOUT_STEP, file_id, fit_text
from warmup_tui.export.workout_plan import Repeat, Workout, WorkStep

# Watches alert when the cadence leaves the range; a range of about 5 steps a minute
# either side leaves room for the odd slower step.
CADENCE_SPREAD = 5
_NAME_BYTES = 48  # long enough for "Hip flexor stretch, right"; watches cut it anyway


def strides_per_minute(steps_per_minute: float) -> float:
    """FIT counts running cadence in strides (one foot): half the steps per minute."""
    return steps_per_minute / 2


def workout_fit(workout: Workout, created: datetime) -> bytes:
    """The FIT workout file of ``workout``, made at ``created``."""
    steps = fit_steps(workout)
    encoder = Encoder()
    encoder.write_mesg(file_id("workout", created))
    encoder.write_mesg({"mesg_num": WORKOUT, "wkt_name": fit_text(workout.name, _NAME_BYTES),
                        "sport": "running" if workout.running else "training",
                        "sub_sport": "generic", "num_valid_steps": len(steps)})
    for step in steps:
        encoder.write_mesg(step)
    return encoder.close()


def fit_steps(workout: Workout) -> list[dict[str, Any]]:
    """The workout_step messages, numbered from 0."""
    out: list[dict[str, Any]] = []
    for item in workout.items:
        if isinstance(item, Repeat):
            first = len(out)
            out.extend(_timed(step, first + i) for i, step in enumerate(item.steps))
            out.append(_repeat(len(out), first, item.times))
        else:
            out.append(_timed(item, len(out)))
    return out


def _timed(step: WorkStep, index: int) -> dict[str, Any]:
    message: dict[str, Any] = {
        "mesg_num": WORKOUT_STEP, "message_index": index,
        "wkt_step_name": fit_text(step.name, _NAME_BYTES),
        "duration_type": "time", "duration_value": round(step.seconds * 1000),
        "intensity": step.intensity, "target_type": "open", "target_value": 0,
    }
    if step.notes:
        message["notes"] = fit_text(step.notes)
    if step.cadence is not None:
        message.update(
            target_type="cadence", target_value=0,
            custom_target_value_low=round(strides_per_minute(step.cadence - CADENCE_SPREAD)),
            custom_target_value_high=round(strides_per_minute(step.cadence + CADENCE_SPREAD)))
    return message


def _repeat(index: int, first: int, times: int) -> dict[str, Any]:
    return {"mesg_num": WORKOUT_STEP, "message_index": index, "wkt_step_name": "Repeat",
            "duration_type": "repeat_until_steps_cmplt", "duration_value": first,
            "target_type": "open", "target_value": times, "intensity": "active"}
