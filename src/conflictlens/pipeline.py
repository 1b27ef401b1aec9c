"""The extraction pipeline, in order, in one place.

    ingest → normalise → language → sentences → mentions (triggers, actors, weapons, cues)
           → places (geocode) → dates → casualties → events

A pipeline is an ordered list of named components with one signature: each takes the
:class:`Analysis` of a document and returns it with its own part filled in (in place: one
Analysis per document, so no copies). The list can be read,
and a component replaced or added (``Pipeline.replace``, ``Pipeline.add``), spaCy style. Merging
events across documents and storing them happen after the pipeline (``conflictlens.run``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from conflictlens.codebook import CodebookFiles
from conflictlens.coder.casualties import CasualtyRules
from conflictlens.coder.events import EventBuilder
from conflictlens.coder.lexicon import ActorNamer, LanguageLexicon, Taxonomy
from conflictlens.coder.mentions import distribute, find_mentions
from conflictlens.coder.time import DateRules
from conflictlens.geo import Geocoder
from conflictlens.geo.homes import Home
from conflictlens.model import Document, Event, PlaceMention, Sentence, SentenceMentions
from conflictlens.text.fold import fold
from conflictlens.text.language import LanguageDetector
from conflictlens.text.match import PhraseScan, PhraseScanner
from conflictlens.text.normalise import normalise_document
from conflictlens.text.sentences import SentenceSplitter

__all__ = ["Analysis", "Component", "Pipeline"]


@dataclass
class Analysis:
    """Everything the pipeline learns about one document, filled in stage by stage."""

    doc: Document
    lang: str = ""
    folded: str = ""
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[SentenceMentions] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    phrases: PhraseScan | None = None
    """Where the words of the language's lexicons (mentions, dates, casualties, numbers) occur
    in ``folded``: one automaton pass, made by the mentions stage, read by the later ones."""
    normalised: bool = False
    """The document's text is already normalised (the caller did it): the stage skips it."""
    home: Home | None = None
    """Where the document's outlet writes from, learned from its other articles
    (:mod:`conflictlens.outlets`): it ranks the readings of the names the document leaves
    unqualified ("Richmond" in a Kentucky paper)."""
    every_place: bool = False
    """Geocode the document even when no sentence has an event word (geoparsing). Otherwise such
    a document is not geocoded: no event would read its places, and most of a news archive is
    about something else."""


class Component(Protocol):
    def __call__(self, analysis: Analysis) -> Analysis: ...


@dataclass
class Resources:
    """What the components share, loaded once per pipeline; per-language parts on first use."""

    files: CodebookFiles
    taxonomy: Taxonomy
    namer: ActorNamer
    geocoder: Geocoder
    _lexicons: dict[str, LanguageLexicon] = field(default_factory=dict)
    _dates: dict[str, DateRules] = field(default_factory=dict)
    _casualties: dict[str, CasualtyRules] = field(default_factory=dict)
    _scanners: dict[str, PhraseScanner] = field(default_factory=dict)

    def lexicon(self, lang: str) -> LanguageLexicon:
        if lang not in self._lexicons:
            named = list(self.files.read("actors.yaml").get("actors", []))
            self._lexicons[lang] = LanguageLexicon.load(self.files, lang, named)
        return self._lexicons[lang]

    def dates(self, lang: str) -> DateRules:
        if lang not in self._dates:
            self._dates[lang] = DateRules.load(self.files, lang)
        return self._dates[lang]

    def casualties(self, lang: str) -> CasualtyRules:
        if lang not in self._casualties:
            self._casualties[lang] = CasualtyRules.load(self.files, lang)
        return self._casualties[lang]

    def scanner(self, lang: str) -> PhraseScanner:
        """One automaton over every lexicon of a language: a document is scanned once, and each
        stage picks its own words out of the one scan."""
        if lang not in self._scanners:
            dates, casualties = self.dates(lang), self.casualties(lang)
            self._scanners[lang] = PhraseScanner(
                [
                    *self.lexicon(lang).matchers(),
                    dates.lexicon,
                    dates.numbers.matcher,
                    casualties.lexicon,
                    casualties.numbers.matcher,
                ]
            )
        return self._scanners[lang]


def _normalise(analysis: Analysis) -> Analysis:
    if not analysis.normalised:
        analysis.doc = normalise_document(analysis.doc)
        analysis.normalised = True
    analysis.folded = fold(analysis.doc.text)
    return analysis


def _language(detector: LanguageDetector) -> Component:
    def stage(analysis: Analysis) -> Analysis:
        analysis.lang = detector.detect(analysis.doc.text, analysis.doc.lang)
        return analysis

    return stage


def _sentences(splitter: SentenceSplitter) -> Component:
    def stage(analysis: Analysis) -> Analysis:
        analysis.sentences = splitter.split(analysis.doc.text, analysis.lang)
        return analysis

    return stage


