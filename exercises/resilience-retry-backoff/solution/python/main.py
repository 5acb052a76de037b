# Retry a flaky dependency with capped exponential backoff.
# Retry only TRANSIENT failures (timeout, unavailable); a PERMANENT failure
# (bad_request, not_found) will fail the same way every time, so give up at once.
import sys


class DependencyError(Exception):
    """A failed call. The message is the failure's name, e.g. "timeout"."""


class TransientError(DependencyError):
    pass


class PermanentError(DependencyError):
    pass


TRANSIENT = {"timeout", "unavailable"}


class FakeDependency:
    """Plays back a script of outcomes; answers "ok" once the script runs out."""

    def __init__(self, script):
        self.script = script
        self.calls = 0

    def call(self):
        outcome = self.script[self.calls] if self.calls < len(self.script) else "ok"
        self.calls += 1
        if outcome == "ok":
            return "ok"
        if outcome in TRANSIENT:
            raise TransientError(outcome)
        raise PermanentError(outcome)


def backoff_ms(base, cap, retry):
    """Delay before retry number `retry` (0-based): base * 2**retry, never above cap."""
    return min(cap, base * 2**retry)


def call_with_retry(dep, base, cap, max_attempts):
    waited = 0
    for attempt in range(1, max_attempts + 1):
        try:
            dep.call()
        except TransientError as err:
            if attempt == max_attempts:
                print(f"  attempt {attempt}: {err} -> no attempts left")
                return f"error={err} attempts={attempt} backoff_ms={waited}"
            delay = backoff_ms(base, cap, attempt - 1)
            print(f"  attempt {attempt}: {err} -> retry in {delay} ms")
            waited += delay  # a real client would time.sleep(delay / 1000) here
        except PermanentError as err:
            print(f"  attempt {attempt}: {err} -> not retryable, giving up")
            return f"error={err} attempts={attempt} backoff_ms={waited}"
        else:
            print(f"  attempt {attempt}: ok")
            return f"ok attempts={attempt} backoff_ms={waited}"
    raise ValueError("max_attempts must be at least 1")


def main():
    lines = [line.split() for line in sys.stdin if line.strip()]
    base, cap, max_attempts = (int(x) for x in lines[0])
    for number, script in enumerate(lines[1:], start=1):
        print(f"scenario {number}: {' '.join(script)}")
        result = call_with_retry(FakeDependency(script), base, cap, max_attempts)
        print(f"  result: {result}")


main()
