"""The record reader: one file, in any dialect, into a `Decision` (`record.parse_decision`).

`record` drives a parse; the other modules each read one part of a record (its outline, front
matter, metadata fields, body, status, title, dates). Nothing is imported here, so that a
command that only needs a title helper does not load markdown-it.
"""
