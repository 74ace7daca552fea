"""The `madr` plugin's options as MkDocs sees them, made from the one schema in
`core.settings.OPTIONS` (whose `doc` is the reference documentation): MkDocs checks each value
with the same function `adr` uses, so both report a bad setting with the same words."""

from __future__ import annotations

from typing import Any

from ..core.settings import OPTIONS, Option, OptionError
from .host import base


class _Checked(base.BaseConfigOption[Any]):
    """A config option checked by its schema entry (an absent one gets its default)."""

    def __init__(self, option: Option) -> None:
        super().__init__()
        self.default = option.default
        self.option = option

    def run_validation(self, value: object) -> Any:
        try:
            return self.option.read(value)
        except OptionError as error:
            raise base.ValidationError(str(error)) from None


class MadrConfig(base.Config):
    """Options of the `madr` plugin (`plugins: [madr: {...}]` in mkdocs.yml); see
    `core.settings.OPTIONS`."""

    # A class body's namespace is a real dict (PEP 667): MkDocs collects the options from it.
    locals().update({option.name: _Checked(option) for option in OPTIONS})
