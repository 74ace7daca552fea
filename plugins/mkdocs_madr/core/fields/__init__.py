"""The team's own fields: declared in the `fields` setting, read from what a record states."""
