"""How one `edlint serve` runs: the site folder, limits, token and browser policy."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_MAX_BODY = 2 * 1024 * 1024  # 2 MiB: a long feature is 100 KB; more is a mistake or an attack
DEFAULT_TIMEOUT = 10.0  # seconds one check, fix or render may take before the client gets 503


@dataclass(frozen=True)
class ServeSettings:
    root: str  # the configured site: its config, archive facts and the only files read
    token: str | None = None  # bearer token every /v1 request must carry (None: open)
    max_body: int = DEFAULT_MAX_BODY
    timeout: float = DEFAULT_TIMEOUT
    workers: int = 4  # threads doing the CPU work (the event loop only routes); see benchmarks/README.md
    # >0: checks run in this many worker processes instead of threads (see pool.py)
    processes: int = 0
    max_pending: int = 64  # requests waiting for a worker before new ones get 503
    cors_origins: tuple[str, ...] = ()  # exact origins allowed to call the API from a browser
    remote_images: bool = False  # the page may load images from other hosts (https only)
    watch_interval: float = 2.0  # seconds between looks for changed config/articles (0: never)
    scan: bool = True  # learn the archive's cross-file facts at start (tests may skip it)
