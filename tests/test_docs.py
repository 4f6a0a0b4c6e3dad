"""Docs stay honest: every hook documented under its exact signature, examples run, site builds."""

from __future__ import annotations

import contextlib
import inspect
import io
import shutil
import subprocess
import sys
import types
from pathlib import Path

import pytest
import regex

import newsparse
from newsparse import hookspecs

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
PLUGINS_DOC = DOCS / "plugins.md"


def python_blocks(path: Path) -> list[str]:
    return regex.findall(r"```python\n(.*?)```", path.read_text(encoding="utf-8"), flags=regex.DOTALL)


def hook_names() -> list[str]:
    return [name for name in dir(hookspecs) if name.startswith("newsparse_")]


@pytest.mark.parametrize("hook", hook_names())
def test_every_hook_is_documented_with_its_exact_signature(hook: str) -> None:
    arguments = ", ".join(inspect.signature(getattr(hookspecs, hook)).parameters)
    assert f"### {hook}({arguments})" in PLUGINS_DOC.read_text(encoding="utf-8")


def run_as_module(code: str, name: str) -> types.ModuleType:
    module = types.ModuleType(name)
    sys.modules[name] = module
    try:
        exec(compile(code, f"<{name}>", "exec"), module.__dict__)
    finally:
        del sys.modules[name]
    return module


def test_extractor_example_in_the_plugin_docs_runs() -> None:
    blocks = python_blocks(PLUGINS_DOC)
    extractor_example, try_it = blocks[0], blocks[1]
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        run_as_module(extractor_example + "\n" + try_it, "docs_hashtags")
    assert output.getvalue().strip() == "['ceasefire']"


def test_reader_example_in_the_plugin_docs_runs() -> None:
    module = run_as_module(python_blocks(PLUGINS_DOC)[2], "docs_srt")
    from newsparse.testing import plugin_manager, registered

    manager = plugin_manager()
    with registered(manager, module, name="srt"):
        article = newsparse.parse("1\n00:00:01,000 --> 00:00:02,000\nHello there.\n", manager=manager)
    assert article.reader == "srt"
    assert article.text == "Hello there."


def test_quickstart_example_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        run_as_module(python_blocks(DOCS / "quickstart.md")[0], "docs_quickstart")
    assert output.getvalue().splitlines() == [
        "Idlib crisis: The high stakes for Turkey and Russia",
        "['Roman Goncharenko']",
        "2020-03-05",
    ]


def test_every_docs_page_is_in_the_site_navigation() -> None:
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for page in DOCS.glob("*.md"):
        assert page.name in nav, f"{page.name} is not in mkdocs.yml nav"


@pytest.mark.skipif(shutil.which("mkdocs") is None and not (Path(sys.executable).parent / "mkdocs").exists(),
                    reason="mkdocs not installed")  # fmt: skip
def test_site_builds_strictly(tmp_path: Path) -> None:
    mkdocs = shutil.which("mkdocs") or str(Path(sys.executable).parent / "mkdocs")
    result = subprocess.run(
        [mkdocs, "build", "--strict", "--site-dir", str(tmp_path / "site")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_readme_examples_run(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    usage, plugin = python_blocks(ROOT / "README.md")[:2]
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        run_as_module(usage, "readme_usage")
    assert output.getvalue().splitlines()[0] == (
        "Idlib crisis: The high stakes for Turkey and Russia ['Roman Goncharenko'] 2020-03-05"
    )
    module = run_as_module(plugin, "readme_plugin")
    from newsparse.testing import plugin_manager, registered

    manager = plugin_manager()
    with registered(manager, module, name="hashtags"):
        article = newsparse.parse("Crowds gathered. #Idlib", format="plain", manager=manager)
    assert [f.tag for f in article.extractions["hashtags"]] == ["idlib"]  # type: ignore[attr-defined]


def test_readme_commands_are_what_ci_runs() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    install = regex.search(r"```sh\n(python3 -m venv .*)\n```", readme)
    assert install is not None
    for step in install[1].split(" && "):
        assert step.replace("-e", "").split()[0] in ci
    assert '.venv/bin/pip install -e ".[dev]"' in ci
    assert "newsparse parse seeds/dw-2020-03-05-idlib-crisis.txt --pretty" in ci
    assert "\n.venv/bin/pytest\n" in ci
    assert "```sh\n.venv/bin/pytest\n```" in readme
