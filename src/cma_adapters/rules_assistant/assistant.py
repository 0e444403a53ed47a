"""The embedded assistant: a learned classifier, then fields read by position.

The document type comes from the shipped TF-IDF + logistic-regression model
(``classifier``; weighted keywords only if no model is installed). Fields are read from
the words' boxes (``layout``/``fields``): a value beside or under its label, scored
against the alternatives, each kept with its page and box so the adviser can check it.
The older patterns over flattened text remain as the last resort for a field the layout
reading did not find. It is deliberately conservative — a field it is unsure of is left
empty rather than guessed — because advisers see its output as suggestions and a wrong
creditor costs more to spot than a blank one costs to type.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Literal

from attrs import frozen

from cma_adapters.rules_assistant import classifier, label_learning, ranker, statements
from cma_adapters.rules_assistant.fields import evidence, read_fields
from cma_adapters.rules_assistant.fields_kinds import defined_terms, keyed_boxes
from cma_adapters.rules_assistant.layout import (
    Layout,
    carry_headers,
    carry_row_labels,
    page_layout,
)
from cma_adapters.rules_assistant.prose import deemed_served_days
from cma_adapters.rules_assistant.values import (
    DATE,
    ENGLISH_MONTHS,
    Candidate,
    after_party_heading,
    parse_frequency,
)
from cma_core.documents.errors import AssistantReplyInvalid
from cma_core.documents.model import (
    MAX_CLASS_ALTERNATIVES,
    CaseFacts,
    ClassAlternative,
    DocumentClass,
    Draft,
    Extraction,
    PageText,
)
from cma_core.documents.ports import Assistant
from cma_core.documents.rules import DEBT_CLASSES
from cma_core.documents.transactions import Transaction
from cma_core.shared.ids import CentreId
from cma_core.shared.time import long_date

log = logging.getLogger(__name__)

SOURCE = "rules"
#: The classes a debt is suggested from, whichever (``Extraction.debt_confidence``).
_DEBT_CLASS_NAMES = frozenset(c.value for c in DEBT_CLASSES)

_KEYWORDS: dict[DocumentClass, dict[str, float]] = {
    DocumentClass.COURT_CLAIM_N1: {
        "claim form": 4,
        "county court": 3,
        "claimant": 2,
        "defendant": 2,
        "claim number": 3,
        "particulars of claim": 3,
        "money claim": 3,
        "court fee": 2,
        "issue date": 2,
        "amount claimed": 2,
        "legal representative": 1,
        "n1": 1,
        "business centre": 2,
    },
    DocumentClass.ENFORCEMENT_AGENT_NOTICE: {
        "notice of enforcement": 5,
        "enforcement agent": 4,
        "taking control of goods": 4,
        "bailiff": 3,
        "warrant of control": 3,
        "compliance stage": 3,
        "enforcement fee": 2,
        "liability order": 1,
        "high court enforcement": 3,
        "enforcement stage": 2,
    },
    DocumentClass.STATUTORY_DEMAND: {
        "statutory demand": 6,
        "insolvency act 1986": 4,
        "bankruptcy petition": 3,
        "set aside": 2,
        "section 268": 3,
        "insolvency rules": 2,
        "bankrupt": 2,
    },
    DocumentClass.COUNCIL_TAX: {
        "council tax": 5,
        "band": 1,
        "reminder notice": 2,
        "final notice": 2,
        "billing authority": 2,
        "instalment": 1,
        "valuation": 1,
        "liable": 1,
    },
    DocumentClass.UTILITY_BILL: {
        "electricity": 2,
        "gas": 1,
        "kwh": 3,
        "meter reading": 3,
        "standing charge": 3,
        "tariff": 2,
        "unit rate": 2,
        "water": 1,
        "sewerage": 2,
        "energy": 1,
        "your bill": 2,
        "supply": 1,
    },
    DocumentClass.PAYSLIP: {
        "payslip": 5,
        "gross pay": 4,
        "net pay": 4,
        "tax code": 3,
        "national insurance": 1,
        "year to date": 2,
        "pay period": 2,
        "paye": 2,
        "employee": 2,
        "deductions": 2,
        "pay date": 2,
    },
    DocumentClass.BANK_STATEMENT: {
        "statement": 1,
        "sort code": 3,
        "balance brought forward": 4,
        "opening balance": 3,
        "closing balance": 3,
        "money in": 3,
        "money out": 3,
        "iban": 2,
        "bic": 1,
        "direct debit": 1,
        "current account": 2,
        "statement period": 3,
    },
    DocumentClass.BENEFIT_AWARD: {
        "universal credit": 4,
        "award": 2,
        "department for work and pensions": 4,
        "dwp": 2,
        "personal independence payment": 4,
        "standard allowance": 3,
        "assessment period": 3,
        "entitled": 2,
        "pension credit": 3,
        "housing element": 3,
        "child benefit": 2,
        "employment and support allowance": 4,
        "you will get": 1,
    },
    DocumentClass.CREDITOR_LETTER: {
        "default notice": 5,
        "arrears": 3,
        "consumer credit act": 3,
        "section 87": 3,
        "outstanding balance": 2,
        "missed payment": 3,
        "debt collection": 3,
        "we have not received": 2,
        "overdue": 2,
        "credit agreement": 2,
        "collections": 2,
        "debt": 1,
        "repayment": 1,
        "remedy": 2,
        "payment plan": 1,
        "terminate": 1,
    },
}
_MIN_SCORE = 3.0

_MONTH_RE = "|".join(sorted(ENGLISH_MONTHS, key=len, reverse=True))
_DATE = re.compile(
    rf"\b(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?P<m>{_MONTH_RE})\.?,?\s+(?P<y>(?:19|20)\d\d)\b"
    r"|\b(?P<d2>[0-3]?\d)\s*[/.-]\s*(?P<m2>[01]?\d)\s*[/.-]\s*(?P<y2>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
# "£" is often read as "E", "f" or "£" with a space; accept those only right before digits.
_MONEY = re.compile(
    r"(?:£|GBP|(?<![A-Za-z])[Ef])\s?(?P<n>\d{1,3}(?:[,\s]\d{3})+|\d+)[.,:](?P<p>\d\d)\b"
)

# Most specific first: "Total amount claimed" beats "Amount claimed" on the same claim form.
_BALANCE_LABELS = [
    re.compile(p, re.IGNORECASE)
    for p in (
        r"total\s+amount\s+claimed",
        r"total[\s-]+outstanding(?:\s+balance)?|outstanding\s+balance|balance\s+outstanding",
        r"amount\s+outstanding|total\s+(?:amount\s+)?due|amount\s+(?:now\s+)?due|balance\s+due",
        r"amount\s+owed|total\s+to\s+pay|total\s+debt|sum\s+(?:due|owed)|you\s+owe",
        r"amount\s+claimed|balance\s+of|sum\s+of|total\s+amount",
    )
]
_REFERENCE = re.compile(
    r"(?:(?:account|agreement)\s+(?:number|no\.?|ref(?:erence)?)|our\s+ref(?:erence)?|your\s+ref(?:erence)?"
    r"|reference\s+(?:number|no\.?)|customer\s+(?:number|no\.?)|ref(?:erence)?(?:\s+no\.?)?"
    r"|account)"
    r"\s*[:.#]?\s*(?P<ref>[A-Z0-9][A-Z0-9/-]{3,}(?:[ ][0-9]{3,})*"
    # (and its closing pair of figures at the end of its line: "4471 2093 58", round 49)
    r"(?:(?<=\d)[ ][0-9]{2}(?=[ \t]*(?:\n|$)))?)",
    re.IGNORECASE,
)
# (a claim number has a figure: "Quote the claim number whenever you write" names none,
# round 33)
_CLAIM_NUMBER = re.compile(
    r"claim\s+(?:number|no\.?)\s*[:.]?\s*(?P<n>(?=[A-Z]*\d)[A-Z0-9]{6,10})\b", re.IGNORECASE
)
_LETTER_DATE_LABEL = re.compile(
    r"(?:issue\s+date|date\s+of\s+issue|date\s+of\s+(?:notice|demand|letter)|bill\s+date"
    r"|statement\s+date|date\s+issued|dated|date)\s*[:.]?\s*$",
    re.IGNORECASE,
)
_DEADLINE_LABEL = re.compile(
    r"(?:pay\s+by|payable\s+by|due\s+(?:date|by|on)|payment\s+due|respond\s+by|reply\s+by"
    r"|no\s+later\s+than|on\s+or\s+before|before|by|deadline|remedy\s+.{0,40}?by"
    r"|must\s+(?:be\s+)?(?:paid|received)\s+by)\s*[:.]?\s*(?:the\s+)?$",
    re.IGNORECASE,
)
_CREDITOR_LABEL = re.compile(
    r"(?:claimant(?:'s|s)?(?:\s+name(?:\(s\))?)?(?:\s+and\s+address(?:\(es\))?)?"
    r"|creditor(?:'s)?(?:\s+name)?|on\s+behalf\s+of|our\s+client|client|issued\s+by)"
    r"\s*[:\n]\s*(?P<name>[^\n,]{3,60})",
    re.IGNORECASE,
)
_ORGANISATION = re.compile(
    r"\b(?:Ltd|Limited|PLC|Bank|Council|Energy|Water|Finance|Credit|Loans?|Capital"
    r"|Building\s+Society|Collections?|Recoveries|HMRC|Revenue|Telecom|Mobile|Insurance"
    r"|Housing|Cards?|Portfolio|Lending|Funding|Group)\b\.?",
    re.IGNORECASE,
)


class RuleBasedAssistant(Assistant):
    """No network: fast, predictable and free. ``model_path``: a classifier artefact
    trained by ``cma assistant train`` (default: the one shipped with the package).
    ``centre_models``: the folder where ``cma assistant train --centre`` writes a centre's
    own artefacts (``<centre id>/document_classifier.json`` and the categoriser beside
    it); a document of that centre is read with them, any other with the install's.
    ``field_ranker``: a learned candidate ranker (``ranker``, written by ``cma assistant
    train --field-ranker``), by default the one shipped with the package; ``None`` (what
    ``CMA_FIELD_RANKER=off`` gives): fields are chosen by the rules alone."""

    def __init__(
        self,
        model_path: Path | None = None,
        categoriser_path: Path | None = None,
        centre_models: Path | None = None,
        field_ranker: Path | Literal["shipped"] | None = "shipped",
    ) -> None:
        self.model = classifier.load(model_path)
        self.categoriser = statements.load(categoriser_path)
        self.field_ranker = (
            ranker.shipped()
            if field_ranker == "shipped"
            else ranker.load(field_ranker)
            if field_ranker
            else None
        )
        self.centre_models = centre_models
        self._loaded: dict[Path, tuple[float, classifier.Model]] = {}
        self._labels: dict[Path, tuple[float, dict[str, tuple[str, ...]]]] = {}

    def _artefact(self, path: Path) -> classifier.Model | None:
        """The artefact at ``path`` (read again when the file changes), if any."""
        try:
            stamp = path.stat().st_mtime
        except OSError:
            return None
        cached = self._loaded.get(path)
        if cached is None or cached[0] != stamp:
            cached = (stamp, classifier.from_json(path.read_text(encoding="utf-8")))
            self._loaded[path] = cached
        return cached[1]

    def models_for(
        self, centre_id: CentreId | None
    ) -> tuple[classifier.Model | None, classifier.Model | None]:
        """The classifier and categoriser a document of ``centre_id`` is read with."""
        if centre_id is None or self.centre_models is None:
            return self.model, self.categoriser
        folder = self.centre_models / str(centre_id)
        model = self._artefact(folder / classifier.ARTEFACT) or self.model
        categoriser = self._artefact(folder / statements.ARTEFACT) or self.categoriser
        return model, categoriser

    def labels_for(self, centre_id: CentreId | None) -> dict[str, tuple[str, ...]]:
        """The label words ``centre_id``'s corrections taught (``label_learning``), if any;
        read again when the file changes."""
        if centre_id is None or self.centre_models is None:
            return {}
        path = self.centre_models / str(centre_id) / label_learning.ARTEFACT
        try:
            stamp = path.stat().st_mtime
        except OSError:
            return {}
        cached = self._labels.get(path)
        if cached is None or cached[0] != stamp:
            cached = (stamp, label_learning.load(path))
            self._labels[path] = cached
        return cached[1]

    async def classify_and_extract(
        self,
        text: str,
        pages: Sequence[PageText] = (),
        *,
        centre_id: CentreId | None = None,
        document_class: DocumentClass | None = None,
    ) -> Extraction:
        model, categoriser = self.models_for(centre_id)
        try:
            return extract(
                text,
                pages,
                model,
                categoriser,
                learned=self.labels_for(centre_id),
                fields_model=self.field_ranker,
                given=document_class,
            )
        except Exception as err:  # a fault of the reader, not of the document
            # Said as the port says a reply it cannot use: the document keeps its text and
            # is left for the adviser (unclassified by the worker, a 502 over HTTP), not
            # retried until the sweep fails it; the traceback goes to the log only.
            log.exception("the rules reader failed on a document")
            raise AssistantReplyInvalid(
                f"the reader could not read this document ({type(err).__name__}); "
                "say what kind it is, or read it yourself"
            ) from None

    async def summarise_case(self, facts: CaseFacts) -> Draft:
        return Draft(text=summarise(facts), source=SOURCE)


C = DocumentClass
_DEBT_FIELDS = (
    "creditor_name",
    "account_reference",
    "balance_pence",
    "letter_date",
    "deadline_date",
)
_INCOME_FIELDS = ("payer_name", "income_pence", "gross_pence", "frequency", "letter_date")
FIELDS_BY_CLASS: dict[DocumentClass, tuple[str, ...]] = {
    # Any letter about a debt may name who the debt was first owed to (an agent's letter
    # for a debt buyer, a letter of claim): kept when the document says so, with its role.
    **dict.fromkeys(C, (*_DEBT_FIELDS, "original_creditor")),
    # A claim, a judgment or a demand by a debt buyer names the lender it bought from.
    C.COURT_CLAIM_N1: (*_DEBT_FIELDS, "court_claim_number", "served_date", "original_creditor"),
    C.STATUTORY_DEMAND: (*_DEBT_FIELDS, "served_date", "original_creditor"),
    C.COUNTY_COURT_JUDGMENT: (*_DEBT_FIELDS, "court_claim_number", "original_creditor"),
    C.NOTICE_OF_ASSIGNMENT: (*_DEBT_FIELDS, "original_creditor"),
    # A charge for payment or a notice of enforcement is served: the days to pay run from it.
    C.ENFORCEMENT_AGENT_NOTICE: (*_DEBT_FIELDS, "served_date", "original_creditor"),
    C.PAYSLIP: _INCOME_FIELDS,
    C.BENEFIT_AWARD: _INCOME_FIELDS,
    C.BANK_STATEMENT: ("letter_date",),
    C.OTHER: (),
}


def _fallback(field: str, text: str, cls: DocumentClass) -> object:
    """The older patterns over flattened text, for a field the layout did not give."""
    if field == "account_reference":
        return find_reference(text)
    if field == "balance_pence":
        return find_balance(text)
    if field == "letter_date":
        return find_letter_date(text)
    if field == "court_claim_number":
        return find_claim_number(text)
    if field == "creditor_name":
        return find_creditor(text, cls)
    return None


@frozen(kw_only=True)
class Reading:
    """The rules' reading of a document: its class, its pages' layout, every candidate
    per field (best first) and the value chosen for each field its class states."""

    document_class: DocumentClass
    confidence: float
    source: str
    layouts: list[Layout]
    found: dict[str, list[Candidate]]
    chosen: dict[str, object]
    debt_confidence: float | None = None
    alternatives: tuple[ClassAlternative, ...] = ()


_DROPPED_CAPITAL = re.compile(r"(?m)^[ \t]*([A-Z])[ \t]*\n(?:[ \t]*\n)?[ \t]*(?=[a-z]{2})")


def dropped_capitals(text: str) -> str:
    """A large initial capital set on a line of its own, the rest of its word opening the
    next ("H" / "ornbeam Card …"), joined again to its word (round 39): a line of one
    capital letter, then (past a blank line OCR may put between) a line that opens in
    small letters."""
    return _DROPPED_CAPITAL.sub(r"\1", text)


def read(
    text: str,
    pages: Sequence[PageText],
    model: classifier.Model | None,
    learned: Mapping[str, Sequence[str]] | None = None,
    given: DocumentClass | None = None,
) -> Reading:
    """Classify ``text`` and read its fields by the rules (``extract`` without the export
    formats, the transactions or a ranker). ``given``: the kind the adviser says it is,
    read as such (not classified, confidence 1.0, no cue may change it)."""
    text = dropped_capitals(text)
    debt_confidence = None
    likelihoods: dict[str, float] = {}
    probabilities: dict[str, float] = {}
    if given is not None:
        document_class, confidence, source = given, 1.0, f"{SOURCE}+adviser"
    elif model is not None:
        document_class, confidence, probabilities = model.predict(text)
        debt_confidence = model.group_confidence(probabilities, _DEBT_CLASS_NAMES)
        likelihoods = model.likelihoods(probabilities)
        source = f"{SOURCE}+tfidf:{model.version}"
    else:
        document_class, confidence = classify(text)
        source = SOURCE
    if not pages:
        pages = [
            PageText(number=i, text=t, confidence=1.0) for i, t in enumerate(text.split("\f"), 1)
        ]
    # (numbered boxes explained by a key: the key's words set over each box, round 14)
    layouts = carry_headers([defined_terms(keyed_boxes(page_layout(p))) for p in pages])
    # (a table's columns run on to the next page: its rows' labels set beside their
    # values there, round 33)
    layouts = carry_row_labels(layouts)
    found = read_fields(layouts, text, document_class, learned)
    refined = document_class if given is not None else refine_class(document_class, found, text)
    if given is None and refined is C.OTHER:
        refined = _owed_after_all(refined, confidence, probabilities, found, text)
    # (the word model torn between its two likeliest kinds, where the reading's cues, read
    # from the runner-up, name the likeliest: the cue settles the doubt, round 27)
    if given is None and model is not None and refined is document_class:
        settled = _settled_by_cue(model, document_class, probabilities, found, text)
        if settled is not None and settled > confidence:
            confidence, source = settled, f"{source}+cue"
    if refined is not document_class:
        document_class, source = refined, f"{source}+cue"
        found = read_fields(layouts, text, document_class, learned)
    chosen = _choose(found, FIELDS_BY_CLASS[document_class], text, document_class)
    if document_class is C.ENFORCEMENT_AGENT_NOTICE:
        # (a court's warrant enforcing its judgment quotes the claim it was given in,
        # labelled as the claim's: "Claim no. to quote"; an enforcer's own "case no." is
        # its reference, round 41)
        claim = next(
            (
                c.value
                for c in found.get("court_claim_number", [])
                if c.score >= 3 and c.label and re.search(r"\bclaim\b", c.label, re.I)
            ),
            None,
        )
        if claim is not None:
            chosen["court_claim_number"] = claim
    return Reading(
        document_class=document_class,
        confidence=confidence,
        source=source,
        layouts=layouts,
        found=found,
        chosen=chosen,
        debt_confidence=debt_confidence,
        alternatives=_alternatives(likelihoods, document_class),
    )


_ALTERNATIVE_FLOOR = 0.05
"""A kind less likely than this is not worth the adviser's glance."""


