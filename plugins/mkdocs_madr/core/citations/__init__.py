"""Where the repository cites records: code, configuration and docs that name a decision.

`options` (the `citations` setting) is read with the settings, so this package imports nothing
itself: `adr new` must not load the reader to read its settings.
"""
