"""The words records are written with: section headings, metadata keys, status words, the
phrases that introduce a chosen option or an argument, and relation verbs, in the languages
teams write MADR in (English, French, German, Spanish, Portuguese, Italian, Dutch).

Headings and keys are a vocabulary, not code: one table per field, matched after `fold` (lower
case, no accents, no markup), and extended by a project's `vocabulary` setting.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property

from ..model import KNOWN_STATUSES, RelationKind

SECTION_KINDS = (
    "context",
    "drivers",
    "options",
    "outcome",
    "confirmation",
    "pros",
    "links",
    "more",
    "consequences",
    "metadata",
    "changelog",
)
FIELD_KINDS = (
    "status",
    "date",
    "date_created",
    "date_updated",
    "deciders",
    "consulted",
    "informed",
    "technical_story",
    "tags",
    "c4",
    "title",
    "id",
    "number",
    "supersedes",
    "superseded-by",
    "amends",
    "amended-by",
    "relates-to",
)

_MARKS = re.compile(r"[\u0300-\u036f]")


def fold(text: str) -> str:
    """Lower case without accents, runs of space as one: how words are compared."""
    if text.isascii():
        return " ".join(text.lower().split())
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join(_MARKS.sub("", decomposed).replace("’", "'").split())


def _two_names(key: str) -> tuple[str, ...]:
    """The names of a heading in two languages: `ステータス (Status)`, `Context / Kontext`."""
    if key.endswith((")", "）")):
        opening = max(key.rfind("("), key.rfind("（"))
        if opening > 0:
            return key[:opening], key[opening + 1 : -1]
    if " / " in key:
        first, _, second = key.partition(" / ")
        return first, second
    return ()


def _table(groups: Mapping[str, Iterable[str]]) -> dict[str, str]:
    """`{kind: [words…]}` → `{folded word: kind}`."""
    return {fold(word): kind for kind, words in groups.items() for word in words}


SECTIONS: dict[str, str] = _table(
    {
        "context": [
            "контекст",
            "контекст и проблема",
            "проблема",
            "предыстория",
            "배경",
            "맥락",
            "컨텍스트",
            "上下文",
            "语境",
            "コンテキスト",
            "背景",
            "背景と課題",
            # English
            "context and problem statement",
            "context & problem statement",
            "context and problem",
            "context",
            "problem statement",
            "problem",
            "background",
            "context and motivation",
            "why",
            "why?",
            "motivation",
            "summary",
            "abstract",
            # French
            "contexte",
            "contexte et énoncé du problème",
            "contexte et problème",
            "contexte et définition du problème",
            "contexte et problématique",
            "problématique",
            # German
            "kontext",
            "kontext und problemstellung",
            "kontext and problem-statement",
            "problemstellung",
            "hintergrund",
            "ausgangslage",
            # Spanish
            "contexto",
            "contexto y problema",
            "contexto y planteamiento del problema",
            "contexto y declaración del problema",
            "contexto y enunciado del problema",
            # Portuguese
            "contexto e declaração do problema",
            "contexto e descrição do problema",
            "contexto e problema",
            "contexto e enunciado do problema",
            # Italian
            "contesto",
            "contesto e problema",
            "contesto e definizione del problema",
            "contesto e dichiarazione del problema",
            # Dutch
            "context en probleemstelling",
            "probleemstelling",
            "achtergrond",
            "aanleiding",
        ],
        "drivers": [
            "факторы принятия решения",
            "драйверы решения",
            "критерии",
            "decision drivers",
            "drivers",
            "decision criteria",
            "decision factors",
            "forces",
            "facteurs de décision",
            "facteurs décisionnels",
            "critères de décision",
            "entscheidungstreiber",
            "einflussfaktoren",
            "entscheidungskriterien",
            "entscheidungsfaktoren",
            "impulsores de la decisión",
            "impulsores de decisiones",
            "drivers de decisión",
            "factores de decisión",
            "criterios de decisión",
            "direcionadores de decisão",
            "fatores de decisão",
            "critérios de decisão",
            "fattori decisionali",
            "driver decisionali",
            "criteri decisionali",
            "beslissingsfactoren",
            "beslisfactoren",
            "drijfveren",
        ],
        "options": [
            "proposed solutions",
            "alternatives and constraints",
            "løsningsalternativer",
            "alternativer",
            "vurderte alternativer",
            "løsningsforslag",
            "альтернативы",
            "рассмотренные альтернативы",
            "рассмотренные варианты",
            "варианты",
            "варианты решения",
            "検討された選択肢",
            "選択肢の検討",
            "代替案の検討",
            "검토된 옵션",
            "고려한 옵션",
            "고려된 옵션",
            "대안",
            "옵션",
            "考虑的选项",
            "备选方案",
            "方案",
            "选项",
            "候補選択肢",
            "選択肢",
            "検討した選択肢",
            "検討した代替案",
            "代替案",
            "代替案とトレードオフ",
            "considered options",
            "considered alternatives",
            "options considered",
            "alternatives considered",
            "options",
            "alternatives",
            "considered solutions",
            "alternative approaches",
            "proposed alternatives",
            "options and alternatives",
            "possible solutions",
            "potential solutions",
            "possible options",
            "implementation options",
            "solutions considered",
            "other options considered",
            "other options",
            "other alternatives",
            "other alternatives considered",
            "alternatives taken into account",
            "alternatives took into account",
            "rejected alternatives",
            "alternatives rejected",
            "options evaluated",
            "evaluated options",
            "alternatives evaluated",
            "approaches considered",
            "considered approaches",
            "alternatives rejetées",
            "verworfene alternativen",
            "options envisagées",
            "options considérées",
            "solutions étudiées",
            "solutions envisagées",
            "alternatives envisagées",
            "alternatives considérées",
            "betrachtete optionen",
            "berücksichtigte optionen",
            "in betracht gezogene optionen",
            "betrachtete alternativen",
            "erwogene optionen",
            "optionen",
            "alternativen",
            "opciones consideradas",
            "alternativas consideradas",
            "alternativas evaluadas",
            "opciones evaluadas",
            "opciones",
            "alternativas",
            "opções consideradas",
            "opções avaliadas",
            "opções",
            "opzioni considerate",
            "opzioni valutate",
            "alternative considerate",
            "alternative valutate",
            "opzioni",
            "overwogen opties",
            "opties overwogen",
            "afgewogen opties",
            "afgewogen alternatieven",
            "overwogen alternatieven",
            "alternatieven overwogen",
            "alternatieven",
            "opties",
        ],
        "outcome": [
            "solution or decision outcome",
            "solution and decision outcome",
            "decision and solution",
            "preferred option",
            "recommended option",
            "preferred solution",
            "preferred alternative",
            "решение",
            "принятое решение",
            "итоговое решение",
            "결정",
            "결정 사항",
            "决策",
            "决定",
            "決定",
            "決定内容",
            "決定事項",
            "decision outcome",
            "decision",
            "outcome",
            "the decision",
            "résultat de la décision",
            "décision",
            "décisions",
            "entscheidungsergebnis",
            "ergebnis der entscheidung",
            "entscheidung",
            "entscheid",
            "resultado de la decisión",
            "decisión",
            "resultado da decisão",
            "decisão",
            "esito della decisione",
            "risultato della decisione",
            "decisione",
            "besluit",
            "beslissing",
            "uitkomst van de beslissing",
            "resultaat van de beslissing",
        ],
        "confirmation": [
            "validation",
            "confirmation",
            "bestätigung",
            "validierung",
            "confirmación",
            "validación",
            "confirmação",
            "validação",
            "conferma",
            "validazione",
            "bevestiging",
            "validatie",
        ],
        "pros": [
            "pros and cons of the options",
            "pros and cons of the alternatives",
            "pros and cons of options",
            "pros and cons",
            "pros and cons of the considered options",
            "avantages et inconvénients des options",
            "avantages et inconvénients des options envisagées",
            "avantages et inconvénients des solutions",
            "avantages et inconvénients",
            "vor- und nachteile der optionen",
            "vor und nachteile der optionen",
            "pro und kontra der optionen",
            "vor- und nachteile",
            "pros y contras de las opciones",
            "ventajas y desventajas de las opciones",
            "pros y contras",
            "prós e contras das opções",
            "prós e contras de cada opção",
            "vantagens e desvantagens das opções",
            "prós e contras",
            "pro e contro delle opzioni",
            "vantaggi e svantaggi delle opzioni",
            "pro e contro",
            "voor- en nadelen van de opties",
            "voor en nadelen van de opties",
            "voor- en nadelen",
        ],
        "links": [
            "참고자료",
            "참고 자료",
            "参考",
            "参考资料",
            "links",
            "references",
            "related decisions",
            "related adrs",
            "related records",
            "see also",
            "liens",
            "références",
            "referenzen",
            "verweise",
            "enlaces",
            "referencias",
            "referências",
            "links relacionados",
            "collegamenti",
            "riferimenti",
            "referenties",
            "verwijzingen",
        ],
        "more": [
            "more information",
            "additional information",
            "plus d'informations",
            "informations supplémentaires",
            "informations complémentaires",
            "weitere informationen",
            "mehr informationen",
            "zusätzliche informationen",
            "más información",
            "información adicional",
            "mais informações",
            "informações adicionais",
            "ulteriori informazioni",
            "maggiori informazioni",
            "altre informazioni",
            "meer informatie",
            "aanvullende informatie",
        ],
        "changelog": ["changelog", "change log", "history", "revision history", "changes"],
    }
)

CONSEQUENCES: dict[str, str | None] = {
    fold(word): polarity
    for polarity, words in {
        None: [
            "consequences",
            "consequence",
            "последствия",
            "결과",
            "后果",
            "結果",
            "結果・期待効果",
            "影響",
            "conséquences",
            "konsequenzen",
            "auswirkungen",
            "folgen",
            "consecuencias",
            "consequências",
            "conseguenze",
            "consequenties",
            "gevolgen",
        ],
        "good": [
            "긍정적",
            "긍정적 결과",
            "正面",
            "积极",
            "ポジティブ",
            "positive consequences",
            "positive consequence",
            "good consequences",
            "conséquences positives",
            "impacts positifs",
            "positive konsequenzen",
            "consecuencias positivas",
            "consequências positivas",
            "conseguenze positive",
            "positieve gevolgen",
            "positieve consequenties",
        ],
        "bad": [
            "부정적",
            "부정적 결과",
            "负面",
            "消极",
            "ネガティブ",
            "negative consequences",
            "negative consequence",
            "bad consequences",
            "conséquences négatives",
            "impacts négatifs",
            "negative konsequenzen",
            "consecuencias negativas",
            "consequências negativas",
            "conseguenze negative",
            "negatieve gevolgen",
            "negatieve consequenties",
        ],
        "neutral": ["neutral consequences", "neutrale gevolgen"],
    }.items()
    for word in words
}

METADATA_SECTIONS: dict[str, str] = _table(
    {
        "status": [
            "статус",
            "состояние",
            "상태",
            "状态",
            "ステータス",
            "状態",
            "status",
            "statut",
            "état",
            "estado",
            "stav",
            "situação",
            "stato",
            "state",
            "current status",
        ],
        "date": ["дата", "date", "datum", "fecha", "data", "日付", "決定日", "날짜", "日期"],
        "deciders": [
            "deciders",
            "decision makers",
            "decision-makers",
            "décideurs",
            "entscheider",
            "responsables",
            "decisores",
            "decisori",
            "beslissers",
            "决策人",
            "决策者",
        ],
        "technical_story": ["technical story", "user story"],
        "tags": ["tags"],
        # A heading over the `Key: value` lines themselves.
        "metadata": [
            "decision log",
            "metadata",
            "meta data",
            "record metadata",
            "document metadata",
            "document info",
            "document information",
            "metadaten",
            "métadonnées",
            "metadatos",
            "metadados",
            "metadati",
            "メタデータ",
        ],
    }
)

FIELDS: dict[str, str] = _table(
    {
        "status": [
            "статус",
            "상태",
            "状态",
            "ステータス",
            "status",
            "state",
            "current status",
            "adr status",
            "decision status",
            "statut",
            "état",
            "etat",
            "estado",
            "situação",
            "stato",
            "zustand",
            "stav",
        ],
        "date": [
            "дата",
            "承認日",
            "date",
            "decision date",
            "date decided",
            "decided",
            "decided on",
            "recorded",
            "recorded on",
            "introduced",
            "日付",
            "日時",
            "決定日",
            "날짜",
            "日期",
            "accepted on",
            "start date",
            "date accepted",
            "accepted date",
            "date approved",
            "approved on",
            "datum",
            "fecha",
            "data",
        ],
        "date_updated": [
            "date updated",
            "date last updated",
            "date modified",
            "date last modified",
            "date revised",
            "last updated",
            "updated",
            "updated on",
            "last modified",
            "last-modified",
            "modified",
            "revised",
            "dernière mise à jour",
            "mise à jour",
            "modifié le",
            "aktualisiert",
            "zuletzt aktualisiert",
            "actualizado",
            "atualizado",
            "aggiornato",
            "bijgewerkt",
        ],
        "date_created": [
            "proposal date",
            "date proposed",
            "proposed date",
            "created",
            "created on",
            "date created",
            "creation date",
            "création",
            "créatrion",
            "date de création",
            "créé le",
            "erstellt",
            "erstellt am",
            "creado",
            "fecha de creación",
            "criado",
            "data de criação",
            "creato",
            "aangemaakt",
        ],
        "deciders": [
            "ultimate decision maker(s)",
            "ultimate decision makers",
            "ultimate decision maker",
            "decision maker(s)",
            "décideur",
            "décideuse",
            "決定者",
            "участники",
            "лица, принимающие решение",
            "deciders",
            "decider",
            "decision-makers",
            "decision makers",
            "decision maker",
            "decision_makers",
            "decided by",
            "design deciders",
            "décideurs",
            "décisionnaires",
            "personnes impliquées",
            "entscheider",
            "entscheidungsträger",
            "responsables",
            "decisores",
            "encargados",
            "responsáveis",
            "decisori",
            "responsabili",
            "beslissers",
            "besluitvormers",
            "决策人",
            "决策者",
        ],
        "consulted": [
            "consulted",
            "consultés",
            "konsultiert",
            "consultados",
            "consultati",
            "geraadpleegd",
        ],
        "informed": [
            "informed",
            "informés",
            "informiert",
            "informados",
            "informati",
            "geïnformeerd",
        ],
        "technical_story": [
            "technical story",
            "technical-story",
            "technical_story",
            "user story",
            "story",
            "ticket",
            "issue",
            "tracking issue",
            "histoire technique",
            "technische story",
            "historia técnica",
            "história técnica",
            "estória técnica",
        ],
        "tags": ["tags", "tag", "labels", "keywords", "étiquettes", "mots-clés", "schlagworte"],
        "c4": ["c4", "c4 elements", "c4-elements", "c4_elements", "elements"],
        "title": ["title", "titre", "titel", "título", "titolo", "feature name"],
        "id": ["id"],
        "number": ["number"],
        "supersedes": ["supersedes", "supercedes", "replaces", "remplace", "ersetzt", "取代"],
        "superseded-by": [
            "superseded by",
            "superseded-by",
            "superseded_by",
            "supersededby",
            "superceded by",
            "replaced by",
            "remplacé par",
            "abgelöst durch",
            "ersetzt durch",
        ],
        "amends": ["amends", "extends", "augments"],
        "amended-by": ["amended by", "amended-by", "amended_by", "extended by", "augmented by"],
        "relates-to": [
            "related",
            "relates to",
            "relates-to",
            "related to",
            "related decisions",
            "related adrs",
            "see also",
        ],
    }
)

STATUSES: dict[str, str] = _table(
    {
        "accepted": [
            "принято",
            "принят",
            "принята",
            "утверждено",
            "승인됨",
            "승인",
            "채택됨",
            "수락됨",
            "接受",
            "已接受",
            "采纳",
            "已采纳",
            "通过",
            "已通过",
            "承認",
            "承認済み",
            "採用",
            "採択",
            "přijato",
            "přijatý",
            "schváleno",
            "accepté",
            "acceptée",
            "adopté",
            "adoptée",
            "validé",
            "validée",
            "approuvé",
            "approuvée",
            "akzeptiert",
            "angenommen",
            "beschlossen",
            "aceptado",
            "aceptada",
            "aprobado",
            "aprobada",
            "aceito",
            "aceita",
            "aprovado",
            "aprovada",
            "accettato",
            "accettata",
            "approvato",
            "approvata",
            "geaccepteerd",
            "aanvaard",
            "goedgekeurd",
        ],
        "proposed": [
            "vorschlag",
            "предложено",
            "предложен",
            "на рассмотрении",
            "제안됨",
            "제안",
            "提议",
            "提议中",
            "提案",
            "提案中",
            "proposé",
            "proposée",
            "en discussion",
            "vorgeschlagen",
            "propuesto",
            "propuesta",
            "proposto",
            "proposta",
            "voorgesteld",
        ],
        "rejected": [
            "отклонено",
            "отклонен",
            "거부됨",
            "거절됨",
            "拒绝",
            "已拒绝",
            "却下",
            "rejeté",
            "rejetée",
            "refusé",
            "refusée",
            "abgelehnt",
            "rechazado",
            "rechazada",
            "rejeitado",
            "rejeitada",
            "rifiutato",
            "rifiutata",
            "respinto",
            "afgewezen",
            "verworpen",
        ],
        "deprecated": [
            "устарело",
            "устарел",
            "폐기됨",
            "废弃",
            "已废弃",
            "弃用",
            "已弃用",
            "非推奨",
            "déprécié",
            "dépréciée",
            "obsolète",
            "veraltet",
            "überholt",
            "obsoleto",
            "obsoleta",
            "deprecado",
            "deprecada",
            "depreciado",
            "depreciada",
            "deprecato",
            "deprecata",
            "verouderd",
            "achterhaald",
        ],
        "superseded": [
            "заменено",
            "заменен",
            "대체됨",
            "已取代",
            "被取代",
            "置き換え済み",
            "remplacé",
            "remplacée",
            "abgelöst",
            "ersetzt",
            "reemplazado",
            "reemplazada",
            "sustituido",
            "sustituida",
            "substituído",
            "substituída",
            "suplantado",
            "sostituito",
            "sostituita",
            "superato",
            "vervangen",
        ],
        "draft": [
            "черновик",
            "초안",
            "草稿",
            "下書き",
            "brouillon",
            "ébauche",
            "entwurf",
            "in arbeit",
            "borrador",
            "rascunho",
            "bozza",
            "concept",
            "ontwerp",
        ],
    }
)
"""Status words in other languages → the lifecycle keyword they translate."""

TEAM_WORDS: dict[str, str] = {
    fold(word): english
    for english, words in {
        "approved": [
            "genehmigt",
            "freigegeben",
            "approuvé",
            "approuvée",
            "aprobado",
            "aprobada",
            "aprovado",
            "aprovada",
            "approvato",
            "approvata",
            "goedgekeurd",
        ],
        "implemented": [
            "umgesetzt",
            "implementiert",
            "implémenté",
            "implémentée",
            "implementado",
            "implementada",
            "implementato",
            "geïmplementeerd",
        ],
        "partially accepted": [
            "teilweise akzeptiert",
            "partiellement accepté",
            "parcialmente aceptado",
            "parcialmente aceito",
            "parzialmente accettato",
            "deels geaccepteerd",
        ],
        "partially rejected": [
            "teilweise abgelehnt",
            "partiellement rejeté",
            "parcialmente rechazado",
            "parcialmente rejeitado",
            "parzialmente rifiutato",
            "deels afgekeurd",
            "deels verworpen",
        ],
        "resolved": ["résolu", "résolue", "resuelto", "resolvido", "risolto", "gelöst", "opgelost"],
        "done": [
            "erledigt",
            "terminé",
            "terminée",
            "hecho",
            "concluído",
            "fatto",
            "klaar",
            "완료",
            "完成",
            "已完成",
            "完了",
        ],
    }.items()
    for word in words
}
"""A team's own status word said in another language, kept as the English word (its stage of
the lifecycle then follows from `LIFECYCLE`)."""

LIFECYCLE: dict[str, str] = _table(
    {
        "accepted": [
            "approved",
            "decided",
            "agreed",
            "adopted",
            "implemented",
            "done",
            "active",
            "in effect",
            "in force",
            "merged",
            "mergé",
            "complete",
            "completed",
            "final",
            "ratified",
            "partly superseded",
            "partially superseded",
            "partially accepted",
            "partially implemented",
            "amended",
        ],
        "proposed": [
            "pending",
            "in review",
            "in-review",
            "under review",
            "pending review",
            "review",
            "discussing",
            "under discussion",
            "in discussion",
            "discussion",
            "in progress",
            "wip",
            "work in progress",
            "rfc",
            "proposal",
            "open",
            "suggested",
            "requested",
            "tentative",
            "deferred",
            "postponed",
            "on hold",
            "paused",
        ],
        "rejected": ["declined", "refused", "discarded", "abandoned", "withdrawn", "reverted"],
        "deprecated": ["obsolete", "retired", "sunset", "outdated", "legacy"],
        "superseded": ["replaced", "superceded", "superseeded", "supersceded", "overridden"],
        "draft": ["placeholder", "todo", "idea", "exploring"],
    }
)
"""Team words that are not lifecycle keywords, and the stage of the lifecycle each one means.
Records keep the team's word as their status; the site colours and counts it by its stage."""