def _alternatives(
    likelihoods: Mapping[str, float], chosen: DocumentClass
) -> tuple[ClassAlternative, ...]:
    """The likeliest other kinds by the classifier's calibrated likelihoods
    (``Model.likelihoods``; the class the cues overruled among them), above a floor, at
    most ``MAX_CLASS_ALTERNATIVES``."""
    ranked = sorted(likelihoods.items(), key=lambda kv: -kv[1])
    return tuple(
        ClassAlternative(document_class=DocumentClass(c), probability=round(min(p, 1.0), 4))
        for c, p in ranked
        if c != chosen.value and p >= _ALTERNATIVE_FLOOR
    )[:MAX_CLASS_ALTERNATIVES]


def extract(
    text: str,
    pages: Sequence[PageText],
    model: classifier.Model | None,
    categoriser: classifier.Model | None = None,
    *,
    learned: Mapping[str, Sequence[str]] | None = None,
    fields_model: ranker.Model | None = None,
    given: DocumentClass | None = None,
) -> Extraction:
    """Classify ``text`` and read its fields from ``pages`` (or the text's own lines).
    A bank's CSV or OFX export is read as a statement by its format. ``learned``: the
    centre's own label words per field (``label_learning``). ``fields_model``: a learned
    candidate ranker (``ranker``) that re-ranks the fields it was trained for; without
    one the rules' choice stands. ``given``: the kind the adviser says the document is
    (``read``); an export file is a statement whatever is said."""
    exported = _export(text, categoriser)
    if exported is not None:
        return exported
    reading = read(text, pages, model, learned, given)
    document_class, layouts, found, chosen = (
        reading.document_class,
        reading.layouts,
        reading.found,
        reading.chosen,
    )
    source = reading.source
    ranked: frozenset[str] = frozenset()
    if fields_model is not None:
        wanted = FIELDS_BY_CLASS[document_class]
        by_rules = dict(found)
        chosen, found = ranker.rerank(fields_model, layouts, found, chosen, document_class, wanted)
        source = f"{source}+ranker:{fields_model.version}"
        # (a field the ranker ranked has a new list of candidates scored by probability)
        ranked = frozenset(f for f, c in found.items() if c is not by_rules.get(f))
    transactions: tuple[Transaction, ...] = ()
    if document_class is C.BANK_STATEMENT:
        letter = chosen.get("letter_date")
        year = letter.year if isinstance(letter, dt.date) else None
        transactions = tuple(
            statements.categorise(
                statements.from_layouts(
                    layouts, year, letter=letter if isinstance(letter, dt.date) else None
                ),
                categoriser,
            )
        )
    return Extraction(
        transactions=transactions,
        document_class=document_class,
        confidence=round(min(max(reading.confidence, 0.0), 1.0), 4),
        debt_confidence=(
            None
            if reading.debt_confidence is None
            else round(min(max(reading.debt_confidence, 0.0), 1.0), 4)
        ),
        source=source,
        class_alternatives=reading.alternatives,
        amounts_pence=tuple(_amounts(text)),
        evidence=tuple(evidence(found, chosen, layouts, ranked)),
        **chosen,  # type: ignore[arg-type]
    )


