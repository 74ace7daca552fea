"""Sources: other repositories' decision folders and other sites' `decisions.json`, read into
records of the site's collection with ids qualified by the source's name (`workflows:0005`).

`config` (the setting) is imported by the settings, so nothing here imports the reader: `adr new`
must start without it. `read` reads and joins the sources.
"""
