"""A progress bar for long runs on the command line: articles done, rate and time left (tqdm)."""

from __future__ import annotations

import sys

from tqdm import tqdm


class ProgressBar:
    """`update(done, total)` moves the bar; used as a context manager so it always closes."""

    def __init__(self, label: str, *, enabled: bool = True) -> None:
        self.label = label
        self.enabled = enabled
        self._bar: tqdm | None = None

    def __enter__(self) -> ProgressBar:
        return self

    def __exit__(self, *_: object) -> None:
        if self._bar is not None:
            self._bar.close()

    def update(self, done: int, total: int) -> None:
        """Show `done` of `total` articles (the first call sets the total; cached ones count too)."""
        if not self.enabled:
            return
        if self._bar is None:
            self._bar = tqdm(
                total=total,
                initial=done,
                desc=self.label,
                unit=" articles",
                file=sys.stderr,
                dynamic_ncols=True,
                mininterval=0.5,
            )
            return
        self._bar.update(done - self._bar.n)