CHOSEN_PHRASES: tuple[str, ...] = (
    "chosen option",
    "choosen option",  # a common misspelling
    "chosen options",
    "chosen alternative",
    "chosen solution",
    "chosen approach",
    "selected option",
    "option choisie",
    "options choisies",
    "solution retenue",
    "solution choisie",
    "option retenue",
    "gewählte option",
    "ausgewählte option",
    "gewählte alternative",
    "opción elegida",
    "opción seleccionada",
    "alternativa elegida",
    "opção escolhida",
    "opção selecionada",
    "alternativa escolhida",
    "opzione scelta",
    "opzione selezionata",
    "gekozen optie",
    "gekozen alternatief",
    "valgt alternativ",
    "valgt løsning",
    "valt alternativ",
    "已选选项",
    "已选择选项",
    "所选选项",
    "选定的选项",
    "选择的选项",
    "선택된 옵션",
    "선택한 옵션",
)

BECAUSE: tuple[str, ...] = (
    "because",
    "as",
    "since",
    "parce que",
    "parce qu'",
    "parce qu’",
    "car",
    "puisque",
    "puisqu'",
    "puisqu’",
    "weil",
    "da",
    "porque",
    "ya que",
    "pues",
    "pois",
    "já que",
    "perché",
    "poiché",
    "omdat",
    "want",
    "fordi",
    "eftersom",
)
"""Words that start a justification after a chosen option or an argument."""

