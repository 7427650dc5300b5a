"""Planning and running the edition builds: fingerprints, preflight checks, TeX."""