def _mentions(resources: Resources) -> Component:
    def stage(analysis: Analysis) -> Analysis:
        lexicon = resources.lexicon(analysis.lang)
        analysis.phrases = resources.scanner(analysis.lang).scan(analysis.folded)
        analysis.mentions = find_mentions(
            analysis.doc.text,
            analysis.folded,
            analysis.sentences,
            lexicon,
            resources.namer,
            analysis.phrases,
        )
        return analysis

    return stage


def _places(resources: Resources) -> Component:
    def stage(analysis: Analysis) -> Analysis:
        if not analysis.every_place and not any(m.triggers for m in analysis.mentions):
            return analysis
        places = resources.geocoder.find_places(
            analysis.doc.text, analysis.folded, analysis.lang, analysis.home
        )
        for bucket, found in zip(
            analysis.mentions, distribute(analysis.sentences, places), strict=True
        ):
            bucket.places = found
        analysis.places = places
        return analysis

    return stage


def _dates(resources: Resources) -> Component:
    def stage(analysis: Analysis) -> Analysis:
        rules = resources.dates(analysis.lang)
        text, folded, published = analysis.doc.text, analysis.folded, analysis.doc.published
        for bucket in analysis.mentions:
            sentence = bucket.sentence
            bucket.dates = rules.find(
                text, folded, sentence.start, sentence.end, published, analysis.phrases
            )
        return analysis

    return stage


def _casualties(resources: Resources) -> Component:
    def stage(analysis: Analysis) -> Analysis:
        rules = resources.casualties(analysis.lang)
        text, folded = analysis.doc.text, analysis.folded
        for bucket in analysis.mentions:
            sentence = bucket.sentence
            bucket.casualties = rules.find(
                text, folded, sentence.start, sentence.end, analysis.phrases
            )
        return analysis

    return stage


def _events(builder: EventBuilder) -> Component:
    def stage(analysis: Analysis) -> Analysis:
        home = analysis.home.country if analysis.home else None
        country = builder.namer.country(home) if home else None
        analysis.events = builder.build(analysis.doc, analysis.mentions, country)
        return analysis

    return stage


class Pipeline:
    """Documents in, events out. Build one with :meth:`load` and reuse it for a whole corpus."""

    def __init__(
        self,
        components: Iterable[tuple[str, Component]],
        codebook_version: str,
        geocoder: Geocoder,
    ) -> None:
        self._components = list(components)
        self.codebook_version = codebook_version
        self.geocoder = geocoder
        """The gazetteer the ``places`` stage uses, for geoparsing on its own."""

    @classmethod
    def load(cls, codebook: Sequence[Path] = (), cache_dir: Path | None = None) -> Pipeline:
        """The standard pipeline, with user codebook folders merged over the shipped codebook."""
        files = CodebookFiles(tuple(codebook))
        taxonomy = Taxonomy.load(files)
        resources = Resources(
            files=files,
            taxonomy=taxonomy,
            namer=ActorNamer.load(files),
            geocoder=Geocoder.load(files, cache_dir=cache_dir),
        )
        version = files.version()
        components: list[tuple[str, Component]] = [
            ("normalise", _normalise),
            ("language", _language(LanguageDetector.load(files))),
            ("sentences", _sentences(SentenceSplitter.load(files))),
            ("mentions", _mentions(resources)),
            ("places", _places(resources)),
            ("dates", _dates(resources)),
            ("casualties", _casualties(resources)),
            ("events", _events(EventBuilder(taxonomy, resources.namer, version))),
        ]
        return cls(components, version, resources.geocoder)

    @property
    def component_names(self) -> list[str]:
        return [name for name, _ in self._components]

    def replace(self, name: str, component: Component) -> None:
        index = self.component_names.index(name)
        self._components[index] = (name, component)

    def add(self, name: str, component: Component, after: str) -> None:
        index = self.component_names.index(after) + 1
        self._components.insert(index, (name, component))

    def analyse(
        self,
        doc: Document,
        normalised: bool = False,
        every_place: bool = False,
        home: Home | None = None,
    ) -> Analysis:
        """Run every stage on ``doc``; ``normalised`` says its text has been normalised already
        (``normalise_document``), so that it is not done twice. The places of a document with
        no event word are found only with ``every_place`` (``Analysis.every_place``); ``home``
        is where its outlet writes from, when known (``Analysis.home``)."""
        analysis = Analysis(doc, normalised=normalised, every_place=every_place, home=home)
        for _name, component in self._components:
            analysis = component(analysis)
        return analysis

    def extract(self, doc: Document) -> list[Event]:
        return self.analyse(doc).events

    __call__: Callable[[Pipeline, Document], list[Event]] = extract
