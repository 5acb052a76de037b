# TODO: this circuit breaker goes closed -> open after `threshold` failures in a row,
# -> half-open once `cooldown` time units have passed, -> closed if the probe succeeds.
# But after a FAILED half-open probe it lets the very next request through again.
# Fix it: a failed probe must open the breaker for a full new cooldown.
import sys
from enum import Enum


class State(Enum):
    CLOSED = "closed"
    OPEN = "open"
    HALF_OPEN = "half-open"


class CircuitBreaker:
    def __init__(self, threshold, cooldown):
        self.threshold = threshold
        self.cooldown = cooldown
        self.state = State.CLOSED
        self.failures = 0  # consecutive failures while closed
        self.opened_at = 0
        self.calls = 0
        self.rejected = 0

    def _move(self, now, new_state):
        print(f"t={now} state {self.state.value} -> {new_state.value}")
        self.state = new_state

    def _trip(self, now):
        self.opened_at = now
        self._move(now, State.OPEN)

    def request(self, now, dependency_ok):
        """Handle one request at time `now`; `dependency_ok` is what the dependency would answer."""
        if self.state is State.OPEN:
            if now - self.opened_at < self.cooldown:
                self.rejected += 1
                print(f"t={now} open: rejected without calling")
                return
            self._move(now, State.HALF_OPEN)

        self.calls += 1
        if self.state is State.HALF_OPEN:
            if dependency_ok:
                print(f"t={now} half-open: probe ok")
                self.failures = 0
                self._move(now, State.CLOSED)
            else:
                print(f"t={now} half-open: probe failed")
                self._move(now, State.OPEN)
            return

        if dependency_ok:
            self.failures = 0
            print(f"t={now} closed: call ok")
        else:
            self.failures += 1
            print(f"t={now} closed: call failed ({self.failures}/{self.threshold})")
            if self.failures >= self.threshold:
                self._trip(now)


def main():
    lines = [line.split() for line in sys.stdin if line.strip()]
    threshold, cooldown = int(lines[0][0]), int(lines[0][1])
    breaker = CircuitBreaker(threshold, cooldown)
    for time, outcome in lines[1:]:
        breaker.request(int(time), outcome == "ok")
    print(f"summary: calls={breaker.calls} rejected={breaker.rejected} final={breaker.state.value}")


main()