# A debt secured on the home, said in two or more of the ways lenders say it.
_SECURED_ON_HOME = re.compile(
    r"\b(?:mortgage|home loan|secured (?:loan|on (?:your|the) (?:home|property))"
    r"|re-?possess\w*|possession (?:proceedings|claim|order|of (?:your|the) (?:home|property))"
    r"|(?:your|the) home (?:may|could|is) (?:be )?(?:at risk|repossessed))",
    re.IGNORECASE,
)


# The letter tells of the debt changing hands ("has been assigned", "we have bought",
# "sold your account", "transferred to"); a collector that merely names the original
# lender ("originally owed to X") while collecting for its client does not.
_TRANSFERRED = re.compile(
    r"\b(?:assign(?:ed|ment|or|ee)|sold|transferred|bought|purchased|acquired"
    r"|(?:new|legal) (?:owner|creditor)|now owns?)\b"
)
# The writer collects for someone else: an agent's letter, even about a sold debt, is not
# the notice of the sale (that comes from the seller or the buyer).
_COLLECTS_FOR = re.compile(
    r"\b(?:(?:has|have) (?:asked|instructed|appointed) us|(?:we are )?collecting (?:this|the|your)"
    r" (?:debt|account|balance) (?:for|on behalf of)|on behalf of our client|we act for)\b"
)
# Buying now and paying later, or from a catalogue: one word that names the product
# ("catalogue", "buy now pay later", "shopping account"), or two of the weaker ways.
_BNPL_NAMED = re.compile(
    r"\b(?:buy now,? pay later|catalogue|(?:home |online )?shopping account|mail order"
    r"|pay in (?:3|4|three|four)|pay later (?:account|plan|agreement))\b"
)
_BNPL = re.compile(
    r"\b(?:buy now|pay later|pay in (?:3|4|three|four)|(?:your|an|the) order (?:from|with|number)"
    r"|order number|catalogue|goods purchased|further orders|in the app|retailer|checkout"
    r"|instalments? (?:of|for) your (?:order|purchase))\b"
)
# Goods hired until paid for: a hire purchase or conditional sale agreement, a hired vehicle
# (round 44): a lender's finance, no shop's or catalogue's instalments.
_HIRED_GOODS = re.compile(
    r"\b(?:hire[- ]purchase|conditional sale|hired (?:vehicle|car|van|goods)|(?:vehicle|car|motor)"
    r" finance)\b"
)
# What a debt letter says, one way or another: something is owed, behind or to be paid.
_OWED = re.compile(
    r"\b(?:arrears|owe|owed|owing|overdue|outstanding|debt|missed|unpaid|default|demand"
    r"|balance (?:of|is|now)|must pay|please pay|pay (?:the|this|now|us)|repay\w*)\b"
)
# Who enforces a debt, or the enforcer's own writ (round 17): a letter read as other
# (a cover sheet before it, little wording the word model knows) that comes from them and
# states an amount (under a label, or as the total in a sentence) is an enforcement notice,
# unless it says nothing more is owed.
_ENFORCER = re.compile(
    r"\b(?:sheriff officers?|enforcement (?:agents?|officers?|agency)|bailiffs?"
    r"|messengers?-at-arms|warrant of control|charge for payment|notice of enforcement)\b"
)


