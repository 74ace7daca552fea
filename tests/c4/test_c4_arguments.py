"""Reading one statement line: comments, macro calls and their arguments."""

from __future__ import annotations

import pytest
from mkdocs_madr.c4.arguments import Argument, Call, CallError, parse_call, strip_comment


def _call(text: str) -> Call:
    result = parse_call(text)
    assert isinstance(result, Call), result
    return result


def _error(text: str) -> CallError:
    result = parse_call(text)
    assert isinstance(result, CallError), result
    return result


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ('Container(nats, "NATS")', 'Container(nats, "NATS")'),
        ('Container(nats, "NATS") %% the bus', 'Container(nats, "NATS") '),
        ("%% whole line", ""),
        ('Person(ops, "100%% uptime") %% real comment', 'Person(ops, "100%% uptime") '),
        ('Person(ops, "say \\"%%\\" twice") %% c', 'Person(ops, "say \\"%%\\" twice") '),
        ("no comment at all", "no comment at all"),
        ("single % sign", "single % sign"),
    ],
)
def test_strip_comment(line: str, expected: str) -> None:
    assert strip_comment(line) == expected


def test_positional_arguments_are_trimmed_and_unquoted() -> None:
    call = _call('ContainerQueue(nats ,  "NATS JetStream" , "NATS 2.10")')
    assert call.name == "ContainerQueue"
    assert call.positional == ["nats", "NATS JetStream", "NATS 2.10"]
    assert call.rest == ""


def test_quoted_commas_and_parentheses_stay_in_one_argument() -> None:
    call = _call(
        'Container(milvus, "Milvus", "Milvus 2.4 (standalone)", "vectors, embeddings, (ANN)")'
    )
    assert call.positional == [
        "milvus",
        "Milvus",
        "Milvus 2.4 (standalone)",
        "vectors, embeddings, (ANN)",
    ]


def test_named_arguments() -> None:
    call = _call('Container(kserve, "KServe", $techn="KServe 0.13", $descr = "serving, on GPUs")')
    assert call.positional == ["kserve", "KServe"]
    assert call.named == {"techn": "KServe 0.13", "descr": "serving, on GPUs"}
    assert call.arguments[2] == Argument("KServe 0.13", "techn")


def test_unquoted_named_argument_value() -> None:
    assert _call("UpdateLayoutConfig($c4ShapeInRow=3)").named == {"c4ShapeInRow": "3"}


def test_named_argument_without_equals_is_a_problem_not_a_failure() -> None:
    call = _call('Container(argo, "Argo CD", $techn "Argo")')
    assert call.named == {"techn": "Argo"}
    assert call.problems == ("the named argument `$techn` has no `=`",)


def test_escaped_quotes_inside_a_quoted_argument() -> None:
    call = _call('Person(ops, "the \\"homelab\\" operator")')
    assert call.positional == ["ops", 'the "homelab" operator']


def test_unescaped_inner_quotes_are_tolerated() -> None:
    call = _call('Person(ops, "the "homelab" operator", "x")')
    assert call.positional == ["ops", "the homelab operator", "x"]


def test_unquoted_argument_with_nested_parentheses() -> None:
    call = _call("Rel(flux, talos, reconcile(every 1m), gRPC)")
    assert call.positional == ["flux", "talos", "reconcile(every 1m)", "gRPC"]


def test_empty_arguments() -> None:
    assert _call("Person()").arguments == ()
    assert _call("Person(   )").arguments == ()
    assert _call('Person(ops, , "descr")').positional == ["ops", "", "descr"]
    assert _call('Person(ops, "Ops",)').positional == ["ops", "Ops", ""]
    assert _call('Person(ops, "")').positional == ["ops", ""]


def test_text_after_the_closing_parenthesis() -> None:
    assert _call('System_Boundary(platform, "AI Platform") {').rest == "{"
    assert _call('System_Boundary(platform, "AI Platform"){').rest == "{"
    assert _call('Person(ops, "Ops") trailing').rest == "trailing"


def test_space_before_the_parenthesis_is_tolerated() -> None:
    assert _call('Person (ops, "Ops")').positional == ["ops", "Ops"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('Person(ops, "never closed)', "a quoted string is never closed"),
        ('Person(ops, "Ops"', "the closing parenthesis is missing"),
        ("Rel(a, b, f(x)", "the closing parenthesis is missing"),
    ],
)
def test_broken_calls(text: str, message: str) -> None:
    error = _error(text)
    assert error.message == message
    assert not error.not_a_call


@pytest.mark.parametrize("text", ["garbage line", "-> nats", '"quoted"(x)', "9lives(x)"])
def test_not_a_call(text: str) -> None:
    assert _error(text).not_a_call
