"""giklint.timelimit: code that runs too long is stopped in the main thread; elsewhere it runs unbounded."""
from __future__ import annotations

import signal
import threading
import time

import pytest

from giklint.timelimit import TimeLimitExceeded, available, time_limit

pytestmark = pytest.mark.skipif(not available(), reason="no interval timer on this platform")


def test_code_running_past_the_limit_is_stopped():
    started = time.monotonic()
    with pytest.raises(TimeLimitExceeded):
        with time_limit(0.2):
            time.sleep(5)
    assert time.monotonic() - started < 2


def test_the_handler_and_timer_are_given_back():
    before = signal.getsignal(signal.SIGALRM)
    with time_limit(5):
        pass
    assert signal.getsignal(signal.SIGALRM) is before
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_an_outer_limit_still_fires_after_an_inner_one_ends():
    with pytest.raises(TimeLimitExceeded):
        with time_limit(0.3):
            with time_limit(5):
                pass
            time.sleep(5)


def test_in_another_thread_the_code_runs_unbounded_without_error():
    outcome = []

    def work():
        try:
            with time_limit(0.05):
                time.sleep(0.2)
            outcome.append("finished")
        except BaseException as error:  # noqa: B902 - any error is the failure this test looks for
            outcome.append(repr(error))

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert outcome == ["finished"]
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)  # nothing armed for the main thread