ARGUMENTS: dict[str, str] = _table(
    {
        "good": [
            "good",
            "pro",
            "pros",
            "positive",
            "plus",
            "bon",
            "bonne",
            "bien",
            "positif",
            "avantage",
            "gut",
            "positiv",
            "vorteil",
            "bueno",
            "buena",
            "ventaja",
            "bom",
            "boa",
            "vantagem",
            "buono",
            "buona",
            "vantaggio",
            "goed",
            "voordeel",
        ],
        "neutral": ["neutral", "neutre", "neutro", "neutra", "neutraal"],
        "bad": [
            "bad",
            "con",
            "cons",
            "negative",
            "minus",
            "mauvais",
            "mauvaise",
            "négatif",
            "inconvénient",
            "schlecht",
            "negativ",
            "nachteil",
            "malo",
            "mala",
            "desventaja",
            "ruim",
            "desvantagem",
            "cattivo",
            "cattiva",
            "svantaggio",
            "slecht",
            "nadeel",
        ],
    }
)

LABELS: dict[str, str] = _table(
    {
        "good": [
            "pro",
            "pros",
            "advantages",
            "benefits",
            "strengths",
            "good",
            "avantages",
            "points forts",
            "vorteile",
            "positiv",
            "ventajas",
            "pros",
            "vantagens",
            "prós",
            "vantaggi",
            "voordelen",
        ],
        "bad": [
            "con",
            "cons",
            "disadvantages",
            "drawbacks",
            "weaknesses",
            "risks",
            "bad",
            "inconvénients",
            "risques",
            "points faibles",
            "nachteile",
            "negativ",
            "risiken",
            "desventajas",
            "contras",
            "riesgos",
            "desvantagens",
            "svantaggi",
            "contro",
            "rischi",
            "nadelen",
            "risico's",
        ],
        "neutral": ["neutral", "neutre", "neutro", "neutraal"],
    }
)
"""Words that head a list of arguments (`Pros:`, `#### Nachteile`)."""

