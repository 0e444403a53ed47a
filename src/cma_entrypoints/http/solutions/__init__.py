"""Solutions over HTTP: options appraisals and offer plans."""
