"""Pages of the documents app: the template library, letterheads, and generation."""