# The enforcer writes as the one instructed (round 35): "X has instructed us", "we act for
# X", "a charge served for X". A council's or a supplier's own letter may warn
# of sheriff officers or enforcement agents (and of the summary warrant it has obtained),
# but is not written by one acting for it.
# Or, since round 38, names the one "instructing us" ("the creditor instructing us: X"),
# tells that the account "has been passed to us", or serves its writ "on behalf of X".
_ENFORCER_ACTING = re.compile(
    r"\b(?:(?:has|have) (?:instructed|appointed|asked) us"
    r"|we (?:act|are acting) (?:for|on behalf of)"
    r"|(?:charge for payment|notice of enforcement) (?:has been |was )?served"
    r"|(?:we )?(?:served|have served) (?:on you )?(?:a|this|the) charge for payment"
    r"|instructing us"
    r"|(?:has|have) (?:passed|referred|handed|sent|transferred) (?:the|your|this) (?:account"
    r"|debt|arrears|balance|matter|case)(?: over| on)? to us"
    r"|(?:has|have) been (?:passed|referred|handed|sent|transferred)(?: over| on)? to us"
    r"|(?:charge for payment|notice of enforcement|warrant of control) (?:served )?on behalf of)\b"
)
# The kinds the word model mistakes an enforcer's letter for: what it collects (council tax,
# water and sewerage charges, rates) is another kind's wording.
_ENFORCED_FOR = frozenset({C.UTILITY_ARREARS, C.COUNCIL_TAX})


def _enforcer_writes(flat: str) -> bool:
    """The letter comes from an enforcer (sheriff officers, enforcement agents, bailiffs)
    acting for the creditor: its enforcer's words and its words of acting for another
    (``_ENFORCER_ACTING``), each at least once (round 35)."""
    return bool(_ENFORCER.search(flat) and _ENFORCER_ACTING.search(flat))


# A court's judgment for a sum, as the court or the creditor tells of it (round 17):
# "judgment has been entered against you", "the sheriff has granted decree", "decree for
# the sum of".
_JUDGED = re.compile(
    r"\b(?:(?:judgment|decree) (?:has been |was |is )?(?:entered|granted|given|made)"
    r"|(?:entered|granted|given) (?:a )?(?:judgment|decree)|decree for (?:the sum|payment)"
    r"|county court judgment)\b"
)


# A judgment or decree the court has given, told as done (round 38): "the sheriff has
# granted decree against you", "judgment was entered", "the court has made a decree". A
# claim tells of one only as what may come ("if you do nothing, judgment may be entered"):
# a sentence that says so conditionally (``_MAY_COME``) tells of none.
_JUDGMENT_GIVEN = re.compile(
    r"\b(?:(?:has|have) (?:now )?(?:granted|entered|made|given|pronounced|issued) (?:a |the )?"
    r"(?:decree|judgment)|(?:decree|judgment) (?:has|have) (?:now )?been (?:granted|entered"
    r"|made|given|pronounced|issued)|(?:decree|judgment) was (?:granted|entered|made|given"
    r"|pronounced|issued))\b"
)
# An enforcer already enforcing a judgment it was asked to (round 38): "a notice of intent
# to enforce", "the creditor has applied to the office to enforce it", "we have been
# instructed to enforce the judgment" — not "the creditor may apply to enforce it".
_ENFORCING = re.compile(
    r"\b(?:notice of (?:intent(?:ion)?|proposal|proposed action) to enforce"
    r"|(?:has|have) (?:applied|asked) (?:to )?(?:[a-z' ]{1,40}? )?(?:to enforce|for (?:the )?"
    r"enforcement)"
    # (a court's own notice that it has issued the enforcer's warrant, round 41)
    r"|(?:warrant|writ) of (?:control|execution|possession) (?:has )?(?:now )?(?:been |was )"
    r"issued"
    r"|(?:has|have) (?:been )?instructed (?:us )?to enforce"
    r"|(?:we|this office) (?:are|is) (?:now )?enforcing)\b"
)
_MAY_COME = re.compile(
    r"\b(?:if|unless|might|could|would|can|will|until|whether|should|once|when)\b"
    r"|(?<!\d[ /-])\bmay\b(?![ /-]\d)"  # (the verb, not the month of "10-May-25")
)


# A line that stops on a word no heading or sentence ends on (an article, a preposition, a
# conjunction, an auxiliary): its sentence runs on to the next line (round 41).
_RUNS_ON = re.compile(
    r"\b(?:the|a|an|of|to|with|by|for|and|or|in|on|at|from|as|that|which|may|will|can|be|is"
    r"|are|has|have|your|our|its|their)[ \t]*\n[ \t]*"
)


def _told_as_done(pattern: re.Pattern[str], flat: str, *, lines: bool = False) -> bool:
    """A sentence of ``flat`` (or a line, with ``lines``: a heading has no stop) that says
    ``pattern`` as done, not as what may come. A line that stops on a word no line ends on
    ("… register the charge as a debt with the" / "Traffic Enforcement Centre.") runs on:
    its sentence is one (round 41)."""
    if lines:
        flat = _RUNS_ON.sub(lambda m: m.group().split()[0] + " ", flat)
    parts = re.split(r"(?<=[.!?;])\s+|\n" if lines else r"(?<=[.!?;])\s+", flat)
    return any(pattern.search(s) and not _MAY_COME.search(s) for s in parts)


# A step of enforcement, taken or to come: an enforcer, a warrant, a court's order or
# register, a charge registered for recovery (round 39).
_ENFORCEMENT_STEP = re.compile(
    r"\b(?:sheriff officers?|enforcement (?:agents?|officers?|agency|centre)|bailiffs?"
    r"|warrants?|charge for payment|notice of enforcement"
    # (a vehicle's registration mark is none, round 41)
    r"|(?<!vehicle )(?<!car )regist(?:er|ered|ers|ration)(?! (?:no|number|mark|plate)\b)"
    r"|order for recovery|liability order|court|compliance fee|take control of goods)\b"
)


def _only_warns(text: str) -> bool:
    """Every sentence (or line: a heading has no stop) of ``text`` that names a step of
    enforcement says it as what may come ("the council will register the debt", "if the
    charge is registered"), and one does: the one owed warns of enforcement, no enforcer
    writes (round 39: a council's charge certificate read as the enforcement notice it
    warns of; "We hold a warrant" is told as done)."""
    return bool(_ENFORCEMENT_STEP.search(text)) and not _told_as_done(
        _ENFORCEMENT_STEP, text, lines=True
    )


