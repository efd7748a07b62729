"""rapport: reproducible annual reports for Swedish samverkansteam."""

import sys

__version__ = "0.1.0"

# jsonschema (under Altair and nbformat) imports the optional package rfc3987_syntax when it is
# installed, for checking IRIs, and that import builds a grammar: about a second at every start of
# a process. Nothing rapport validates has an IRI, so it is never imported (unless already loaded).
sys.modules.setdefault("rfc3987_syntax", None)
