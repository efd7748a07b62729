"""rapport: reproducible annual reports for Swedish samverkansteam."""

__version__ = "0.1.0"
