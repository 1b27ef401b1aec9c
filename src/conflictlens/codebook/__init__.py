"""The codebook: the project's knowledge as versioned data files, and the code that reads them.

Layout (package data, readable and editable by users)::

    codebook/
      taxonomy.yaml        ACLED event types and sub-types, with PLOVER and CAMEO codes
      actors.yaml          canonical actors, their multilingual aliases, inter codes, countries
      countries.yaml       ACLED country names and how generic actors are named after them
      <lang>/triggers.yaml event words and phrases -> sub-event types
      <lang>/weapons.yaml  weapon words
      <lang>/cues.yaml     claims, reports, denials, negation, threats, statistics, summaries
      <lang>/actors.yaml   generic actor words, demonyms, reporting sources
      <lang>/dates.yaml    month and weekday names, relative day words
      <lang>/numbers.yaml  number words, approximate quantities, casualty words

A user overrides or extends any file with ``--codebook DIR``: a folder with the same layout whose
files are merged over the shipped ones (lists are extended, mappings updated key by key).
"""

from conflictlens.codebook.files import CODEBOOK_LANGUAGES, CodebookFiles

__all__ = ["CODEBOOK_LANGUAGES", "CodebookFiles"]
