"""Untrusted PDFs are read in a child process with a memory and a time limit.

Decks come from outside Inera. A small file can inflate to gigabytes or make a PDF library
crawl, and inside the web worker that takes the worker (and its neighbours) down or ends in
the server's bare timeout. The child gets an address-space limit and a CPU limit, the parent
a wall-clock limit well inside the server's; when one trips, the caller gets a
``MinutesImportError`` naming the limit and nothing has been kept.

The child answers in JSON, never pickle: it has read hostile bytes, so what it says is data.
"""

from __future__ import annotations

import importlib
import json
import os
import pickle
import resource
import signal
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from .errors import MinutesImportError

PROJECT_ROOT = Path(__file__).resolve().parents[2]
GIB = 1024 * 1024 * 1024


@dataclass(frozen=True)
class Limits:
    memory_bytes: int = GIB
    # The server kills a request at 120 s: the refusal must reach the person before that.
    wall_seconds: float = 60.0
    cpu_seconds: int = 55

    def memory_text(self) -> str:
        if self.memory_bytes % GIB == 0:
            return f"{self.memory_bytes // GIB} GiB"
        return f"{self.memory_bytes // (1024 * 1024)} MiB"

    def time_text(self) -> str:
        return f"{self.wall_seconds:g} sekunder".replace(".", ",")


def call_in_cage(target: str, *args, limits: Limits = Limits()):
    """``module:function`` called with ``args`` in a limited child; its JSON-able result.

    Raises ``MinutesImportError`` for what the function raised and for a tripped limit.
    """
    request = pickle.dumps({"target": target, "args": args, "limits": limits})
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(PROJECT_ROOT), *sys.path]))
    try:
        child = subprocess.run(
            [sys.executable, "-m", __name__],
            input=request,
            capture_output=True,
            timeout=limits.wall_seconds,
            cwd=PROJECT_ROOT,
            env=env,
        )
    except subprocess.TimeoutExpired as error:
        raise _time_limit(limits, "wall clock") from error
    return _answer(child, limits)


def _answer(child: subprocess.CompletedProcess, limits: Limits):
    if child.returncode in (-signal.SIGXCPU, -signal.SIGKILL):
        raise _time_limit(limits, f"signal {-child.returncode}")
    try:
        answer = json.loads(child.stdout)
    except ValueError:
        answer = None
    if child.returncode != 0 or not isinstance(answer, dict):
        # Allocation failures inside the C libraries end the child by abort or crash.
        raise MinutesImportError(
            "memory_limit",
            limits.memory_text(),
            technical=f"exit {child.returncode}: {child.stderr[-500:]!r}",
        )
    if "error" in answer:
        raise MinutesImportError(
            answer["error"], answer.get("detail", ""), technical=answer.get("technical", "")
        )
    return answer["result"]


def _time_limit(limits: Limits, technical: str) -> MinutesImportError:
    return MinutesImportError("time_limit", limits.time_text(), technical=technical)


def _child() -> None:
    request = pickle.loads(sys.stdin.buffer.read())
    limits = request["limits"]
    module, name = request["target"].split(":")
    function = getattr(importlib.import_module(module), name)
    resource.setrlimit(resource.RLIMIT_AS, (limits.memory_bytes, limits.memory_bytes))
    resource.setrlimit(resource.RLIMIT_CPU, (limits.cpu_seconds, limits.cpu_seconds + 1))
    try:
        answer = {"result": function(*request["args"])}
    except MinutesImportError as error:
        answer = {"error": error.code, "detail": error.detail, "technical": error.technical}
    except MemoryError:
        answer = {"error": "memory_limit", "detail": limits.memory_text()}
    sys.stdout.write(json.dumps(answer))


if __name__ == "__main__":
    _child()
