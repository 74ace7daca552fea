"""Under `mkdocs serve`, the theme's templates compiled once for the session.

MkDocs makes a new Jinja environment for every build, which compiles every template it renders
again: Material's are about a tenth of a rebuild at a thousand records. Jinja's own bytecode
cache keeps the compiled code, and takes it only for the same source (it compares a checksum);
the key also holds whatever of the environment changes what Jinja compiles (its extensions,
syntax, autoescaping, finalize), so a change to the theme's settings compiles again.
"""

from __future__ import annotations

import hashlib

from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket


class TemplateCode(BytecodeCache):
    """Compiled templates, in memory, for the serve process."""

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def get_bucket(
        self, environment: Environment, name: str, filename: str | None, source: str
    ) -> Bucket:
        compiled_by = repr(_compile_state(environment, name))
        key = hashlib.sha1(
            f"{self.get_cache_key(name, filename)}|{compiled_by}".encode(), usedforsecurity=False
        ).hexdigest()
        bucket = Bucket(environment, key, self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self.code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()


def _compile_state(environment: Environment, name: str) -> tuple[object, ...]:
    autoescape = environment.autoescape
    return (
        sorted(environment.extensions),
        environment.block_start_string,
        environment.block_end_string,
        environment.variable_start_string,
        environment.variable_end_string,
        environment.comment_start_string,
        environment.comment_end_string,
        environment.line_statement_prefix,
        environment.line_comment_prefix,
        environment.trim_blocks,
        environment.lstrip_blocks,
        environment.newline_sequence,
        environment.keep_trailing_newline,
        environment.optimized,
        environment.is_async,
        environment.finalize is not None,
        autoescape(name) if callable(autoescape) else autoescape,
        getattr(environment, "newstyle_gettext", None),
        type(environment).__qualname__,
        environment.code_generator_class.__qualname__,
    )
