"""The GitHub Actions workflow: valid YAML that tests, builds and deploys the book with the README's commands."""

from __future__ import annotations

import yaml

from pressframe.base.paths import repo_root


def load():
    return yaml.safe_load((repo_root() / ".github" / "workflows" / "book.yml").read_text(encoding="utf-8"))


def steps(job):
    return [s.get("run", "") + s.get("uses", "") for s in job["steps"]]


def test_workflow_tests_builds_and_deploys_main():
    workflow = load()
    triggers = workflow[True] if True in workflow else workflow["on"]   # YAML 1.1 reads "on" as True
    assert triggers["push"]["branches"] == ["main"]
    jobs = workflow["jobs"]
    assert "make test" in steps(jobs["test"])
    assert "make book" in steps(jobs["build"]) and jobs["build"]["needs"] == "test"
    assert any(s.startswith("actions/upload-pages-artifact") for s in steps(jobs["build"]))
    # the runner is not root: the PDF's Pango is installed first, and the browser tests get a Chrome to drive
    test_steps, build_steps = steps(jobs["test"]), steps(jobs["build"])
    assert any("libpango" in s and "fonts-dejavu" in s for s in test_steps[: test_steps.index("make test")])
    assert any("libpango" in s and "fonts-dejavu" in s for s in build_steps[: build_steps.index("make book")])
    make_test = next(s for s in jobs["test"]["steps"] if s.get("run") == "make test")
    assert make_test["env"]["PRESSFRAME_CHROMIUM"]
    upload = next(s for s in jobs["build"]["steps"] if s.get("uses", "").startswith("actions/upload-pages-artifact"))
    assert upload["with"]["path"] == "_build/html"
    deploy = jobs["deploy"]
    assert deploy["if"] == "github.ref == 'refs/heads/main'" and deploy["needs"] == "build"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert any(s.startswith("actions/deploy-pages") for s in steps(deploy))
    for job in jobs.values():
        for step in job["steps"]:
            if "setup-python" in step.get("uses", ""):
                assert step["with"]["python-version"] == "3.11"
