"""The command line's help is plain text: a terminal shows no reStructuredText markup."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from pressframe.cli import parser

MARKUP = re.compile(r"``|:[a-z]+:`|\*\*|^\.\. ", re.MULTILINE)


def test_top_level_help_is_plain_text():
    done = subprocess.run([sys.executable, "-m", "pressframe", "--help"], capture_output=True, text=True, check=True)
    assert "python -m pressframe" in done.stdout
    assert MARKUP.findall(done.stdout) == []


@pytest.mark.parametrize("command", sorted(parser()._subparsers._group_actions[0].choices))
def test_every_command_s_help_is_plain_text(command):
    help_text = parser()._subparsers._group_actions[0].choices[command].format_help()
    assert MARKUP.findall(help_text) == [], command
