"""Text edits to decision records and project files that change only the lines they must.

Everything here is pure: text in, text out. Reading, locking and writing files is the CLI's.
"""
