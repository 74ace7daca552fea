"""Work on other cores: parsing records, rendering their fragments and pages, in worker
processes behind one lifecycle object. Used by the plugin and the CLI alike.
"""
