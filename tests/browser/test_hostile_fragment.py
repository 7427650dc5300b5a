"""A malformed URL fragment (``#%E0%A4%A``, not valid percent-encoding) throws nothing in the reader's scripts."""

from __future__ import annotations

FRAGMENT = "#%E0%A4%A"


def test_parallel_view_and_reader_pages_survive_a_malformed_fragment(reader_site, server, open_page, problems):
    page = open_page()
    page.goto(f"{server}/parallel.html{FRAGMENT}")
    page.wait_for_load_state("load")
    page.goto(f"{server}/ru/index.html{FRAGMENT}")
    page.wait_for_load_state("load")
    link = page.locator(".triglot-parallel-link").first
    link.focus()  # the reader script computes the reader's place from the fragment
    assert link.get_attribute("href") == "parallel.html"  # the page's view in the edition; no place: the fragment names none
    assert problems.items == []