# A fuel the supplier delivers (round 38): a heating oil supplier's arrears are a
# supplier's, however its "further orders" read to the word model like a catalogue's.
_FUEL_DELIVERED = re.compile(
    r"\b(?:heating oil|kerosene|gas ?oil|red diesel|lpg|bottled gas|gas bottles?|coal|solid fuel"
    r"|(?:oil|fuel|gas|coal|logs?) (?:account|deliver(?:y|ies|ed)|supplied|tank)"
    r"|(?:oil|fuel|coal|logs?) (?:we )?delivered)\b"
)


# What a utility supplies, and what lenders lend (round 18): a letter the word model reads
# as utility arrears that names no utility but a loan or a card is a lender's.
_UTILITY = re.compile(
    r"\b(?:gas|electric\w*|energy|water|sewerage|waste ?water|power|fuel|heating|meters?"
    r"|oil|kerosene|lpg|coal"
    r"|supply|supplier|tariff|kwh|broadband|tele ?phone|phone|mobile|internet|landline)\b"
)
# What a bill shows: what was used and what it costs (round 33).
_BILLED = re.compile(
    r"\b(?:meters?|readings?|kwh|units|standing charges?|tariff|usage|used|consumption"
    r"|(?:billing|bill) period|this bill|your bill|amount due|total due|charges? for)\b"
)
_LENT = re.compile(
    r"\b(?:loan|credit card|card account|(?:credit|finance|hire purchase) agreement|overdraft"
    r"|borrowed|lent)\b"
)


def _states_amount(found: dict[str, list[Candidate]]) -> bool:
    """An amount under a label (however weak the label for the class read) or said as the
    total in a sentence: not merely a sum in the body."""
    return any(c.score >= 2 or c.label is not None for c in found.get("balance_pence", []))


# Nothing more is owed: the loan is paid off, the account closed or settled.
_SETTLED = re.compile(
    r"\b(?:nothing (?:more |further |else )?(?:to pay|is owed|owing|left to pay)"
    r"|(?:is|has been|was) (?:now )?(?:paid off|paid in full|settled|cleared|closed)"
    r"|(?:account|loan|agreement|debt) (?:is |has been )?(?:now )?(?:settled|closed|cleared)"
    r" in full)\b"
)
# A letter that says it asks for nothing: "this is not a demand (for payment)", "you do
# not need to pay / do anything" — said of a debt only to deny it.
_NOT_ASKED = re.compile(
    r"\b(?:(?:is )?not a (?:demand|request|bill)(?: for payment)?"
    r"|you do not (?:need|have) to (?:pay|do anything))\b"
)
# A benefit named as such (a payslip's "pension" deduction is not one).
_BENEFIT = re.compile(
    r"\b(?:benefits?|allowance|universal credit|tax credits?|dwp|department for work"
    r"|social security|jobcentre|state pension|pension credit|hmrc)\b"
)
# An overpayment demand says so; an award letter that does not is an award.
_OVERPAID = re.compile(r"\b(?:overpa(?:id|yments?)|recover(?:y|ed)?|paid too much|owe us)\b")
_AWARDED = re.compile(
    r"\b(?:award(?:ed)?|entitle(?:d|ment)|we will pay|you will get|you can get)\b"
)
# Where to get free advice about debt, printed on many letters whatever they are about:
# the advice charities, the debt respite scheme ("Breathing Space"), what creditors in
# general may not do while it lasts (round 31). A sentence that says so tells of debts in
# general, not of this letter: an award that signposts advice does not tell of an
# overpayment by "… or take action to recover the debt".
_SIGNPOSTING = re.compile(
    r"\b(?:breathing space|debt respite|(?:debt|money) advi[cs](?:e|er|ers|or|ors)\b"
    r"|(?:free|impartial|independent|confidential)(?:,? (?:and )?(?:free|impartial|independent"
    r"|confidential))* (?:debt |money )?(?:advice|help)\b|most (?:creditors|lenders)"
    r"|debt charit(?:y|ies)|national debtline|citizens advice|stepchange|money ?helper)"
)


def _own_words(flat: str) -> str:
    """``flat`` (lower-cased, spaces squeezed) without its sentences that signpost advice
    about debt in general (``_SIGNPOSTING``)."""
    sentences = re.split(r"(?<=[.!?])\s+", flat)
    return " ".join(s for s in sentences if not _SIGNPOSTING.search(s))


def _settled_by_cue(
    model: classifier.Model,
    cls: DocumentClass,
    probabilities: Mapping[str, float],
    found: dict[str, list[Candidate]],
    text: str,
) -> float | None:
    """How sure the reading is of ``cls`` when the word model doubts only between it and
    its runner-up and ``refine_class``'s cues, given the runner-up, name ``cls`` ("Very
    Catalogue Ltd" read as pay-later or catalogue arrears, a creditor letter close behind:
    the catalogue named settles it): the word model's confidence that the document is one
    of the two (``group_confidence``). None where the cues do not name ``cls`` so. A cue
    already turns a creditor letter into catalogue arrears at the model's confidence in
    the creditor letter; the same letter read the other way round by another model is as
    sure (round 27's retraining read the demo's catalogue letter so, 14% sure)."""
    others = [c for c in probabilities if c != cls.value]
    if not others:
        return None
    second = max(others, key=lambda c: probabilities[c])
    if refine_class(DocumentClass(second), found, text) is not cls:
        return None
    return model.group_confidence(probabilities, {cls.value, second})


_UNSURE = 0.5
"""A confidence under which the word model's "other" is a guess (``_owed_after_all``): 0.2
until round 30, whose retraining (models ``.30``, AF among the read families) put round 27's
short Self Assessment letter at 0.22-0.35 (the class tables of every read family are the
same at 0.2 and at 0.4); 0.4 until round 31, whose retraining (models ``.32``, AD among
them) put it at 0.30-0.45 (every table the same at 0.4 and at 0.5). Since round 37 it
decides only for a letter that gives no date to pay by: one that does is a debt letter
however sure the model is (the next retraining put the same letter at 0.51-0.69)."""


_NO_NOTION = 0.001
"""Under this, the word model's likelihood of a kind says nothing of it (``_owed_after_all``)."""


def _owed_after_all(
    cls: DocumentClass,
    confidence: float,
    probabilities: Mapping[str, float],
    found: dict[str, list[Candidate]],
    text: str,
) -> DocumentClass:
    """A document the word model reads as "other" that gives an amount the balance may be
    (a candidate of positive score), says it is owed or asks for it (``_OWED``) and says
    nothing of it being settled is a debt letter — the word model's likeliest kind of debt
    letter, at the model's confidence — where it also gives a date to pay by (a deadline of
    positive score) and does not say it asks for nothing (``_NOT_ASKED``), however sure the
    model is; without such a date, only where the model's "other" is a guess (under
    ``_UNSURE``). A short letter in words of its own ("You owe us £X for Self Assessment.
    You must pay by …") was read so by one model and as "other" by the next, each retrain
    more sure of it (rounds 27, 30, 31, 37): what it asks for, not the model's guess,
    decides that it is a debt."""
    flat = " ".join(text.lower().split())
    amount = any(c.score > 0 for c in found.get("balance_pence", []))
    if not amount or not _OWED.search(flat) or _SETTLED.search(flat):
        return cls
    by_a_date = any(c.score > 0 for c in found.get("deadline_date", []))
    if confidence >= _UNSURE and (not by_a_date or _NOT_ASKED.search(flat)):
        return cls
    debts = [c for c in probabilities if c in _DEBT_CLASS_NAMES]
    if not debts:
        return cls
    likeliest = max(debts, key=lambda c: probabilities[c])
    if probabilities[likeliest] < _NO_NOTION:
        # (the model sure it is no debt at all: its likeliest debt kind is a guess among
        # near-zero odds, the generic letter about a debt is not, refined by its cues; a
        # private parking charge read as utility arrears at 2e-9, round 40)
        return refine_class(C.CREDITOR_LETTER, found, text)
    if likeliest == C.CREDITOR_LETTER.value:
        # (the generic letter about a debt is refined by its cues, as the word model's own
        # reading is: a credit union's statement, its loan "owed" carried between dated
        # lines and nothing asked, is a statement; round 41)
        return refine_class(C.CREDITOR_LETTER, found, text)
    return DocumentClass(likeliest)


