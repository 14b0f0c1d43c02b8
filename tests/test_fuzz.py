"""bench/fuzz.py: a short run over the whole build, and its harness catching each kind of failure.

The real runs (minutes) are not part of CI; what they found is kept in
tests/test_regressions.py.  Here: a few inputs end to end, and a planted
failure of each kind is reported as that kind.
"""

from __future__ import annotations

import faulthandler
import os
import signal
import sys
import time

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))

import fuzz


def test_a_short_run_finds_nothing(tmp_path, capsys):
    code = fuzz.main(["--max-inputs", "4", "--seconds", "120", "--seed", "0", "--out", str(tmp_path)])
    out = capsys.readouterr().out
    assert "inputs tried: 4 " in out, out
    assert code == 0, out


def _spin(folder):
    while True:
        pass


def _block(folder):
    time.sleep(600)


def _raise(folder):
    raise ZeroDivisionError("planted")


def _die(folder):
    faulthandler.disable()  # pytest's handler would print the child's stack
    os.kill(os.getpid(), signal.SIGSEGV)


def _memory(folder):
    return "x" * (4 << 30)


def _fine(folder):
    return [], fuzz.Counter({"S14-Directive-dueAfterDocument": 1})


# (what the build does, the kind reported, the signature's start)
# fmt: off
HARNESS_ROWS = [
    # a build that never ends is killed when it has used its CPU time
    (_spin, "hang", "over-1s-cpu"),
    # a build blocked on a read (a FIFO) uses no CPU: killed by the wall clock
    (_block, "hang", "blocked"),
    # an exception escaping the checks is a crash with its type and place
    (_raise, "crash", "ZeroDivisionError@"),
    # a child killed by a signal (a segfault in an extension) is a crash
    (_die, "crash", "signal-11"),
    # past the memory limit: MemoryError, a crash
    (_memory, "crash", "MemoryError@"),
]
# fmt: on


@pytest.mark.parametrize(("check", "kind", "sig"), HARNESS_ROWS,
                         ids=["spin", "block", "raise", "signal", "memory"])
def test_harness_reports_each_kind(tmp_path, monkeypatch, check, kind, sig):
    monkeypatch.setattr(fuzz, "check_build", check)
    (tmp_path / "in").mkdir()
    wall = 3 if check is _block else 60  # a spinning child may wait for a core on a busy machine
    findings, _, _ = fuzz.run_one(tmp_path, timeout=1, memory_mb=2000, wall=wall)
    assert [(k, s[: len(sig)]) for k, s, _ in findings] == [(kind, sig)]


def test_harness_counts_plausibility_shapes_apart(tmp_path, monkeypatch):
    # a self-contradictory text's S14 violation is counted, not a finding
    monkeypatch.setattr(fuzz, "check_build", _fine)
    (tmp_path / "in").mkdir()
    findings, content, _ = fuzz.run_one(tmp_path, timeout=30, memory_mb=2000)
    assert findings == [] and content == {"S14-Directive-dueAfterDocument": 1}
