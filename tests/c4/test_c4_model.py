"""The C4 model's derived attributes."""

from __future__ import annotations

import dataclasses

import pytest
from mkdocs_madr.c4 import Element, family_of


@pytest.mark.parametrize(
    ("kind", "family"),
    [
        ("Person", "person"),
        ("Person_Ext", "person"),
        ("SystemQueue_Ext", "system"),
        ("System_Boundary", "system"),
        ("ContainerDb", "container"),
        ("Container_Boundary", "container"),
        ("ComponentQueue_Ext", "component"),
        ("Deployment_Node", "node"),
        ("Node_R", "node"),
        ("Boundary", "boundary"),
        ("Enterprise_Boundary", "boundary"),
        ("Lay_U", "lay_u"),
    ],
)
def test_family_of(kind: str, family: str) -> None:
    assert family_of(kind) == family


def test_external_is_derived_from_the_kind() -> None:
    nats = Element(alias="nats", kind="ContainerQueue_Ext", label="NATS", page="p.md", line=3)
    milvus = Element(alias="milvus", kind="ContainerDb", label="Milvus", page="p.md", line=4)
    assert (nats.external, nats.family) == (True, "container")
    assert (milvus.external, milvus.boundary, milvus.technology, milvus.tags) == (
        False,
        None,
        "",
        "",
    )


def test_elements_are_immutable_and_comparable() -> None:
    talos = Element(alias="talos", kind="Node", label="Talos", page="p.md", line=1)
    with pytest.raises(dataclasses.FrozenInstanceError):
        talos.alias = "other"  # type: ignore[misc]
    assert talos == Element(alias="talos", kind="Node", label="Talos", page="p.md", line=1)
    assert talos != dataclasses.replace(talos, kind="Node_L")
