"""Assembling and publishing a site from the built parts."""
