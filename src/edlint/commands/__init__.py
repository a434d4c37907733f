"""Sub-commands, one module each (loaded lazily by cli.LazyGroup); `common` holds what several share."""
