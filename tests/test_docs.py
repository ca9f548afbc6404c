"""The README and the reference pages stay true to the code."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from generator.cli import cli
from generator.loader import load
from generator.models import (
    Action,
    ActionLibrary,
    Agreement,
    Answer,
    AnswerSet,
    Level,
    Option,
    Organisation,
    Outcome,
    Question,
    Questionnaire,
    QuestionnaireAnswers,
    ReportSettings,
    Respondent,
    RoadmapSettings,
    Round,
    Scale,
    Scoring,
    Section,
)

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def block(marker: str) -> str:
    match = re.search(
        rf"<!-- {marker} -->\s*```bash\n(.*?)\n\s*```\s*<!-- /{marker} -->", README, re.S
    )
    assert match, f"README.md has no {marker} block"
    return match.group(1).strip()


def test_readme_has_the_two_quickstart_commands():
    assert "pip install -e ." in block("main-command")
    assert block("test-command").endswith("pytest")


def test_ci_runs_the_readme_test_command():
    script = ROOT / ".ci/run"
    extracted = subprocess.run(
        [
            "bash",
            "-c",
            "sed -n '/<!-- test-command -->/,/<!-- \\/test-command -->/p' README.md"
            " | sed -e '/<!--/d' -e '/```/d' -e 's/^ *//'",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert extracted == block("test-command")
    assert "README.md" in script.read_text(encoding="utf-8")


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_every_command_is_in_the_readme(command):
    assert f"pmo {command}" in README


def test_readme_example_answer_file_is_valid(tmp_path):
    example = re.search(r"```yaml\n(organisation: .*?)```", README, re.S).group(1)
    path = tmp_path / "example.yaml"
    path.write_text(example, encoding="utf-8")
    load(ROOT, only=[path])  # raises InputError on any error


PAGES = {
    "reference/questionnaire-format.md": (
        Questionnaire,
        Scale,
        Option,
        Question,
        Section,
        Level,
        Outcome,
        Scoring,
    ),
    "reference/answer-format.md": (AnswerSet, QuestionnaireAnswers, Answer, Respondent, Agreement),
    "reference/organisation-format.md": (Organisation, Round, RoadmapSettings, ReportSettings),
    "reference/action-format.md": (ActionLibrary, Action),
    "reference/roadmaps.md": (RoadmapSettings,),
}


def test_action_format_example_is_valid(tmp_path):
    import shutil

    text = (ROOT / "content/reference/action-format.md").read_text(encoding="utf-8")
    example = re.search(r"```yaml\n(.*?)```", text, re.S).group(1)
    shutil.copytree(
        ROOT,
        tmp_path / "ws",
        ignore=shutil.ignore_patterns(".git", ".venv", "site", "build", "__pycache__"),
    )
    (tmp_path / "ws/assessments/actions/ours.yaml").write_text(example, encoding="utf-8")
    workspace = load(tmp_path / "ws")
    assert "gov-gate-calendar" in workspace.actions


@pytest.mark.parametrize("page", sorted(PAGES))
def test_reference_pages_document_every_key(page):
    text = (ROOT / "content" / page).read_text(encoding="utf-8")
    missing = [
        f"{model.__name__}.{name}"
        for model in PAGES[page]
        for name in model.model_fields
        if f"`{name}`" not in text
    ]
    assert not missing, f"{page} does not document: {', '.join(missing)}"


HELP_WIDTH = 98


def help_blocks() -> list[tuple[str, str]]:
    text = (ROOT / "content" / "reference" / "cli.md").read_text(encoding="utf-8")
    return re.findall(r"```console\n\$ (pmo[\w -]*?) --help\n(.*?)```", text, re.S)


@pytest.mark.parametrize(("command", "shown"), help_blocks(), ids=lambda v: v[:20])
def test_the_cli_reference_shows_the_current_help(command, shown):
    from click.testing import CliRunner

    result = CliRunner().invoke(cli, [*command.split()[1:], "--help"], prog_name="pmo",
                                terminal_width=HELP_WIDTH)
    assert result.exit_code == 0
    assert shown.rstrip() == for_site(result.output).rstrip(), "run: python tools/cli_help.py"


def for_site(text: str) -> str:
    """The help as tools/cli_help.py pastes it into the site's reference page."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("cli_help", ROOT / "tools" / "cli_help.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.for_site(text)
