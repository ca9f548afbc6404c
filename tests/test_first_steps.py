"""A new client's first steps, as the README and the assessments page describe them.

`pmo init` → `pmo new-org` → `pmo new-response` for three respondents → fill the files in by
hand → `validate` → `score` → `roadmap` → `build` → `build --org`, each through the real entry
point, in a workspace that `init` made (the bundled questionnaires, actions and site content).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

RESPONDENTS = {"ana": "PMO lead", "ben": "Sponsor", "cleo": "Project manager"}
LADDER = ["not", "partly", "largely", "fully"]


def fill_in(path: Path, lean: int) -> None:
    """Answer a `pmo new-response` skeleton the way a person edits it: type a value after each
    empty `answer:` (or `current:`/`target:`) key, leaving the comments and layout alone.

    Maturity answers climb down the levels (level 2 mostly in place, level 5 mostly not), so
    the plan has real gaps; `lean` shifts one respondent's view to make disagreements. A
    question asked only after certain earlier answers is left empty, as the comment says.
    """
    lines = path.read_text(encoding="utf-8").splitlines()
    key, level, options, conditional = "", 2, [], False
    for n, line in enumerate(lines):
        if heading := re.match(r"\s+# ([A-Z]+-[\w-]+)(?: \(level (\d)\))?: ", line):
            key, options, conditional = heading[1], [], False
            level = int(heading[2] or 2)
        elif option := re.match(r"\s+#\s{3}([a-z][\w-]*)\s{2,}\S", line):
            options.append(option[1])
        elif "# Answer only when" in line:
            conditional = True
        elif (empty := re.match(r"(\s+)(answer|current|target|importance|satisfaction):\s*$",
                                line)) and not conditional:
            if empty[2] in ("importance", "satisfaction"):  # the services survey: 1 to 5
                value = str((lean + n) % 5 + 1)
            elif empty[2] == "answer":
                value = LADDER[max(0, min(3, 5 - level + lean - (key.startswith("FIN") * 2)))]
            else:
                value = options[(lean + (empty[2] == "target")) % len(options)]
            lines[n] = f"{empty[1]}{empty[2]}: {value}"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_a_new_client_from_init_to_a_client_site(run, tmp_path):
    ws = tmp_path / "client"
    status, out, err = run("init", str(ws))
    assert status == 0, err
    assert "pmo new-org" in out  # init says what to do next

    status, out, err = run("new-org", "acme", "--name", "Acme Ltd", "--sector", "Retail",
                           "--size", "About 300 staff", "--round", "2026-q4",
                           "--date", "2026-11-30", cwd=ws)
    assert status == 0, err
    assert "pmo new-response acme" in out

    for respondent, role in RESPONDENTS.items():
        status, out, err = run("new-response", "acme", "--respondent", respondent,
                               "--role", role, cwd=ws)
        assert status == 0, err
    round_folder = ws / "assessments/orgs/acme/2026-q4"
    assert sorted(p.stem for p in round_folder.glob("*.yaml")) == sorted(RESPONDENTS)

    # Skeletons as written are valid, and left out of the results until filled in.
    status, out, err = run("validate", cwd=ws)
    assert status == 0, err
    assert "0 questionnaires answered" in out

    for lean, respondent in enumerate(RESPONDENTS):
        fill_in(round_folder / f"{respondent}.yaml", lean)
    status, out, err = run("validate", cwd=ws)
    assert status == 0 and "error" not in err, err
    # Only the questions asked after certain earlier answers may be left, as warnings.
    assert all("required question unanswered" in line for line in err.splitlines()), err
    assert "3 answer files (12 questionnaires answered" in out

    status, out, err = run("score", "acme", "--format", "json", cwd=ws)
    assert status == 0, err
    card = json.loads(out)
    [maturity] = card["maturity"]
    assert maturity["respondents"] == 3
    assert {p["id"] for p in maturity["perspectives"]} >= {"governance", "finance"}
    assert all(p["level"] is not None for p in maturity["perspectives"])

    status, out, err = run("roadmap", "acme", "--format", "json", cwd=ws)
    assert status == 0, err
    plan = json.loads(out)
    assert plan["actions"], "answers with gaps give a plan with actions"
    assert all(a["reason"] for a in plan["actions"])

    status, out, err = run("build", cwd=ws)
    assert status == 0, err
    assert "Built " in out and "pmo validate" in out  # input warnings counted, not listed
    report = ws / "site/assessments/acme"
    assert (report / "index.html").is_file()
    assert "Acme Ltd" in (ws / "site/assessments/index.html").read_text(encoding="utf-8")

    status, out, err = run("build", "--org", "acme", cwd=ws)
    assert status == 0, err
    client = ws / "site-acme"
    assert (client / "assessments/acme/index.html").is_file()
    # Complete and searchable on its own (tests/test_site.py checks what it must not hold).
    assert (client / "index.html").is_file() and (client / "search/search_index.json").is_file()