# What every payslip says of its pay, however worded: what it was before and after what was
# taken off it, and what was taken (round 28).
_PAYSLIP_WORDS = re.compile(
    r"\b(?:gross|net pay|take[- ]home|tax code|national insurance|ni (?:number|no)"
    r"|deductions?|paye|pay ?slip|pay period|employee"
    # (or the slip named in other words, and the employee's payroll number: "Wages
    # advice", "Salary advice", "Payroll number", round 43)
    r"|(?:pay|wages?|salary|earnings) advice|payroll (?:no|number|ref))\b"
)
# A statement's balance carried from one to the next: "Brought forward", "Carried
# forward", "Opening balance", "Balance b/f" (round 39)
_CARRIED = re.compile(
    r"\b(?:brought forward|carried forward|balance [bc]/f|opening balance|closing balance)\b"
)
# (or any account's opening and closing line, the account named: "Opening savings" …
# "Closing savings", "Opening shares" … "Closing shares", round 42)
# (or the account's balance carried into and out of the page: "Savings brought over" …
# "Savings carried over", "Units brought in" … "Units carried out", round 43)
# (or the account as it stood when the page began and ended: "Savings at the start" …
# "Savings at the finish", "Shares at the beginning" … "Shares at the close", round 45)
_OPENS_AND_CLOSES = re.compile(
    r"\bopening ([a-z]+)\b.{0,2000}?\bclosing \1\b"
    r"|\b([a-z]+) brought (?:in|over|forward)\b.{0,2000}?\b\2 carried (?:out|over|forward)\b"
    r"|\b([a-z]+) at (?:the )?(?:start|beginning|outset|opening)\b.{0,2000}?"
    r"\b\3 at (?:the )?(?:finish|end|close|closing)\b"
)
# What a letter about a debt asks: to pay, the arrears, a payment missed (round 39)
_ASKS_TO_PAY = re.compile(
    r"\b(?:arrears|overdue|please (?:pay|clear|contact)|you must pay|pay (?:it|this|the"
    r" (?:balance|arrears|amount))|missed (?:payments?|instalments?)|demand|default)\b"
)
# A line that opens with a day and its month: a statement's transaction ("21/01", "3 Mar").
_DATED_LINE = re.compile(
    r"^[ \t]*(?:\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?"
    r"|\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?)(?=\s)",
    re.MULTILINE,
)


# A line of pay that is an allowance, its word in small letters after the line's own
# ("Dog allowance", "Shift allowance"): no benefit, whose name is capitalised ("Carer's
# Allowance"), round 40.
_PAY_ALLOWANCE = re.compile(r"\b[A-Za-z]+ allowance\b")


def _no_pay_allowance(text: str) -> str:
    """``text`` lower-cased and flattened, past the lines of pay that are allowances."""
    return " ".join(_PAY_ALLOWANCE.sub(" ", text).lower().split())