RELATION_VERBS: tuple[tuple[str, RelationKind], ...] = (
    # Longest first: "superseded by" before "supersedes".
    ("superseded by", RelationKind.SUPERSEDED_BY),
    ("superceded by", RelationKind.SUPERSEDED_BY),
    ("superseeded by", RelationKind.SUPERSEDED_BY),
    ("replaced by", RelationKind.SUPERSEDED_BY),
    ("remplacé par", RelationKind.SUPERSEDED_BY),
    ("remplacée par", RelationKind.SUPERSEDED_BY),
    ("abgelöst durch", RelationKind.SUPERSEDED_BY),
    ("abgelöst von", RelationKind.SUPERSEDED_BY),
    ("ersetzt durch", RelationKind.SUPERSEDED_BY),
    ("reemplazado por", RelationKind.SUPERSEDED_BY),
    ("reemplazada por", RelationKind.SUPERSEDED_BY),
    ("sustituido por", RelationKind.SUPERSEDED_BY),
    ("supersedido por", RelationKind.SUPERSEDED_BY),
    ("substituído por", RelationKind.SUPERSEDED_BY),
    ("substituída por", RelationKind.SUPERSEDED_BY),
    ("sostituito da", RelationKind.SUPERSEDED_BY),
    ("sostituita da", RelationKind.SUPERSEDED_BY),
    ("vervangen door", RelationKind.SUPERSEDED_BY),
    # The status stays the word (`Deprecated`); what follows `by` is the successor.
    ("deprecated by", RelationKind.SUPERSEDED_BY),
    ("obsoleted by", RelationKind.SUPERSEDED_BY),
    ("amended by", RelationKind.AMENDED_BY),
    ("extended by", RelationKind.AMENDED_BY),
    ("augmented by", RelationKind.AMENDED_BY),
    ("amendé par", RelationKind.AMENDED_BY),
    ("modifié par", RelationKind.AMENDED_BY),
    ("geändert durch", RelationKind.AMENDED_BY),
    ("ergänzt durch", RelationKind.AMENDED_BY),
    ("modificado por", RelationKind.AMENDED_BY),
    ("modificata da", RelationKind.AMENDED_BY),
    ("modificato da", RelationKind.AMENDED_BY),
    ("gewijzigd door", RelationKind.AMENDED_BY),
    ("supersedes", RelationKind.SUPERSEDES),
    ("supersede", RelationKind.SUPERSEDES),
    ("supercedes", RelationKind.SUPERSEDES),
    ("superceeds", RelationKind.SUPERSEDES),
    ("supersceded", RelationKind.SUPERSEDES),
    ("superseding", RelationKind.SUPERSEDES),
    ("replaces", RelationKind.SUPERSEDES),
    ("remplace", RelationKind.SUPERSEDES),
    ("ersetzt", RelationKind.SUPERSEDES),
    ("löst ab", RelationKind.SUPERSEDES),
    ("reemplaza", RelationKind.SUPERSEDES),
    ("sustituye", RelationKind.SUPERSEDES),
    ("substitui", RelationKind.SUPERSEDES),
    ("sostituisce", RelationKind.SUPERSEDES),
    ("vervangt", RelationKind.SUPERSEDES),
    ("nahrazuje", RelationKind.SUPERSEDES),
    ("amends", RelationKind.AMENDS),
    ("amend", RelationKind.AMENDS),
    ("extends", RelationKind.AMENDS),
    ("augments", RelationKind.AMENDS),
    ("amende", RelationKind.AMENDS),
    ("modifie", RelationKind.AMENDS),
    ("ändert", RelationKind.AMENDS),
    ("ergänzt", RelationKind.AMENDS),
    ("modifica", RelationKind.AMENDS),
    ("wijzigt", RelationKind.AMENDS),
    ("in favour of", RelationKind.RELATES_TO),
    ("in favor of", RelationKind.RELATES_TO),
)
"""Verbs that state a relation, with what they state."""
FOLDED_VERBS: tuple[tuple[str, RelationKind], ...] = tuple(
    (fold(verb), kind) for verb, kind in RELATION_VERBS
)
"""`RELATION_VERBS` as they are compared."""
ANY_VERB = re.compile(
    # super, replac, amend, extend, augment, remplac, ersetz, abgel, l[oö]st ab, reemplaz, sustitu,
    # substitu, sostitu, vervang, nahraz, modifi, [aä]nder, erg[aä]nz, wijzig, favou?r: grouped by
    # their first letter, which makes the search several times faster (it runs on all prose).
    r"s(?:uper|ustitu|ubstitu|ostitu)|r(?:eplac|emplac|eemplaz)|a(?:mend|bgel|nder|ugment)|"
    r"e(?:xtend|rsetz|rg[aä]nz)|l[oö]st ab|vervang|nahraz|modifi|änder|wijzig|favou?r|"
    r"deprecated by|obsoleted by"
)
"""A cheap test that folded text may hold a relation verb (most text holds none)."""


