"""The `adr` command line."""