def refine_class(cls: DocumentClass, found: dict[str, list[Candidate]], text: str) -> DocumentClass:
    """A generic creditor letter that the reading shows to be a more specific kind.

    * Its own labels name a *previous* owner of the debt ("Original creditor",
      "Previously owed to", "Account originally with", "Assigned from") beside the
      creditor, and it tells of the debt changing hands ("assigned", "sold to",
      "bought from", "new owner"): a notice of assignment. (A collection agent that
      names its client and the original lender, but tells of no transfer, writes a
      creditor letter.)
    * It says it gives (an award, an entitlement, "we will pay") and asks for nothing
      (no arrears, nothing owed or to pay): a benefit award; read as other, it must also
      say how often it is paid (a labelled frequency, or one said of the amount paid,
      "£81.90 a week"). It says nothing more is
      owed (paid off, settled, closed, "nothing more to pay") and nothing else of a
      debt: other. A notice of assignment written by an agent that collects for the
      debt's owner ("we act for", "has asked us") and asks for payment: a creditor
      letter (the notice of the sale comes from the seller or the buyer).
    * Read as a benefit award, it gives pay before and after deductions (a labelled
      gross) and names no benefit and no award: a payslip.
    * It names the product of buying now and paying later, or of a catalogue ("shopping
      account", "catalogue", "pay in 3"), or says so in two weaker ways (an order, a
      retailer, in the app): pay-later or catalogue arrears.
    * Read as other, it comes from an enforcer (sheriff officers, enforcement agents,
      bailiffs, a charge for payment) and states an amount it asks for (under a label or
      as a sentence's total), not that nothing is owed: an enforcement agent notice; one
      that tells of a judgment (decree) entered or granted for it: a county court
      judgment.
    * Read as utility arrears or council tax, it comes from an enforcer (sheriff officers,
      enforcement agents, bailiffs) that writes as the one instructed ("has instructed
      us", "we act for", a charge for payment served) and gives an amount the balance may
      be, not that nothing is owed: an enforcement agent notice (round 35: sheriff
      officers collecting council tax and water charges).
    * Read as utility arrears, it names a loan or a card (a credit agreement, an
      overdraft) and nothing a utility supplies (gas, electricity, water, a phone line):
      a creditor letter.
    * Read as an enforcement agent notice, every sentence that names a step of
      enforcement (an enforcer, a warrant, a court's register or order) says it as what
      may come ("the council will register the debt", "if the charge is registered"), and
      it gives an amount the balance may be: the one owed warns of enforcement, no
      enforcer writes — a creditor letter (round 39).
    * Read as a utility bill, it says it asks for nothing ("nothing to pay", "you do not
      need to do anything") and shows nothing billed (no meter, reading, units, tariff,
      standing charge, bill period): other (a supplier's notice of a credit or a discount,
      round 33).
    * It says in two or more different ways that the debt is secured on the home
      ("secured loan", "possession proceedings", "your home may be at risk",
      "mortgage"): mortgage arrears, a priority debt an adviser must not read as an
      unsecured one.

    * Read as a payslip, it says nothing of pay (gross, net pay, deductions, tax code,
      National Insurance, employee) and lists four or more lines that open with a day and
      its month: a bank statement (round 28: a word model retrained on more payslips read
      an unseen family's statements, their employer's credit among the lines, as pay).
      Read as a creditor letter, it carries a balance ("brought forward", "opening
      balance"), lists four or more such lines and asks for nothing (no arrears, nothing
      to pay, no demand): a bank statement (round 39: a credit union's statement whose
      loan column shows what is owed). Read as other, the same (round 42: a credit
      union's savings ledger, its lines between "Opening savings" and "Closing savings";
      round 43: or between "Savings brought over" and "Savings carried over"; round 45:
      or between "Savings at the start" and "Savings at the finish").

    The word model knows only the seen templates' wording; these cues are what the kinds
    mean, however a lender words them."""
    flat = " ".join(text.lower().split())
    if (
        cls is C.PAYSLIP
        and not _PAYSLIP_WORDS.search(flat)
        and len(_DATED_LINE.findall(text.lower())) >= 4
    ):
        return C.BANK_STATEMENT  # a list of dated lines, and no pay's words (round 28)
    if (
        cls in (C.CREDITOR_LETTER, C.OTHER)
        and (
            _CARRIED.search(flat)
            # (read as other, any account opened and closed: a ledger, round 42)
            or (cls is C.OTHER and _OPENS_AND_CLOSES.search(flat))
        )
        and not _ASKS_TO_PAY.search(flat)
        and len(_DATED_LINE.findall(text.lower())) >= 4
    ):
        return C.BANK_STATEMENT  # dated lines between balances carried, nothing asked (r39)
    # (an overpayment said only in a sentence that signposts advice about debts in
    # general is none: round 31)
    if cls is C.OVERPAYMENT and not _OVERPAID.search(_own_words(flat)) and _AWARDED.search(flat):
        return C.BENEFIT_AWARD
    transfer = _TRANSFERRED.search(flat)
    agent = _COLLECTS_FOR.search(flat)
    if cls is C.NOTICE_OF_ASSIGNMENT and agent and _OWED.search(flat):
        return C.CREDITOR_LETTER  # an agent collecting a sold debt for its owner
    gives = _AWARDED.search(flat) and not _OWED.search(flat) and not _OVERPAID.search(flat)
    paid_how_often = any(c.score >= 2.5 for c in found.get("frequency", []))
    if cls is C.OTHER and gives and paid_how_often:
        return C.BENEFIT_AWARD  # an award, and how often it is paid ("How often", "a week")
    earned = any(c.score >= 3 for c in found.get("gross_pence", []))
    # (pay before and after deductions both labelled, a gross at its column's total, round 40)
    netted = any(c.score >= 2.5 for c in found.get("gross_pence", [])) and any(
        c.score >= 3 for c in found.get("income_pence", [])
    )
    if (
        (cls is C.BENEFIT_AWARD and (earned or netted))
        or (cls is C.OTHER and netted and _PAYSLIP_WORDS.search(flat))
    ) and not (_AWARDED.search(flat) or _BENEFIT.search(_no_pay_allowance(text))):
        return C.PAYSLIP  # pay before and after deductions, no benefit and no award named
    if cls is C.OTHER and not _SETTLED.search(flat) and _states_amount(found):
        if _ENFORCER.search(flat):
            return C.ENFORCEMENT_AGENT_NOTICE  # an enforcer's, an amount it asks for
        if _JUDGED.search(flat):
            return C.COUNTY_COURT_JUDGMENT  # a court's judgment (decree) for an amount
    asks = any(c.score > 0 for c in found.get("balance_pence", []))
    if cls in _ENFORCED_FOR and _enforcer_writes(flat) and asks and not _SETTLED.search(flat):
        return C.ENFORCEMENT_AGENT_NOTICE  # sheriff officers acting for a council (round 35)
    if (
        cls is C.COUNTY_COURT_JUDGMENT
        and _ENFORCER.search(flat)
        and _told_as_done(_ENFORCING, flat)
        and found.get("balance_pence")
        and not _SETTLED.search(flat)
    ):
        return C.ENFORCEMENT_AGENT_NOTICE  # an enforcer enforcing a judgment (round 38)
    if cls is C.COURT_CLAIM_N1 and _told_as_done(_JUDGMENT_GIVEN, flat):
        return C.COUNTY_COURT_JUDGMENT  # the decree (judgment) given, not a claim (round 38)
    if (
        cls is C.BNPL_CATALOGUE_ARREARS
        and _FUEL_DELIVERED.search(flat)
        and not _BNPL_NAMED.search(flat)
        and _OWED.search(flat)
    ):
        return C.UTILITY_ARREARS  # a heating oil (fuel) supplier's arrears (round 38)
    if (
        cls is C.BNPL_CATALOGUE_ARREARS
        and _HIRED_GOODS.search(flat)
        and not _BNPL_NAMED.search(flat)
        and _OWED.search(flat)
    ):
        return C.CREDITOR_LETTER  # instalments behind on a hire purchase agreement (round 44)
    if cls is C.UTILITY_ARREARS and not _UTILITY.search(flat) and not _BILLED.search(flat):
        # (a loan or a card, or fees no utility charges — a university's hall fees, round
        # 41 — and nothing a utility supplies or bills)
        return C.CREDITOR_LETTER
    if (
        cls is C.UTILITY_BILL
        and (_SETTLED.search(flat) or _NOT_ASKED.search(flat))
        and not _BILLED.search(flat)
    ):
        return C.OTHER  # a supplier's notice of a credit: nothing to pay, nothing billed
    if (
        cls is C.ENFORCEMENT_AGENT_NOTICE
        and _only_warns(text.lower())
        and not _ENFORCER_ACTING.search(flat)
        and asks
    ):
        return C.CREDITOR_LETTER  # the one owed warns of enforcement to come (round 39)
    if cls is not C.CREDITOR_LETTER:
        return cls
    if gives:
        return C.BENEFIT_AWARD  # it gives (entitled to, we will pay) and asks for nothing
    if _SETTLED.search(flat) and not _OWED.search(_NOT_ASKED.sub(" ", _SETTLED.sub(" ", flat))):
        return C.OTHER  # a paid-off loan, a closed account, an offer: nothing to suggest
    creditors = {c.value for c in found.get("creditor_name", []) if c.score > 0}
    for c in found.get("original_creditor", []):
        if (
            transfer
            and not agent
            and c.label is not None
            and c.score >= 3
            and (creditors - {c.value})
        ):
            return C.NOTICE_OF_ASSIGNMENT
    if _BNPL_NAMED.search(flat) or len({m.group() for m in _BNPL.finditer(flat)}) >= 2:
        return C.BNPL_CATALOGUE_ARREARS
    cues = {m.group().split()[0].rstrip("ed")[:6] for m in _SECURED_ON_HOME.finditer(flat)}
    if len(cues) >= 2:
        return C.MORTGAGE_ARREARS
    return cls


def _export(text: str, categoriser: classifier.Model | None) -> Extraction | None:
    """A CSV or OFX export's transactions (``None`` if the text is neither)."""
    head = text[:300]
    data = text.encode("utf-8")
    found: list[Transaction] = []
    source = ""
    if statements.looks_like_ofx(data):
        try:
            found, source = statements.parse_ofx(data), "ofx"
        except Exception:
            return None
    elif "\f" not in text and re.search(r"date", head, re.I) and re.search(r"[,;\t]", head):
        try:
            found, source = statements.parse_csv(data), "csv"
        except ValueError:
            return None
    if not found:
        return None
    return Extraction(
        document_class=C.BANK_STATEMENT,
        confidence=1.0,
        source=f"{SOURCE}+{source}",
        letter_date=max(t.date for t in found),
        transactions=tuple(statements.categorise(found, categoriser)),
    )


def _choose(
    found: dict[str, list[Candidate]],
    wanted: Sequence[str],
    text: str,
    cls: DocumentClass,
) -> dict[str, object]:
    chosen: dict[str, object] = {}
    for field in wanted:
        candidates = found.get(field, [])
        if field == "original_creditor":
            # Labelled or named so in the body; on a notice of assignment, else the other
            # organisation in the letterhead (the two parties sign it together).
            heads = [
                c
                for c in found.get("creditor_name", [])
                if c.role == "letterhead" and cls is C.NOTICE_OF_ASSIGNMENT
            ]
            candidates = [
                c for c in [*candidates, *heads] if c.value != chosen.get("creditor_name")
            ]
        if field == "creditor_name":
            # A named original creditor is not the one to pay now.
            originals = {c.value for c in found.get("original_creditor", []) if c.score >= 3}
            candidates = [c for c in candidates if c.value not in originals]
        if field == "frequency" and "income_pence" in chosen:
            # How often is said of the amount paid: "Amount paid every 2 weeks £280.30".
            paid = [c for c in found.get("income_pence", []) if c.value == chosen["income_pence"]]
            said = parse_frequency(paid[0].label or "") if paid else None
            if said is not None:
                chosen[field] = said
                continue
        due: set[object] = set()
        if field == "letter_date":
            # A date labelled as the one to pay or answer by is no weak guess's letter
            # date (a date in the body, or the flattened text's): where the letter's own
            # date is unread (a stamp over it), the deadline stays the deadline (round 16).
            due = {c.value for c in found.get("deadline_date", []) if c.score >= 2.5 and c.label}
            # (nor one a sentence gives as the day to pay or answer by, "… to the claimant
            # by 29 September 2026", where the letter's own date is unread: round 30)
            due |= {
                c.value
                for c in found.get("deadline_date", [])
                if c.score >= 1.5 and c.role == "in the body"
            }
            # (nor the day the letter says it is treated as served, "deemed served on …",
            # where the letter's own date is unread: a claim is deemed served days after it
            # is issued, round 46; not "Notice served", a notice's own date)
            due |= deemed_served_days(found)
            candidates = [c for c in candidates if c.score >= 1.0 or c.value not in due]
        letter = chosen.get("letter_date")
        if field == "deadline_date" and isinstance(letter, dt.date):
            candidates = [
                c for c in candidates if isinstance(c.value, dt.date) and c.value > letter
            ]
        value = candidates[0].value if candidates and candidates[0].score > 0 else None
        if value is None:
            value = _fallback(field, text, cls)
            value = None if value in due else value
        chosen[field] = value
    return chosen


