"""The suite passes on any day: the tests that look at dates, run again with the system clock
moved by libfaketime to a year's last minute in a zone with daylight saving, and the app's
clock set to the same moment. The whole suite is run this way on other days by hand (see the
"Run the tests" in README.md); this keeps a part of it in every run."""

from __future__ import annotations

import datetime as _dt
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

#: The tests whose results depend most on the date: the sample's dates, the due list, the
#: timeline, backups named and thinned by date, the lock test that once compared clocks.
DATE_TESTS = [
    "tests/unit/test_seed_demo.py",
    "tests/unit/test_services_overview.py",
    "tests/unit/test_store_backup.py",
    "tests/unit/test_store_write.py",
    "tests/gui/test_plan_tab.py",
    "tests/gui/test_overview_tab.py",
]


def test_date_tests_pass_in_the_last_minute_of_a_year(system_tool, tmp_path):
    faketime = system_tool("faketime", "faketime")
    moment = _dt.datetime(2027, 12, 31, 23, 59, 0)
    # One relative offset, so every process the tests start shares the moved clock
    # (the absolute "@" form restarts the clock in each child).
    env = os.environ | {"TZ": "Europe/London",
                        "CAREERPIVOT_TEST_NOW": moment.isoformat()}
    env.pop("FAKETIME_DONT_FAKE_MONOTONIC", None)
    target = moment.replace(tzinfo=_dt.UTC)  # London is on UTC in December
    # The system clock is read here on purpose: the offset moves it to `moment`. faketime's
    # offset counts from the real clock, so under faketime already, add the offset in force.
    offset = int((target - _dt.datetime.now(_dt.UTC)).total_seconds())
    offset += int(os.environ["FAKETIME"]) if re.fullmatch(r"[+-]\d+",
                                                          os.environ.get("FAKETIME", "")) else 0
    result = subprocess.run(
        [faketime, "-f", f"{offset:+d}", sys.executable, "-m", "pytest", "-q", "-x",
         "-p", "no:randomly", *DATE_TESTS],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    child_clock = subprocess.run([faketime, "-f", f"{offset:+d}", "date", "+%Y-%m-%d"],
                                 env=env, capture_output=True, text=True)
    assert child_clock.stdout.strip() in ("2027-12-31", "2028-01-01"), "the clock moved"
