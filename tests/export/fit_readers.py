"""FIT files read back by two independent readers: Garmin's own SDK and fitdecode. A CRC
or structure error in either fails the test."""

from __future__ import annotations

import io
from typing import Any

import fitdecode
from garmin_fit_sdk import Decoder, Stream

Step = tuple[str, float, str]  # name, seconds, intensity


def sdk_messages(data: bytes) -> dict[str, list[dict[str, Any]]]:
    def decoder() -> Decoder:
        return Decoder(Stream.from_byte_array(bytearray(data)))

    assert decoder().is_fit()
    assert decoder().check_integrity()  # the header's and the file's CRCs
    messages, errors = decoder().read()
    assert errors == []
    return {name.removesuffix("_mesgs"): found for name, found in messages.items()}


def fitdecode_messages(data: bytes) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    with fitdecode.FitReader(io.BytesIO(data), check_crc=fitdecode.CrcCheck.RAISE) as reader:
        for frame in reader:
            if isinstance(frame, fitdecode.FitDataMessage):
                values = {field.name: field.value for field in frame.fields}
                out.setdefault(frame.name, []).append(values)
    return out


def expanded_steps(steps: list[dict[str, Any]]) -> list[Step]:
    """The workout's steps in the order a watch runs them, repeats unrolled."""
    out: list[Step] = []
    began: dict[int, int] = {}
    for step in steps:
        index = step["message_index"]
        began[index] = len(out)
        if step["duration_type"] == "repeat_until_steps_cmplt":
            stretch = out[began[step["duration_step"]]:]
            out.extend(stretch * (step["repeat_steps"] - 1))
        else:
            assert step["duration_type"] == "time"
            out.append((step["wkt_step_name"], step["duration_time"], step["intensity"]))
    return out


def both_readers(data: bytes) -> list[dict[str, list[dict[str, Any]]]]:
    return [sdk_messages(data), fitdecode_messages(data)]