@dataclass(frozen=True)
class Vocabulary:
    """Every word table the reader uses: the built-in ones, extended by a project's own
    (`vocabulary` in mkdocs.yml). Picklable, so worker processes get it with their tasks."""

    sections: dict[str, str] = field(default_factory=dict)
    """Extra headings → section kind (`context`, `drivers`, `options`, `outcome`, …)."""
    fields: dict[str, str] = field(default_factory=dict)
    """Extra metadata keys → field (`status`, `date`, `deciders`, …)."""
    statuses: dict[str, str] = field(default_factory=dict)
    """Extra status words → the lifecycle keyword they mean (`freigegeben: accepted`)."""
    chosen: tuple[str, ...] = ()
    """Extra phrases that introduce the chosen option (`Unsere Wahl`)."""

    @cached_property
    def section_names(self) -> dict[str, str]:
        return {**SECTIONS, **{fold(k): v for k, v in self.sections.items()}}

    @cached_property
    def field_names(self) -> dict[str, str]:
        return {**FIELDS, **{fold(k): v for k, v in self.fields.items()}}

    @cached_property
    def status_words(self) -> dict[str, str]:
        """Words that translate a lifecycle keyword (the keywords themselves included)."""
        own = {fold(word): word for word in KNOWN_STATUSES}
        return {**own, **STATUSES, **{fold(k): v for k, v in self.statuses.items()}}

    @cached_property
    def chosen_phrases(self) -> tuple[str, ...]:
        return (*CHOSEN_PHRASES, *(fold(phrase) for phrase in self.chosen))

    def section(self, key: str) -> str | None:
        """The section kind of a heading (already folded by `text.heading_key`); a heading in
        two languages (`ステータス (Status)`, `Context / Kontext`) by either of its names."""
        found = self._section(key)
        if found is None:
            for name in _two_names(key):
                if (found := self._section(name.strip(" :.").strip())) is not None:
                    break
        return found

    def _section(self, key: str) -> str | None:
        if key in CONSEQUENCES:
            return "consequences"
        if key in METADATA_SECTIONS:
            return "metadata"
        return self.section_names.get(key)

    def field(self, key: str) -> str | None:
        found = self.field_names.get(fold(key))
        if found is None and ("-" in key or "_" in key):  # `last-updated`, `creation_date`
            found = self.field_names.get(fold(re.sub(r"[-_]+", " ", key)))
        return found

    def lifecycle(self, status: str | None) -> str | None:
        """The stage of the lifecycle a status (a keyword or a team word) means, if known."""
        if status is None:
            return None
        folded = fold(status)
        return self.status_words.get(folded) or LIFECYCLE.get(folded)


