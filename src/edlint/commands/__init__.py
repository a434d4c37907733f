"""Sub-commands that live in their own modules (loaded lazily by cli.LazyGroup)."""
