"""Outreach templates, filled messages, mailto links and what sending records
(services.outreach)."""

from __future__ import annotations

import datetime as _dt
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careerpivot.core import question_bank
from careerpivot.core import templates as t
from careerpivot.core.errors import NotFoundError, ValidationError
from careerpivot.services import interviews, log, network, outreach, overview, paths, workspace
from careerpivot.store.models import Profile

TODAY = _dt.date(2026, 3, 11)


def days(n: int) -> _dt.date:
    return TODAY + _dt.timedelta(days=n)


@pytest.fixture
def ws(clock, tmp_path):
    clock.set_today(TODAY)
    info = workspace.open_workspace(tmp_path / "w.careerpivot", backups_root=tmp_path / "b")
    Profile.update(full_name="Amara Lindqvist").where(Profile.id == 1).execute()
    yield info
    workspace.close()


def test_templates_are_kept_in_the_workspace(ws):
    rows = outreach.list_templates()
    assert [r.key for r in rows] == ["request", "follow_up", "thank_you", "report_back"]
    assert "contact_first_name" in rows[0].placeholders
    outreach.update_template("request", "body", "Hi {contact_first_name}, a call?")
    assert outreach.get_template("request").body == "Hi {contact_first_name}, a call?"
    with pytest.raises(ValidationError) as err:
        outreach.update_template("request", "body", "   ")
    assert err.value.field == "body"
    with pytest.raises(ValidationError):
        outreach.update_template("request", "key", "x")
    with pytest.raises(NotFoundError):
        outreach.update_template("nope", "body", "x")
    before = outreach.reset_template("request")
    assert before.body == "Hi {contact_first_name}, a call?"
    original = next(x for x in question_bank.TEMPLATES if x.key == "request")
    assert outreach.get_template("request").body == original.body


def test_compose_fills_from_contact_conversation_path_and_profile(ws):
    pm = paths.add_path("Product management")
    zoe = network.create_contact(name="Zoë Łukasiewicz-Ngô", organization="Brightline",
                                 email="zoe@brightline.example", path_ids=[pm])
    message = outreach.compose("request", zoe, goal="how PMs decide what not to build")
    assert message.body.startswith("Hi Zoë,")
    assert "I'm Amara Lindqvist." in message.body
    assert "Product management" in message.body and "Brightline" in message.body
    assert "how PMs decide what not to build" in message.body
    assert message.subject == "A 20-minute conversation about Product management?"
    assert message.missing == () and message.email == "zoe@brightline.example"
    assert message.path_id == pm
    assert t.word_count(message.body) <= t.WORD_LIMIT and t.ends_with_question(message.body)

    interview = interviews.create_interview(zoe, pm, _dt.date(2026, 3, 9))
    interviews.complete_interview(interview)
    thanks = outreach.compose("thank_you", zoe)
    assert thanks.interview_id == interview
    assert "9 March" in thanks.body

    # the learning goal is remembered; missing facts are reported, with sensible words
    outreach.set_learning_goal("what a typical week looks like")
    stranger = network.create_contact(name="김서연")
    message = outreach.compose("request", stranger)
    assert message.body.startswith("Hi 김서연,")
    assert "what a typical week looks like" in message.body
    assert set(message.missing) == {"organization", "path_title"}
    assert "{" not in message.body


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=30)
       .filter(lambda s: s.strip()))
def test_any_unicode_name_fills_without_breaking(ws, name):
    contact = network.create_contact(name=name + " {my_name} {0}", organization="{}%s")
    message = outreach.compose("request", contact, goal="{learning_goal}")
    first = t.first_name(name + " {my_name} {0}")
    assert message.body.startswith(f"Hi {first},")
    assert "{}%s" in message.body  # an organization with braces, kept as typed
    assert "I'm Amara Lindqvist." in message.body


def test_mailto_link_is_percent_encoded():
    url = outreach.mailto_url("zoë@example.org", "Café & more?",
                              "Line one\nLine two: 100% sure & ok?\n— Amara ✓")
    assert url.startswith("mailto:zo%C3%AB@example.org?subject=")
    assert " " not in url and "\n" not in url and "&more" not in url
    query = parse_qs(urlsplit(url).query)
    assert query["subject"] == ["Café & more?"]
    assert query["body"] == ["Line one\r\nLine two: 100% sure & ok?\r\n— Amara ✓"]
    assert unquote(url.split("?")[0]) == "mailto:zoë@example.org"
    assert outreach.mailto_url("", "s", "b") == "mailto:?subject=s&body=b"


def test_record_sent_logs_and_moves_the_stage_forward(ws):
    fatima = network.create_contact(name="Fatima Al-Sayed", organization="Meridian Bank")
    sent = outreach.record_sent(fatima, "request", "Hi Fatima, would a call work?",
                                subject="A 20-minute conversation?")
    entry = log.get_entry(sent.entry_id)
    assert entry.kind == "outreach" and entry.done_date is None  # waiting for a reply
    assert entry.text.startswith("Interview request sent to Fatima Al-Sayed")
    assert "Hi Fatima, would a call work?" in entry.text
    row = network.get_contact(fatima)
    assert row.stage == "contacted" and row.last_contact == TODAY
    outreach.undo_sent(sent)
    row = network.get_contact(fatima)
    assert row.stage == "identified" and row.last_contact is None
    assert log.list_entries() == []


def test_the_stage_never_moves_back(ws):
    priya = network.create_contact(name="Priya Raman", stage="ongoing", last_contact=days(-3))
    outreach.record_sent(priya, "follow_up", "Following up")
    row = network.get_contact(priya)
    assert row.stage == "ongoing" and row.last_contact == TODAY


def test_a_thank_you_closes_the_thank_you_action(ws):
    pm = paths.add_path("Operations leadership")
    sofia = network.create_contact(name="Sofia Marchetti")
    interview = interviews.create_interview(sofia, pm, days(-1))
    created = interviews.complete_interview(interview)
    thank_action = next(i for i in created if "thank" in log.get_entry(i).text.casefold())
    report_action = next(i for i in created if i != thank_action)
    sent = outreach.record_sent(sofia, "thank_you", "Thank you!", interview_id=interview)
    assert log.get_entry(thank_action).done_date == TODAY
    assert log.get_entry(report_action).done_date is None
    assert log.get_entry(sent.entry_id).done_date == TODAY  # nothing to wait for
    assert network.get_contact(sofia).stage == "thanked"
    outreach.undo_sent(sent)
    assert log.get_entry(thank_action).done_date is None
    assert network.get_contact(sofia).stage == "interviewed"


def test_a_follow_up_sent_ends_the_follow_up_suggestion(ws):
    fatima = network.create_contact(name="Fatima Al-Sayed", stage="contacted")
    log.add_entry("outreach", "Request", entry_date=_dt.date(2026, 3, 2), contact_id=fatima)
    rules = {i.rule for i in overview.due_items() if i.contact_id == fatima}
    assert "follow_up" in rules
    outreach.record_sent(fatima, "follow_up", "Following up on my note")
    assert not {i.rule for i in overview.due_items() if i.contact_id == fatima} & {
        "follow_up"}


def test_record_sent_refuses_bad_input(ws):
    contact = network.create_contact(name="Ben")
    with pytest.raises(ValidationError):
        outreach.record_sent(contact, "request", "   ")
    with pytest.raises(NotFoundError):
        outreach.record_sent(999, "request", "Hello?")
    with pytest.raises(NotFoundError):
        outreach.record_sent(contact, "nope", "Hello?")