DEFAULT = Vocabulary()


def read_vocabulary(value: object) -> Vocabulary:
    """A `vocabulary` setting (`{sections: {…}, fields: {…}, statuses: {…}, chosen: […]}`),
    checked; raises ValueError with a message that names what is wrong."""
    if value is None:
        return DEFAULT
    if not isinstance(value, Mapping):
        raise ValueError("must map sections, fields, statuses and chosen to the team's words")
    unknown = set(value) - {"sections", "fields", "statuses", "chosen"}
    if unknown:
        raise ValueError(
            f"unknown part '{sorted(unknown)[0]}' (sections, fields, statuses, chosen)"
        )
    parts: dict[str, object] = {}
    for name, kinds in (("sections", SECTION_KINDS), ("fields", FIELD_KINDS)):
        table = value.get(name) or {}
        if not isinstance(table, Mapping):
            raise ValueError(f"{name} must map the team's words to what they mean")
        for word, kind in table.items():
            if kind not in kinds:
                raise ValueError(f"{name}.{word}: '{kind}' is not one of {', '.join(kinds)}")
        parts[name] = {str(word): str(kind) for word, kind in table.items()}
    statuses = value.get("statuses") or {}
    if not isinstance(statuses, Mapping):
        raise ValueError("statuses must map the team's status words to lifecycle keywords")
    for word, keyword in statuses.items():
        if keyword not in KNOWN_STATUSES:
            raise ValueError(
                f"statuses.{word}: '{keyword}' is not one of {', '.join(KNOWN_STATUSES)}"
            )
    parts["statuses"] = {str(word): str(keyword) for word, keyword in statuses.items()}
    chosen = value.get("chosen") or []
    if not isinstance(chosen, list) or not all(isinstance(phrase, str) for phrase in chosen):
        raise ValueError("chosen must list phrases")
    parts["chosen"] = tuple(chosen)
    return Vocabulary(**parts)  # type: ignore[arg-type]
