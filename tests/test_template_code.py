"""The theme's templates compiled once under `mkdocs serve` (`plugin.template_code`)."""

from __future__ import annotations

from jinja2 import DictLoader, Environment
from mkdocs_madr.plugin.template_code import TemplateCode


def environment(templates: dict[str, str], code: TemplateCode, **options: object) -> Environment:
    env = Environment(loader=DictLoader(templates), **options)  # type: ignore[arg-type]
    env.bytecode_cache = code
    return env


def test_a_template_is_compiled_once_and_its_code_taken_by_the_next_environment() -> None:
    code = TemplateCode()
    first = environment({"page.html": "<p>{{ title }}</p>"}, code)
    assert first.get_template("page.html").render(title="A") == "<p>A</p>"
    assert len(code.code) == 1
    second = environment({"page.html": "<p>{{ title }}</p>"}, code)
    assert second.get_template("page.html").render(title="B") == "<p>B</p>"
    assert len(code.code) == 1


def test_a_changed_source_is_compiled_again() -> None:
    code = TemplateCode()
    environment({"page.html": "<p>{{ title }}</p>"}, code).get_template("page.html")
    changed = environment({"page.html": "<h1>{{ title }}</h1>"}, code)
    assert changed.get_template("page.html").render(title="A") == "<h1>A</h1>"


def test_an_environment_that_compiles_differently_does_not_take_the_code() -> None:
    """Autoescaping is compiled into a template: the same source gives another key."""
    code = TemplateCode()
    plain = environment({"page.html": "{{ title }}"}, code)
    assert plain.get_template("page.html").render(title="<b>") == "<b>"
    escaping = environment({"page.html": "{{ title }}"}, code, autoescape=True)
    assert escaping.get_template("page.html").render(title="<b>") == "&lt;b&gt;"
    assert len(code.code) == 2
