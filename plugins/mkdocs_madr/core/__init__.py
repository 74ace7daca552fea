"""The pure core: the record model, diagnostics, settings, reading a folder of records into a
collection, and the JSON form. Nothing here imports MkDocs, the site, the plugin or the CLI.
"""