def classify(text: str) -> tuple[DocumentClass, float]:
    """The best-scoring class and a confidence from its margin over the runner-up."""
    lowered = " ".join(text.lower().split())
    scores = {
        cls: sum(w for kw, w in words.items() if re.search(rf"\b{re.escape(kw)}\b", lowered))
        for cls, words in _KEYWORDS.items()
    }
    ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
    (best, top), (_, second) = ranked[0], ranked[1]
    if top < _MIN_SCORE:
        return DocumentClass.OTHER, 0.3
    margin = (top - second) / top
    strength = min(top / 12, 1.0)
    return best, round(min(0.3 + 0.4 * margin + 0.3 * strength, 0.95), 2)


def _pence(match: re.Match[str]) -> int:
    pounds = re.sub(r"\D", "", match.group("n"))
    return int(pounds) * 100 + int(match.group("p"))


def _amounts(text: str) -> list[int]:
    return [_pence(m) for m in _MONEY.finditer(text)]


def find_balance(text: str) -> int | None:
    """The first amount within 80 characters after the most specific balance label."""
    for pattern in _BALANCE_LABELS:
        for label in pattern.finditer(text):
            window = text[label.end() : label.end() + 80]
            money = _MONEY.search(window)
            if money:
                return _pence(money)
    return None


def _to_date(match: re.Match[str]) -> dt.date | None:
    try:
        if match.group("d"):
            month = ENGLISH_MONTHS[match.group("m").lower().rstrip(".")]
            return dt.date(int(match.group("y")), month, int(match.group("d")))
        return dt.date(int(match.group("y2")), int(match.group("m2")), int(match.group("d2")))
    except (ValueError, KeyError):
        return None


def _dates(text: str) -> list[tuple[int, dt.date]]:
    out = []
    for m in _DATE.finditer(text):
        date = _to_date(m)
        if date is not None:
            out.append((m.start(), date))
    return out


def _preceded_by(text: str, start: int, label: re.Pattern[str], reach: int = 60) -> bool:
    return bool(label.search(text[max(0, start - reach) : start]))


def find_letter_date(text: str) -> dt.date | None:
    """A date after a "Date:"/"Issue date" label, else the first date in the letter's top
    fifth (the letterhead), else ``None``."""
    dates = _dates(text)
    for start, date in dates:
        if _preceded_by(text, start, _LETTER_DATE_LABEL, reach=30):
            return date
    head = max(len(text) // 5, 200)
    for start, date in dates:
        if start < head and not _preceded_by(text, start, _DEADLINE_LABEL, reach=40):
            return date
    return None


def find_deadline(text: str) -> dt.date | None:
    """The first date introduced by "pay by", "due date", "no later than"..."""
    letter = find_letter_date(text)
    for start, date in _dates(text):
        if date != letter and _preceded_by(text, start, _DEADLINE_LABEL, reach=40):
            return date
    return None


def find_reference(text: str) -> str | None:
    for m in _REFERENCE.finditer(text):
        ref = m.group("ref").strip().rstrip("-/")
        # (a date in its own shape is no reference: "7-Mar-27" under "… account", round 38)
        if any(c.isdigit() for c in ref) and not DATE.fullmatch(ref):
            return ref.upper()
    return None


def find_claim_number(text: str) -> str | None:
    m = _CLAIM_NUMBER.search(text)
    return m.group("n").upper() if m else None


def find_creditor(text: str, document_class: DocumentClass) -> str | None:
    """A name after a "Claimant:"/"Creditor:"/"on behalf of" label; else, except for
    documents that are not about a debt, the first organisation-like line of the top."""
    for m in _CREDITOR_LABEL.finditer(text):
        name = _clean_name(m.group("name"))
        if name and _ORGANISATION.search(name):
            return name
    if document_class in (
        DocumentClass.PAYSLIP,
        DocumentClass.BANK_STATEMENT,
        DocumentClass.BENEFIT_AWARD,
        DocumentClass.OTHER,
    ):
        return None
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    for line in lines[:8]:
        if _ORGANISATION.search(line) and not re.search(r"\d{3,}|£", line):
            if _SENTENCE.search(line):
                continue  # "Your loan account is in arrears and …": a sentence (round 23)
            return _clean_name(line)
    return None


# A line of the body, not a name: three words in lower case that are no name's joining words.
_SENTENCE = re.compile(r"(?:\b(?!(?:of|the|and|for|in|on|at|t/a|de|la)\b)[a-z]+\b\W+){3}")


# Specks OCR reads after a name, apart from it by a space: "X Holdings Ltd ;", "Y plc ' ~".
_TRAILING_SPECKS = re.compile(r"(?<=[\w.)])(?:\s+[^\w\s£&()]{1,2})+\s*$")


def _specks_after(name: str) -> str:
    """``name`` without the specks OCR read after it (``_TRAILING_SPECKS``, round 36)."""
    return _TRAILING_SPECKS.sub("", name).strip(" .:-|")


def _clean_name(name: str) -> str | None:
    name = name.replace(" | ", " I ")  # OCR reads a capital I between spaces as a bar
    # (and a case's title names the claimant before " v ": "X Ltd v. you")
    name = re.split(r"\s{2,}|\s+(?:Ref|Account|Date|Tel|Phone|v\.?)(?=\s|$)", name.strip())[0]
    name = name.strip(" .:-|")
    name = _specks_after(name)  # (round 36)
    name = after_party_heading(name)  # "Judgment for X Ltd", "Charge served for X"
    return name or None


# -- case summary -----------------------------------------------------------------


def summarise(facts: CaseFacts) -> str:
    """A plain template summary: the same facts an adviser would list first."""
    lines = [f"Case {facts.case_reference}, opened {long_date(facts.opened_on)}."]
    if facts.debts:
        priority = [d for d in facts.debts if d.priority]
        lines.append(
            f"{len(facts.debts)} debt{'s' if len(facts.debts) != 1 else ''} totalling "
            f"{facts.total_debt}"
            + (f", of which {len(priority)} priority" if priority else "")
            + "."
        )
        for debt in sorted(facts.debts, key=lambda d: (not d.priority, -d.balance.pence)):
            tag = " (priority)" if debt.priority else ""
            kind = f" {debt.debt_type.replace('_', ' ')}" if debt.debt_type else ""
            if kind.strip() == debt.creditor_name.lower():
                kind = ""  # no creditor recorded: the debt is named by its type already
            arrears = f", arrears {debt.arrears}" if debt.arrears else ""
            lines.append(f"- {debt.creditor_name}{kind}: {debt.balance}{arrears}{tag}")
    else:
        lines.append("No debts recorded yet.")
    surplus = facts.monthly_surplus
    if surplus is not None:
        word = "deficit" if surplus.is_negative else "surplus"
        amount = -surplus if surplus.is_negative else surplus
        lines.append(
            f"Monthly income {facts.monthly_income}, expenditure {facts.monthly_expenditure}: "
            f"{word} of {amount}."
        )
        available = facts.available_surplus
        if available is not None and available != surplus:
            lines.append(
                f"Available for priority debts after savings and fees: {available}."
                if not available.is_negative
                else f"Nothing available for priority debts (short by {-available})."
            )
    else:
        lines.append("Budget not completed.")
    for deadline in sorted(facts.deadlines, key=lambda d: d.due_on):
        lines.append(f"Deadline {long_date(deadline.due_on)}: {deadline.description}.")
    if facts.document_classes:
        kinds = sorted({c.value.replace("_", " ") for c in facts.document_classes})
        lines.append(f"Documents on file: {', '.join(kinds)}.")
    if facts.open_task_count:
        lines.append(f"{facts.open_task_count} open task(s).")
    lines.append("Draft generated from case records; check before use.")
    return "\n".join(lines)
