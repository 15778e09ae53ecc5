"""Every text shown to the user reaches translators with the context it is looked up in:
pyside6-lupdate, run over the package as a translator would, files no text under an empty
context (a module-level ``tr()`` wrapper does that: lupdate reads its calls as context-less)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import careerpivot
from careerpivot.core import vocab

LUPDATE = Path(sys.executable).with_name("pyside6-lupdate")


@pytest.mark.skipif(not LUPDATE.exists() and shutil.which("pyside6-lupdate") is None,
                    reason="pyside6-lupdate is not installed")
def test_every_text_is_extracted_under_its_context(tmp_path):
    tool = str(LUPDATE) if LUPDATE.exists() else "pyside6-lupdate"
    sources = sorted(str(p) for p in Path(careerpivot.__file__).parent.rglob("*.py"))
    target = tmp_path / "careerpivot.ts"
    subprocess.run([tool, *sources, "-ts", str(target)], check=True, capture_output=True,
                   timeout=120)
    contexts = ET.parse(target).getroot().findall("context")
    found = {c.findtext("name"): [m.findtext("source") for m in c.findall("message")]
             for c in contexts}
    assert "" not in found and None not in found, found.get("", found.get(None))
    # texts of the module-level translators are there, under their contexts
    assert "&Check Workspace" in found["Actions"]
    assert "Cannot open the workspace" in found["StartupProblemDialog"]
    assert "the contact's first name" in found["OutreachDialog"]
    assert sum(len(texts) for texts in found.values()) > 1000
    # the display names of stored values, looked up under "vocab" wherever they are shown
    names = {name for table in (vocab.PATH_STATUSES, vocab.STAGES, vocab.LEVELS,
                                vocab.CADENCES, vocab.IMPORTANCE, vocab.LEARNING_KINDS,
                                vocab.MILESTONE_STATUSES, vocab.QUESTION_CATEGORIES)
             for name in table.values()}
    assert names <= set(found["vocab"])
    # every error title, looked up under "errors" wherever an error is shown
    assert _error_titles() <= set(found["errors"])


def _error_titles() -> set[str]:
    import importlib
    import pkgutil

    from careerpivot.core.errors import CareerPivotError

    for module in pkgutil.walk_packages(careerpivot.__path__, "careerpivot."):
        if ".ui" not in module.name and not module.name.endswith("__main__"):
            importlib.import_module(module.name)
    titles, todo = set(), [CareerPivotError]
    while todo:
        cls = todo.pop()
        titles.add(cls.title)
        todo.extend(cls.__subclasses__())
    assert len(titles) >= 9, titles
    return titles


def test_bad_input_is_an_error_the_user_can_act_on():
    # one root: whoever shows a CareerPivotError shows a field's bad value too
    from careerpivot.core.errors import CareerPivotError
    from careerpivot.core.validation import ValidationError, clean_email

    with pytest.raises(CareerPivotError) as caught:
        clean_email("email", "not an address")
    assert isinstance(caught.value, ValidationError)
    assert caught.value.field == "email" and "e-mail" in caught.value.message
    assert caught.value.title == "Check what you entered"
