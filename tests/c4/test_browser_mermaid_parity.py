"""The C4 reader against Mermaid itself: Mermaid 11's own parser and renderer, run in Chromium
on the local Mermaid copy, over every C4 case of the shared folder and a generated set.

For each diagram: whether Mermaid accepts it, whether it draws it, and for the ones it accepts
every element box (alias, kind, label, technology, description, enclosing boundary), every
boundary (alias, label, parent) and every arrow (ends, kind, label, technology, description).
The reader must agree on all of it: `drawn` as Mermaid draws, a `c4-syntax` or
`c4-unsupported` diagnostic for every diagram Mermaid refuses, and for the rest what Mermaid
keeps.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from mermaid_cases import case_diagrams, generated_diagrams
from mkdocs_madr.c4 import Diagram, parse_c4
from mkdocs_madr.core.diagnostics import Code

pytestmark = pytest.mark.browser

GENERATED = 600

# Mermaid parses (its preprocessing included), then its C4 database is read back, then it
# renders; `#name;` entities come back as written. Boxes without an alias, which no decision
# can name, are left out.
_RUN = """
async (diagrams) => {
  mermaid.initialize({startOnLoad: false, securityLevel: 'strict'});
  const db = (await mermaid.mermaidAPI.getDiagramFromText('C4Context\\nPerson(a, "A")\\n')).db;
  const decode = (v) => String(v).replace(/\\uFB02\\u00B0\\u00B0?(\\w+)\\u00B6\\u00DF/g, '#$1;');
  const text = (v) => (v && typeof v === 'object' && 'text' in v) ? decode(v.text) : '';
  const out = [];
  let n = 0;
  for (const code of diagrams) {
    const result = {};
    try {
      await mermaid.parse(code);
      result.parsed = true;
      result.shapes = db.getC4ShapeArray().filter((s) => s.alias).map((s) => [
        s.alias, s.typeC4Shape.text, text(s.label), text(s.techn), text(s.descr),
        s.parentBoundary]);
      result.boundaries = db.getBoundaries()
        .filter((b) => b.alias && b.alias !== 'global').map((b) => [
        b.alias, text(b.label), b.parentBoundary]);
      result.rels = db.getRels().map((r) => [
        r.from, r.to, r.type, text(r.label), text(r.techn), text(r.descr)]);
    } catch (error) {
      result.parsed = false;
      result.error = String(error && error.message || error).slice(0, 200);
    }
    try {
      await mermaid.render('parity' + (n++), code);
      result.drawn = true;
    } catch (error) {
      result.drawn = false;
    }
    document.querySelectorAll('body > div[id^="dparity"]').forEach((el) => el.remove());
    out.push(result);
  }
  return out;
}
"""

_SHAPE_TYPES = {
    "Person": "person",
    "Person_Ext": "external_person",
    **{
        f"{base}{flavour}{external}": f"{'external_' if external else ''}{base.lower()}"
        f"{'_' + flavour.lower() if flavour else ''}"
        for base in ("System", "Container", "Component")
        for flavour in ("", "Db", "Queue")
        for external in ("", "_Ext")
    },
}
_REL_TYPES = {
    "Rel": "rel",
    "RelIndex": "rel",
    "BiRel": "birel",
    "Rel_Back": "rel_b",
    **{f"Rel_{side}": f"rel_{side[0].lower()}" for side in ("U", "Up", "D", "Down")},
    **{f"Rel_{side}": f"rel_{side[0].lower()}" for side in ("L", "Left", "R", "Right")},
}


def _ours(diagram: Diagram) -> dict[str, Any]:
    return {
        "shapes": [
            [
                e.alias,
                _SHAPE_TYPES[e.kind],
                e.label,
                e.technology,
                e.description,
                e.boundary or "global",
            ]
            for e in diagram.elements
            if e.kind in _SHAPE_TYPES
        ],
        "boundaries": [[b.alias, b.label, b.parent or "global"] for b in diagram.boundaries],
        "rels": [
            [r.source, r.target, _REL_TYPES[r.macro], r.label, r.technology, r.description]
            for r in diagram.relations
        ],
    }


def _disagreements(name: str, source: str, mermaid: dict[str, Any]) -> list[str]:
    diagram, problems = parse_c4(source, page="parity.md", first_line=1)
    refused = [p for p in problems if p.code in (Code.C4_SYNTAX, Code.C4_UNSUPPORTED)]
    found = []
    if mermaid["drawn"] != diagram.drawn:
        found.append(f"drawn: Mermaid {mermaid['drawn']}, reader {diagram.drawn}")
    if not mermaid["parsed"] and not refused:
        found.append(f"Mermaid refuses it ({mermaid['error']!r}), the reader says nothing")
    if mermaid["parsed"]:
        ours = _ours(diagram)
        for part in ("shapes", "boundaries", "rels"):
            if ours[part] != mermaid[part]:
                found.append(f"{part}: Mermaid {mermaid[part]}\n      reader  {ours[part]}")
    return [f"{name}: {item}\n---\n{source}\n---" for item in found]


@pytest.fixture(scope="module")
def mermaid_page(chromium: Any, local_mermaid: Path) -> Any:
    page = chromium.new_page()
    page.set_content("<!doctype html><html><body></body></html>")
    page.add_script_tag(path=str(local_mermaid))
    yield page
    page.close()


def _compare(mermaid_page: Any, diagrams: list[tuple[str, str]]) -> tuple[list[str], int, int]:
    results = mermaid_page.evaluate(_RUN, [source for _, source in diagrams])
    wrong = []
    for (name, source), mermaid in zip(diagrams, results, strict=True):
        wrong += _disagreements(name, source, mermaid)
    parsed = sum(1 for result in results if result["parsed"])
    drawn = sum(1 for result in results if result["drawn"])
    return wrong, parsed, drawn


def test_every_shared_case_reads_as_mermaid_reads_it(mermaid_page: Any) -> None:
    cases = case_diagrams()
    assert len(cases) == 12
    wrong, _, _ = _compare(mermaid_page, cases)
    assert wrong == [], "\n".join(wrong)


def test_generated_diagrams_read_as_mermaid_reads_them(mermaid_page: Any) -> None:
    diagrams = generated_diagrams(GENERATED)
    wrong, parsed, drawn = _compare(mermaid_page, diagrams)
    # The set must hold both kinds in number, or agreeing would prove little.
    assert GENERATED * 0.3 < parsed < GENERATED * 0.8
    assert drawn < parsed
    assert wrong == [], f"{len(wrong)} disagreements:\n" + "\n".join(wrong[:15])
