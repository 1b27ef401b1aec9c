"""Text helpers shared by the pipeline stages: normalisation, folding, language, sentences."""
