"""German text analysis: small modules with one role each, combined by `analyzer.Analyzer`."""
