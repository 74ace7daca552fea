"""What the site shows, as pure functions of the records: record headers and comparisons, the
generated pages (log, timeline, graph, coverage), directives, C4 tables and glossary usage.
MkDocs-free: the plugin decides when each fragment goes into which page.
"""
