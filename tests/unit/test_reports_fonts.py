"""Bundled fonts, font fallback per run of text, right-to-left runs, and page-size defaults."""

from __future__ import annotations

import unicodedata

import pytest

from careerpivot.reports import fonts, styles


def test_bundled_fonts_and_licences_are_package_resources():
    for name in (*fonts.FONT_FILES.values(), fonts.FALLBACK_FILE, *fonts.LICENCE_FILES):
        assert fonts.font_resource(name).is_file(), name
    total = sum(len(fonts.font_resource(n).read_bytes())
                for n in (*fonts.FONT_FILES.values(), fonts.FALLBACK_FILE))
    assert total < 6 * 1024 * 1024
    assert "Bitstream" in fonts.font_resource("LICENSE-DejaVu.txt").read_text("utf-8")
    assert "Apache License" in fonts.font_resource("LICENSE-DroidSansFallback.txt").read_text(
        "utf-8")


@pytest.mark.parametrize("text", [
    "Zoë Łukasiewicz-Ngô", "王小明", "김서연", "ひらがな カタカナ", "مدير المنتجات", "שלום",
    "Ελληνικά", "Кириллица", "😀",
])
def test_every_script_the_product_promises_has_glyphs(text):
    assert fonts.coverage(text) == set()


def test_runs_without_glyphs_in_dejavu_take_the_fallback_font():
    markup = fonts.markup("Amara 王小明 & co <b>")
    assert markup == f'Amara <font face="{styles.FALLBACK}">王小明 </font>&amp; co &lt;b&gt;'
    assert fonts.markup("Zoë") == "Zoë"
    assert fonts.markup("a\nb") == "a<br/>b"


def test_arabic_letters_join_and_read_right_to_left():
    shaped = fonts.visual_order("مرحبا")
    assert all(unicodedata.bidirectional(ch) == "AL" for ch in shaped)
    assert unicodedata.normalize("NFKC", shaped) == "ابحرم"  # visual order, joined forms
    assert fonts.visual_order("لا") == "\ufefb"  # the lam-alef ligature
    # numbers inside stay left to right; Latin text around keeps its place
    assert fonts.visual_order("Sami سلام").startswith("Sami ")
    mixed = unicodedata.normalize("NFKC", fonts.visual_order("غرفة 2024 كبيرة"))
    assert "2024" in mixed
    assert fonts.visual_order("plain text") == "plain text"


def test_hebrew_is_reordered_without_shaping():
    assert fonts.visual_order("שלום עולם") == "םלוע םולש"


@pytest.mark.parametrize(("env", "size"), [
    ({"LANG": "en_US.UTF-8"}, "Letter"), ({"LANG": "en_GB.UTF-8"}, "A4"),
    ({"LANG": "fr_CA.UTF-8"}, "Letter"), ({"LC_PAPER": "de_DE.UTF-8", "LANG": "en_US"}, "A4"),
    ({"LANG": "C"}, "A4"), ({}, "A4"),
])
def test_page_size_from_the_environment(env, size):
    assert styles.page_size_from_environment(env) == size


def test_resolve_page_size():
    assert styles.resolve_page_size("", "Letter") == "Letter"
    assert styles.resolve_page_size("A4", "Letter") == "A4"
    assert styles.resolve_page_size("", "bogus") == "A4"
