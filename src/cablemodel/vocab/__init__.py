"""Reference vocabularies (plain TAB-separated data files) used by the consistency rules."""
