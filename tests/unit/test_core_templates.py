"""Filling outreach templates with any Unicode, counting words, and the request checks
(core.templates)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from careerpivot.core import question_bank
from careerpivot.core import templates as t
from careerpivot.core.validation import strip_surrogates

names = st.sampled_from(t.PLACEHOLDERS)
# any text, braces and format characters included (surrogates are drawn too)
values = st.text(st.characters(), max_size=40)


def test_fill_replaces_known_placeholders_and_keeps_everything_else():
    filled = t.fill("Hi {contact_first_name}, {sic} {{x}} 100% } {unknown} {my_name}",
                    {"contact_first_name": "Zoë", "my_name": "Amara"})
    assert filled.text == "Hi Zoë, {sic} {{x}} 100% } {unknown} Amara"
    assert filled.missing == ()


def test_missing_values_become_sensible_text_and_are_reported():
    template = question_bank.TEMPLATES[0]
    filled = t.fill(template.body, {"contact_first_name": "", "my_name": None})
    assert filled.text.startswith("Hi there,")
    assert "[your name]" in filled.text
    assert "{" not in filled.text
    assert filled.missing == ("contact_first_name", "my_name", "path_title",
                              "learning_goal", "organization")


def test_braces_and_placeholders_inside_values_are_never_expanded():
    filled = t.fill("{contact_first_name} / {my_name}",
                    {"contact_first_name": "{my_name} {0} %s \\1 {{", "my_name": "A}"})
    assert filled.text == "{my_name} {0} %s \\1 {{ / A}"


@given(st.lists(st.one_of(st.tuples(st.just("text"), values), st.tuples(st.just("ph"), names)),
                max_size=8),
       st.dictionaries(names, values))
def test_fill_with_any_unicode(parts, given_values):
    template = "".join("{" + v + "}" if kind == "ph" else v for kind, v in parts)
    filled = t.fill(template, given_values)
    # expected: every placeholder written in the template replaced by its value or fallback,
    # literal text kept (a literal chunk may itself spell a placeholder: that counts too)
    expected = t._PLACEHOLDER.sub(
        lambda m: (t._text(given_values.get(m.group(1))) or t.FALLBACKS[m.group(1)])
        if m.group(1) in t.FALLBACKS else m.group(0), strip_surrogates(template))
    assert filled.text == expected
    for name in filled.missing:
        assert not t._text(given_values.get(name))
    filled.text.encode("utf-8")  # always storable and sendable


def test_a_lone_surrogate_in_the_template_is_replaced_not_sent():
    filled = t.fill("Hi \ud800 {contact_first_name} \ud83d\ude00", {"contact_first_name": "Zoë"})
    assert filled.text == "Hi \ufffd Zoë \U0001f600"
    filled.text.encode("utf-8")


@given(values)
def test_a_value_appears_verbatim(value):
    clean = t._text(value)
    filled = t.fill("<{organization}>", {"organization": value})
    if clean:
        assert filled.text == f"<{clean}>"
        assert filled.missing == ()
    else:
        assert filled.text == f"<{t.FALLBACKS['organization']}>"


def test_first_name():
    assert t.first_name("Zoë Łukasiewicz-Ngô") == "Zoë"
    assert t.first_name("  김서연 ") == "김서연"
    assert t.first_name("") == ""


def test_word_count():
    assert t.word_count("") == 0
    assert t.word_count("Hello, world!") == 2
    assert t.word_count("It's a 20-minute call — whenever suits you.") == 7
    assert t.word_count("Zoë Łukasiewicz-Ngô") == 2
    assert t.word_count("数据分析") == 4
    assert t.word_count("안녕하세요 여러분") == 2
    assert t.word_count("مرحبا بالعالم") == 2
    assert t.word_count("🚀 🚀 launch") == 1


@given(st.lists(st.from_regex(r"[a-zA-Zé]{1,8}", fullmatch=True), max_size=150))
def test_word_count_counts_words(words):
    assert t.word_count(" ".join(words)) == len(words)
    assert t.too_long(" ".join(words)) == (len(words) > t.WORD_LIMIT)


def test_ends_with_question():
    assert t.ends_with_question("Would you be open to a call?")
    assert t.ends_with_question("Would you be open to a call?\n\nBest regards,\nAmara")
    assert t.ends_with_question("Could we talk? 🙂")
    assert t.ends_with_question("„Hättest du Zeit?“")
    assert t.ends_with_question("20分ほどお話しできますか？")
    assert t.ends_with_question("هل يمكننا التحدث؟")
    assert not t.ends_with_question("Could we talk? I'd love to.")
    assert not t.ends_with_question("Would you be open to a call\n\nThanks,\nAmara")
    assert not t.ends_with_question("")


def test_the_seeded_request_passes_its_own_checks():
    request = next(x for x in question_bank.TEMPLATES if x.key == "request")
    filled = t.fill(request.body, {
        "contact_first_name": "Priya", "my_name": "Amara Lindqvist",
        "path_title": "product management", "organization": "Northwind Pay",
        "learning_goal": "how product managers decide what not to build"})
    assert filled.missing == ()
    assert t.word_count(filled.text) <= t.WORD_LIMIT
    assert t.ends_with_question(filled.text)
    assert t.proposes_short_call(filled.text)


def test_proposes_short_call():
    assert t.proposes_short_call("a 20-minute call")
    assert t.proposes_short_call("20–30 minutes of your time")
    assert t.proposes_short_call("15 min")
    assert not t.proposes_short_call("a quick chat")
    assert not t.proposes_short_call("120 minutes")
